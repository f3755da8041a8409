import type { Catalog } from '../../catalog';
import type { core as en } from '../en/core';

/** 引擎消息的中文文本；参数（字段名、编号、金额）与英文相同，原样保留。 */
export const core: Catalog<typeof en> = {
  deal: {
    duplicateTranche: '证券档次编号“{{id}}”重复',
    duplicateFee: '费用编号“{{id}}”重复',
    duplicateTrigger: '触发条件编号“{{id}}”重复',
    noTranche: '不存在证券档次“{{id}}”',
    noFee: '不存在费用“{{id}}”',
    feeNoCap: '费用“{{fee}}”未设置 {{field}}，没有可支付的超限部分',
    interestTwice: '证券档次“{{id}}”已在第 {{step}} 步计付利息',
    stepNeeds: '{{step}} 步骤需要 {{field}}',
    noReserveToDraw: '没有可供提取的储备账户',
    noInterestStep: '证券档次“{{id}}”未列入任何利息支付步骤',
    noPrincipalStep: '证券档次“{{id}}”未列入任何本金支付步骤',
    revolvingNoPurchase: '交易设有循环购买，但没有购买基础资产的步骤（请添加 {{step}}）',
    scheduleUnsorted: '阈值表须按 {{field}} 升序排列',
    endRevolvingNotRevolving: '交易未设循环购买，不能设置 {{effect}}',
    closingBeforeCutoff: '{{closing}} 早于初始起算日 {{cutoff}}',
    firstNotOnPaymentDay: '落在 {{day}} 日，不是兑付日 {{field}} {{paymentDay}} 日',
    firstNotAfterClosing: '{{first}} 不晚于信托设立日 {{closing}}',
    firstInCutoffMonth: '须在初始起算日所在月份之后',
    legalNotAfterClosing: '{{legal}} 不晚于信托设立日 {{closing}}',
    missingIndex: '情景“{{scenario}}”缺少基准利率曲线“{{index}}”（证券档次 {{tranche}}）',
    unknownSegment:
      '情景“{{scenario}}”覆盖了资产池中不存在的细分“{{segment}}”（资产池的细分为：{{segments}}）',
    duplicateScenario: '情景名称“{{name}}”重复',
    duplicateLine: '资产组编号“{{id}}”重复',
    cnlTiming: '分布曲线之和须为 1（当前为 {{sum}}）',
    exceeds: '{{field}} 超过 {{limit}}',
    revolvingNoPaymentRate: '循环额度的 {{field}} 须大于 0',
    poolEmpty: '资产池余额为零，无法兑付证券',
    notesOverPool: '证券合计 {{notes}}，但资产池仅 {{pool}}（为资产池的 {{times}} 倍）',
  },
  file: {
    notAFile: '不是文件',
    notFound: '文件不存在',
    permissionDenied: '没有访问权限',
    tooLarge: '文件大小 {{size}}，超过此类文件 {{limit}} 的上限',
    invalidJson: 'JSON 格式错误',
    invalidJsonAt: 'JSON 格式错误：{{reason}}',
    lineColumn: '第 {{line}} 行第 {{column}} 列',
    newerVersion: '版本 {{version}} 由更新的 ABS 工作台写入；本版本最高只能读取版本 {{supported}}',
    missing: '缺失（应为 {{expected}}）',
    noneOfForms: '不符合任何一种允许的格式（{{tried}}）',
    unknownField: '未知字段',
    notIsoDate: '“{{value}}”不是 {{format}} 格式的日期',
    notCalendarDate: '“{{value}}”不是有效日期',
    columnLength: '有 {{length}} 个值，但 {{field}} 为 {{size}}',
    indexOutside: '序号超出 {{field}} 的范围',
    exceedsField: '超过 {{field}}',
    dealFileError: '交易文件“{{path}}”：{{message}}',
  },
  json: {
    badUnicodeEscape: '无效的 {{escape}} 转义（须为 4 位十六进制数字）',
    badEscape: '字符串中有无效的转义“{{escape}}”',
    controlInString: '字符串中出现 {{what}}（字符串不能跨行）',
    controlInString_lineBreak: '字符串中出现换行（字符串不能跨行）',
    unterminatedString: '字符串缺少结束引号',
    expectedName: '意外的 {{what}}：此处应为双引号括起的属性名',
    expectedName_end: '内容意外结束：此处应为双引号括起的属性名',
    expectedName_lineBreak: '意外的换行：此处应为双引号括起的属性名',
    expectedColon: '意外的 {{what}}：属性名之后应为“:”',
    expectedColon_end: '内容意外结束：属性名之后应为“:”',
    expectedColon_lineBreak: '意外的换行：属性名之后应为“:”',
    expectedValue: '意外的 {{what}}：此处应为一个值',
    expectedValue_end: '内容意外结束：此处应为一个值',
    expectedValue_lineBreak: '意外的换行：此处应为一个值',
    badNumber: '无效的数字',
    afterEnd: '文档结束后出现意外的 {{what}}',
    afterEnd_lineBreak: '文档结束后出现意外的换行',
    expectedCommaOr: '意外的 {{what}}：此处应为“,”或 {{closer}}',
    expectedCommaOr_end: '内容意外结束：此处应为“,”或 {{closer}}',
    expectedCommaOr_lineBreak: '意外的换行：此处应为“,”或 {{closer}}',
  },
  run: {
    noScenario: '不存在情景“{{name}}”（交易的情景有：{{names}}）',
    badPeriods: '期数须为不小于 1 的整数，当前为 {{periods}}',
  },
  calendar: {
    unknown: '没有节假日日历“{{id}}”（内置：{{builtIn}}；或通过 {{option}} 指定）',
    rolledBefore:
      '{{firstYear}} 年以前的兑付日仅按周末和固定日期节假日顺延：{{id}} 日历只收录 {{range}} 年已公布的节假日。',
    rolledBeyond:
      '{{year}} 年及以后的兑付日仅按周末和固定日期节假日顺延：{{id}} 日历只收录 {{range}} 年已公布的节假日。',
    dateFormat: '日期格式应为 {{format}}',
    idCharacters: '只能使用字母、数字及 _ . -',
    beforeFirstYear: '早于 {{field}}',
    noSuchDay: '该月没有这一天',
    outsideYears: '{{date}} 不在 {{fields}} 范围内（{{firstYear}}–{{publishedThrough}}）',
    notWeekend: '{{date}} 不是星期六或星期日',
  },
  notes: {
    stopMaturity:
      '按模型违约率计算的违约持续至每笔贷款到期；预测期限延至到期后一个回收滞后期，以完成违约资产的处置。',
    stopLag: '按模型违约率计算的违约在每笔贷款最后一个回收滞后期内停止（SIFMA 标准公式）。',
    advancingStop:
      '资产服务机构垫付时采用 SIFMA 违约截止规则（最后一个回收滞后期内不再违约），而非“{{stop}}”：垫付的贷款须留有余额待处置。',
    feePlans: '免息分期在存续期间按初始本金收取手续费，提前还清当月亦收取；其利率不予计算。',
    feePlansWithRate: '{{count}} 笔免息分期的利率大于 0：免息分期只收取手续费，利率不予计算。',
    seasonedFeePlans:
      '{{count}} 笔已有账龄的免息分期的初始本金不高于当前余额：手续费按当前余额收取；若资产清单缺少 {{field}}，手续费将被低估。',
    revolvingLines:
      '循环额度按月偿付率还款，同一账户不再新增支用；手续费按当前余额收取；每个额度最多跟踪 {{months}} 个月。',
    singlePayment:
      '到期一次性还本付息的贷款于到期（或提前还清）时一次支付本金及自放款日起的单利；违约则损失应计利息。',
    cnlTiming:
      '累计净损失自初始起算日起、按每笔贷款的初始起算日余额分布，不考虑早偿；分布曲线长于贷款剩余期限的，在剩余期限内重新分布。',
    cnlStated: '累计净损失设定 {{stated}}，实现 {{realised}}（占按累计净损失建模贷款的初始起算日余额）。',
    cnlShort:
      '实现的累计净损失 {{realised}} 低于设定的 {{stated}}：部分月份的损失额度超过了仍在正常还款的余额（早偿较快或分布偏后），或落在预测期之后。',
    leftAtEnd:
      '第 {{period}} 期末，仍有 {{performing}} 正常还款、{{pending}} 违约资产待处置：本次测算既未收回这部分现金，也未计入相应损失。',
    leftAtEndRevolving:
      '第 {{period}} 期末，仍有 {{performing}} 正常还款、{{pending}} 违约资产待处置（循环额度跟踪 {{months}} 个月后即停止）：本次测算既未收回这部分现金，也未计入相应损失。',
  },
  funding: {
    duplicateSource: '资金来源编号“{{id}}”重复',
    unknownSource: '未知的资金来源编号“{{id}}”',
    oneEquity: '融资方案须有且仅有一个自有资金来源',
    dealOrClasses: '请指定交易文件或证券档次',
    scenarioNeeded: '请指定情景（没有可供读取情景的交易文件）',
    dealNotRead: '交易文件“{{path}}”未读取',
    loanLevelPool: '交易文件“{{path}}”使用逐笔贷款资产池文件；融资测算需要代表性资产组',
    noScenario: '未指定情景，也未找到情景',
    missingIndex: '未给出基准利率曲线“{{name}}”（请在 {{field}} 中以利率或月度利率序列添加）',
    family: {
      bankLine: '银行授信“{{id}}”的承诺额度',
      retail: '个人资金“{{id}}”的每月募集能力',
      equityAvailable: '可用自有资金（“{{id}}”上限扣除超额损失，以及每月新增）',
      minEquity: '自有资金不低于资金需求的 {{share}}',
      noGapBase: '基准情景下无资金缺口',
      noGapStress: '压力情景“{{stress}}”下无资金缺口',
      equityForHaircuts: '自有资金承担自留证券及授信折扣',
      maxShare: '“{{id}}”不超过融资总额的 {{share}}',
      liquidityBuffer: '流动性缓冲为应收账款的 {{share}}',
    },
  },
  rating: {
    passAboveFailure:
      '{{id}}档通过 {{above}}，却未通过较温和的 {{failed}}（{{multiple}}×）：{{why}}。所通过的最高级别只计其以下各较温和级别均通过的级别。',
    lessLoss:
      '压力较大的情形在交易内实现的损失反而更少（{{harsher}}，对比 {{milder}}）：损失触发事件更早触发，循环购买提前结束，买入的资产更少（或清仓回购截断了损失）',
    triggerHelps: '触发事件或清仓回购改变了现金流，使更多损失反而有利于该档',
  },
};
