/**
 * The structured-finance terms, each translated once, as Chinese practitioners write them (exchange and
 * interbank ABS prospectuses and trustee reports). The app's screens, the Excel report and the CLI all take a
 * term from here — `t('glossary:wal')`, or `$t(glossary:wal)` nested inside a sentence — so 加权平均期限 is never
 * spelt two ways. Sections are by area; add a term where it belongs, never a second spelling of one here.
 */
type Term = readonly [en: string, zh: string];

const TERMS = {
  // ── The deal and its parties
  deal: ['Deal', '交易'],
  originator: ['Originator', '原始权益人'],
  issuer: ['Issuer', '发行人'],
  servicer: ['Servicer', '资产服务机构'],
  trustee: ['Trustee', '受托人'],
  investor: ['Investor', '投资者'],
  currency: ['Currency', '币种'],

  // ── The pool
  pool: ['Pool', '资产池'],
  receivables: ['Receivables', '基础资产'],
  loan: ['Loan', '贷款'],
  loans: ['Loans', '贷款笔数'],
  borrower: ['Borrower', '借款人'],
  tape: ['Loan tape', '资产清单'],
  balance: ['Balance', '余额'],
  originalBalance: ['Original balance', '初始本金余额'],
  currentBalance: ['Current balance', '未偿本金余额'],
  poolBalance: ['Pool balance', '资产池余额'],
  principal: ['Principal', '本金'],
  interest: ['Interest', '利息'],
  rate: ['Rate', '利率'],
  apr: ['APR', '年化利率'],
  waRate: ['Weighted average rate', '加权平均利率'],
  term: ['Term', '期限'],
  originalTerm: ['Original term', '合同期限'],
  remainingTerm: ['Remaining term', '剩余期限'],
  seasoning: ['Seasoning', '账龄'],
  product: ['Product', '产品'],
  repaymentMethod: ['Repayment method', '还款方式'],
  installment: ['Installment', '分期'],
  cashLoan: ['Cash loan', '现金贷'],
  interestFreeInstallment: ['Interest-free installment', '免息分期'],
  levelPay: ['Level payment', '等额本息'],
  levelPrincipal: ['Level principal', '等额本金'],
  interestOnly: ['Interest only, principal at maturity', '先息后本'],
  bullet: ['Single payment at maturity', '到期一次性还本付息'],
  revolvingLine: ['Revolving line', '循环额度'],
  delinquency: ['Delinquency', '逾期'],
  daysPastDue: ['Days past due', '逾期天数'],
  chargeOff: ['Charge-off', '核销'],
  current: ['Current', '正常'],
  prepaid: ['Prepaid', '提前还清'],
  region: ['Region', '地区'],
  stratification: ['Stratification', '资产池分布'],
  cutoffDate: ['Cut-off date', '初始起算日'],

  // ── Assumptions
  assumptions: ['Assumptions', '假设'],
  scenario: ['Scenario', '情景'],
  defaultRate: ['Default rate', '违约率'],
  prepaymentRate: ['Prepayment rate', '早偿率'],
  recoveryRate: ['Recovery rate', '回收率'],
  lossSeverity: ['Loss severity', '违约损失率'],
  recoveryLag: ['Recovery lag', '回收滞后期'],
  cdr: ['CDR', '年化违约率(CDR)'],
  mdr: ['MDR', '月违约率(MDR)'],
  cpr: ['CPR', '年化早偿率(CPR)'],
  smm: ['SMM', '月早偿率(SMM)'],
  abs: ['ABS speed', 'ABS早偿速度'],
  cnl: ['Cumulative net loss', '累计净损失率'],
  cgl: ['Cumulative gross default', '累计违约率'],
  paymentRate: ['Payment rate', '月偿付率'],
  curve: ['Curve', '曲线'],
  vintage: ['Vintage', '静态池'],
  rollRate: ['Roll rate', '迁徙率'],
  chainLadder: ['Chain ladder', '链梯法'],
  timingCurve: ['Timing curve', '损失时间分布曲线'],
  developmentFactor: ['Development factor', '进展因子'],
  backtest: ['Back-test', '回溯检验'],

  // ── Structure
  structure: ['Structure', '交易结构'],
  tranche: ['Tranche', '证券档次'],
  class: ['Class', '档'],
  senior: ['Senior', '优先级'],
  mezzanine: ['Mezzanine', '次优先级'],
  subordinated: ['Subordinated', '次级'],
  residual: ['Residual', '剩余收益'],
  coupon: ['Coupon', '票面利率'],
  fixedRate: ['Fixed', '固定利率'],
  floatingRate: ['Floating', '浮动利率'],
  margin: ['Margin', '利差'],
  fee: ['Fee', '费用'],
  servicingFee: ['Servicing fee', '资产服务费'],
  waterfall: ['Waterfall', '现金流支付顺序'],
  interestWaterfall: ['Interest waterfall', '收入分账户支付顺序'],
  principalWaterfall: ['Principal waterfall', '本金分账户支付顺序'],
  sequential: ['Sequential', '顺序偿付'],
  proRata: ['Pro rata', '按比例偿付'],
  revolving: ['Revolving', '循环购买'],
  revolvingPeriod: ['Revolving period', '循环购买期'],
  amortisingPeriod: ['Amortising period', '摊还期'],
  trigger: ['Trigger', '触发条件'],
  triggerEvent: ['Trigger event', '触发事件'],
  acceleration: ['Acceleration', '加速清偿'],
  excessSpread: ['Excess spread', '超额利差'],
  overcollateralisation: ['Overcollateralisation', '超额抵押'],
  creditEnhancement: ['Credit enhancement', '信用增级'],
  reserveAccount: ['Reserve account', '储备账户'],
  cleanUpCall: ['Clean-up call', '清仓回购'],
  writedown: ['Write-down', '本金减记'],
  interestShortfall: ['Interest shortfall', '利息短缺'],
  principalLoss: ['Principal loss', '本金损失'],

  // ── The calendar
  calendar: ['Calendar', '日历'],
  closingDate: ['Closing date', '信托设立日'],
  paymentDate: ['Payment date', '兑付日'],
  firstPaymentDate: ['First payment date', '首个兑付日'],
  collectionPeriod: ['Collection period', '收款期间'],
  accrualPeriod: ['Accrual period', '计息期间'],
  dayCount: ['Day count', '计息基准'],
  businessDayRule: ['Business-day rule', '工作日调整规则'],
  holidayCalendar: ['Holiday calendar', '节假日日历'],
  paymentFrequency: ['Payment frequency', '兑付频率'],
  monthly: ['Monthly', '按月'],
  quarterly: ['Quarterly', '按季'],
  semiAnnual: ['Semi-annual', '按半年'],
  expectedFinal: ['Expected final', '预期到期日'],
  legalFinal: ['Legal final maturity', '法定到期日'],
  period: ['Period', '期数'],
  date: ['Date', '日期'],

  // ── Analytics and stress
  wal: ['WAL', '加权平均期限'],
  yield: ['Yield', '收益率'],
  price: ['Price', '价格'],
  spread: ['Spread', '利差'],
  duration: ['Duration', '久期'],
  modifiedDuration: ['Modified duration', '修正久期'],
  convexity: ['Convexity', '凸性'],
  principalWindow: ['Principal window', '本金偿付窗口'],
  stress: ['Stress', '压力测试'],
  breakeven: ['Break-even', '临界值'],
  breakevenDefault: ['Break-even default rate', '临界违约率'],
  realisedLoss: ['Realised loss', '已实现损失'],
  rating: ['Rating', '评级'],
  monteCarlo: ['Monte Carlo', '蒙特卡洛模拟'],
  cashflow: ['Cash flow', '现金流'],
  reconciliation: ['Reconciliation', '勾稽核对'],
  // The two loss views a run reports (renderer/lossTerms.ts): realised at liquidation, and the charge-off view.
  netLoss: ['Cumulative net loss (defaults − recoveries)', '累计净损失率（违约 − 回收）'],

  // ── Funding
  funding: ['Funding', '融资'],
  fundingSource: ['Funding source', '资金来源'],
  bankLine: ['Bank line', '银行授信'],
  retailCapital: ['Personal capital', '个人资金'],
  securitisation: ['Securitisation', '资产证券化'],
  equity: ['Own equity', '自有资金'],
  costOfFunds: ['Cost of funds', '资金成本'],
  liquidity: ['Liquidity', '流动性'],
  headroom: ['Headroom', '剩余额度'],
  irr: ['IRR', '内部收益率'],

  // ── Liquidity support, hedges and coupon features (issue 15)
  liquidityFacility: ['Liquidity facility', '流动性支持'],
  commitmentFee: ['Commitment fee', '承诺费'],
  hedge: ['Hedge', '利率对冲'],
  interestRateSwap: ['Interest-rate swap', '利率互换'],
  interestRateCap: ['Interest-rate cap', '利率上限'],
  stepUp: ['Step-up coupon', '利率跳升'],
  availableFundsCap: ['Available-funds cap', '可用资金上限'],
  capCarryover: ['Cap carryover', '超上限利息结转'],
  interestOnlyClass: ['Interest-only class', '只付息档'],
  principalOnlyClass: ['Principal-only class', '只付本档'],

  // ── The report and the app
  report: ['Tranche report', '证券档次报告'],
  summary: ['Summary', '概要'],
  results: ['Results', '结果'],
  export: ['Export', '导出'],
} as const satisfies Record<string, Term>;

export type GlossaryKey = keyof typeof TERMS;

function side(i: 0 | 1): Record<GlossaryKey, string> {
  return Object.fromEntries(Object.entries(TERMS).map(([k, v]) => [k, v[i]])) as Record<GlossaryKey, string>;
}

/** The `glossary` namespace in each language. */
export const glossaryEn = side(0);
export const glossaryZh = side(1);
