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
  tapeImport: {
    joinComma: '{{a}}，{{b}}',
    joinSemicolon: '{{a}}；{{b}}',
    duplicateHeader: '表头“{{header}}”出现多次，取第一列',
    slashOrderDMY:
      '{{field}}（“{{column}}”）：斜杠日期按 {{format}} 读取（有首段大于 12 的值，据此确定全列顺序）',
    slashOrderMDY:
      '{{field}}（“{{column}}”）：斜杠日期按 {{format}} 读取（有第二段大于 12 的值，据此确定全列顺序）',
    slashAmbiguous:
      '列“{{column}}”（{{field}}）：{{cells}} 个斜杠日期既可读作 {{dmy}} 也可读作 {{mdy}}（没有大于 12 的日）；请在映射中写明格式（{{key}}: "{{dmyCode}}" 或 "{{mdyCode}}"）',
    slashMixed:
      '列“{{column}}”（{{field}}）：斜杠日期 {{dm}} 与 {{md}} 两种顺序并存（{{first}} 个首段大于 12，{{second}} 个第二段大于 12）；请在映射中写明格式（{{key}}）',
    countAs: '{{format}} 格式 {{count}} 个',
    dateFormats: '{{field}}（“{{column}}”）：{{formats}}',
    dateFormatsStated: '{{field}}（“{{column}}”）：{{formats}}（格式由映射指定）',
    cutoffGiven: '本次导入指定初始起算日 {{date}}',
    cutoffOrder: '初始起算日“{{value}}”既可读作 {{dm}} 也可读作 {{md}}；请在映射中写明 {{key}}',
    cutoffBad: '初始起算日“{{value}}”不是日期',
    cutoffSeveral: '起算日列有 {{count}} 个不同日期，取最晚的 {{date}}',
    cutoffFromColumn: '初始起算日 {{date}} 取自资产清单的起算日列',
    cutoffFromMapping: '初始起算日 {{date}} 取自映射',
    derivedFromMaturity:
      '{{count}} 笔贷款的 {{field}} 由 {{from}} 与起算日 {{cutoff}} 推算（起算日后至到期日的还款期数）',
    derivedFromOrigination:
      '{{count}} 笔贷款的 {{field}} 按 {{original}} 减去 {{from}} 至起算日 {{cutoff}} 的整月数推算',
    remainingNotDerivable:
      '{{field}} 未映射且无法推算：请映射剩余期数列，或映射到期日／放款日并给出初始起算日',
    originalNotMapped: '{{field}} 未映射：取当前余额',
    originalEmpty: '{{field}} 有 {{count}} 行为空：取当前余额',
    productNotMapped: '{{field}} 未映射：全部贷款按 {{product}} 处理',
    repaymentMethod:
      '{{field}}（“{{column}}”）决定产品类型类贷款（分期、现金贷等）的摊还方式；为空时按 {{product}}',
    repaymentMethodOnly:
      '{{field}}（“{{column}}”）决定产品类型类贷款（分期、现金贷等）的摊还方式（无产品列，适用于全部贷款）；为空时按 {{product}}',
    classification:
      '{{field}}（“{{column}}”）：正常为正常类，关注为逾期（保留），次级／可疑为违约，损失为核销（剔除）；贷款状态与五级分类取较差者',
    amountUnit: '{{field}}（“{{column}}”）：金额单位为{{unit}}（按表头），折算为元',
    amountUnitStated: '{{field}}（“{{column}}”）：金额单位为{{unit}}（映射指定），折算为元',
    segmentNotMapped: '{{field}} 未映射：全部贷款归入细分“{{segment}}”',
    statusNotMapped: '{{field}} 未映射：不按贷款状态剔除贷款',
    statusesExcluded: '剔除出资产池的贷款状态：{{statuses}}',
    decidedByMapping: '映射指定',
    decidedByCell: '由“{{value}}”判断',
    decimalCommas: '{{field}}（“{{column}}”）：以逗号为小数点，{{decidedBy}}',
    decimalFollowsCommas:
      '{{field}}（“{{column}}”）：“{{sample}}”等值按逗号小数点读取，与资产清单其他数值列一致',
    decimalFollowsPoints:
      '{{field}}（“{{column}}”）：“{{sample}}”等值按句点小数点读取，与资产清单其他数值列一致',
    decimalUndecided:
      '列“{{column}}”（{{field}}）：“{{sample}}”等值两种读法均可，资产清单中无法判断小数点；已按句点读取（如有误，请在映射中写明 {{key}}）',
    rateSigned: '{{count}} 个带“%”的值除以 100',
    ratePercentStated: '{{count}} 个无单位的值按百分数读取（映射指定）',
    ratePercent: '{{count}} 个无单位的值按百分数读取（除以 100）：该列无单位的值大于 {{threshold}}',
    rateDecimal: '{{count}} 个无单位的值按小数读取',
    rateHeaderPercent: '{{count}} 个无单位的值按表头所示以百分数读取',
    rateHeaderPerMille: '{{count}} 个无单位的值按表头所示以千分数读取',
    rateParts: '{{field}}（“{{column}}”）：{{parts}}',
    rateMonthly: '{{field}}（“{{column}}”）：月利率，乘以 12 折为年利率',
    rateDaily: '{{field}}（“{{column}}”）：日利率，折为年利率：{{how}}',
    basisTape: '{{count}} 笔 × {{basis}}（资产清单的日利率计算基础）',
    basisNoColumn: '{{count}} 笔 × {{basis}}（无日利率计算基础列；取映射的 {{key}}，未指定时为 360）',
    basisEmpty: '{{count}} 笔 × {{basis}}（计算基础为空；取映射的 {{key}}，未指定时为 360）',
    rateMixed:
      '列“{{column}}”百分数写法（如 10.65）与小数写法（如 0.1065）混用：{{count}} 行与该列写法不符，已剔除（{{reason}}）；如需读入，请在映射中写明 {{key}}',
    encoding: {
      bom: '{{encoding}} 字节顺序标记',
      nul: '无字节顺序标记；零字节分布符合 {{encoding}}',
      utf8ButGbk:
        '无字节顺序标记；字节是有效的 UTF-8，但按 UTF-8 读出的 {{words}} 个多字节词中有 {{gbk}} 个不成文字（孤立的组合符号、混杂或罕见文字），改按 {{fallback}} 中文读取',
      validUtf8: '无字节顺序标记；文件开头是有效的 UTF-8',
      invalidUtf8: '无字节顺序标记；第 {{byte}} 字节不是有效的 UTF-8，按 {{fallback}}（GBK 的超集）读取',
      invalidUtf8Later: '第一兆字节之后出现无效的 UTF-8，按 {{fallback}}（GBK 的超集）读取',
      chosen: '在导入向导中选定（检测结果：{{detected}}）',
      stated: '按指定编码',
      reReadGbk: '文件开头是有效的 UTF-8，但第 {{byte}} 字节不是；改按 {{fallback}}（GBK 的超集）重读',
    },
    preset: {
      lendingclubLevelPay: '{{platform}} 贷款均为全额摊还的等额本息分期贷款（36 或 60 个月）。',
      lendingclubRemaining: '{{field}} 由 {{issued}}、{{term}} 与初始起算日推算（资产清单无剩余期数）。',
      esmaConfirmed: '已确认的字段代码：{{codes}}。',
      esmaByName: '{{fields}} 按字段名称匹配；其 {{prefix}} 代码未经确认。',
      esmaAmortisation: '摊还方式代码 {{codes}} 沿用同类模板，未经 {{annex}} 确认。',
      esmaNoData: '{{codes}} 单元格按缺失值导入，并保留缺失原因。',
      cnFields: '字段名称参照公开的中国 ABS 数据标准（{{source}}）及平台常见导出格式。',
      cnProduct:
        '分期／商品分期／现金贷等表示产品，而非摊还方式：摊还方式由“还款方式”列决定（无该列时为等额本息）。',
      cnClassification:
        '五级分类：正常为正常类，关注为仍在还款但需关注（逾期），次级／可疑为违约，损失为核销；贷款状态与五级分类取较差者。',
    },
  },
};
