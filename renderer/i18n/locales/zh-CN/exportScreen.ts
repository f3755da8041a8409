import type { Catalog } from '../../../../core/i18n/catalog';
import type { exportScreen as en } from '../en/exportScreen';

export const exportScreen: Catalog<typeof en> = {
  title: '$t(glossary:export)',
  intro:
    '证券档次报告为 Excel 工作簿，包含概要分析指标、各档证券现金流、资产池现金流和逐期勾稽；合计栏为实时公式，复核人员可重新计算。',
  cardTitle: 'Excel $t(glossary:report)',
  fromRun_one:
    '来自交易 <b>{{deal}}</b> 在情景 <b>{{scenario}}</b> 下的运行结果（{{count}} 档证券，{{periods}} 期；$t(glossary:senior)$t(glossary:wal) {{wal}} 年）。',
  fromRun_other:
    '来自交易 <b>{{deal}}</b> 在情景 <b>{{scenario}}</b> 下的运行结果（{{count}} 档证券，{{periods}} 期；$t(glossary:senior)$t(glossary:wal) {{wal}} 年）。',
  stale: '本次运行后交易已修改，报告仍为上次运行的结果。请重新运行以纳入修改。',
  format:
    '报告语言：{{language}}；金额单位：{{unit}}（“$t(report:sheets.waterfall)”表以{{units}}列示，精确至分）。语言和金额单位在窗口顶部选择。',
  formatUnits: '报告语言：{{language}}；金额单位：{{units}}。语言和金额单位在窗口顶部选择。',
  sheets: '工作表',
  breakevens: '临界值列于“{{sheet}}”表',
  analyses: '本次会话的分析',
  noAnalyses:
    '在“压力测试”和“融资”界面运行的敏感性网格、评级压力测试、蒙特卡洛模拟、情景比较和融资分析，可作为附加工作表放入工作簿。',
  staleAnalysis: '（基于交易的较早版本计算）',
  export: '导出证券档次报告（Excel）',
  runAgain: '重新运行',
  runFirst: '请先运行交易。',
  run: '运行',
};
