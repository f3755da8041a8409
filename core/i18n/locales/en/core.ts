/**
 * The `core` namespace in English: the engine's messages by code (core/i18n/messages.ts). The English text here
 * IS the engine's English message (`coreMessage` renders it), so change one only on purpose.
 */
export const core = {
  /** Cross-field checks of a deal's structure (core/deal/validate.ts). */
  deal: {
    duplicateTranche: "duplicate tranche id '{{id}}'",
    duplicateFee: "duplicate fee id '{{id}}'",
    duplicateTrigger: "duplicate trigger id '{{id}}'",
    noTranche: "no tranche '{{id}}'",
    noFee: "no fee '{{id}}'",
    feeNoCap: "fee '{{fee}}' has no {{field}}, so it has no excess to pay",
    interestTwice: "tranche '{{id}}' already earns interest in step {{step}}",
    /** JSON names (step kinds, fields) are parameters: they stay as written in the file in every language. */
    stepNeeds: 'a {{step}} step needs {{field}}',
    noReserveToDraw: 'no reserve account to draw from',
    noInterestStep: "tranche '{{id}}' is in no interest step",
    noPrincipalStep: "tranche '{{id}}' is in no principal step",
    revolvingNoPurchase: 'the deal revolves but no step buys receivables (add {{step}})',
    scheduleUnsorted: 'schedule must be sorted by {{field}}',
    endRevolvingNotRevolving: '{{effect}} on a deal that does not revolve',
    closingBeforeCutoff: '{{closing}} is before the cut-off date {{cutoff}}',
    firstNotAfterClosing: '{{first}} is not after the closing date {{closing}}',
    firstNotOnPaymentDay: 'falls on day {{day}}, not on {{field}} {{paymentDay}}',
    firstInCutoffMonth: 'must be in a month after the cut-off month',
    legalNotAfterClosing: '{{legal}} is not after the closing date {{closing}}',
    missingIndex: "scenario '{{scenario}}' has no index curve '{{index}}' (tranche {{tranche}})",
    unknownSegment:
      "scenario '{{scenario}}' overrides segment '{{segment}}', which the pool does not have (its segments: {{segments}})",
    /** The segments of a pool that has none, inside unknownSegment. */
    noSegments: 'none',
    duplicateScenario: "duplicate scenario name '{{name}}'",
    duplicateLine: "duplicate line id '{{id}}'",
    cnlTiming: 'timing must sum to 1 (sums to {{sum}})',
    exceeds: '{{field}} exceeds {{limit}}',
    revolvingNoPaymentRate: 'a revolving line needs a {{field}} above 0',
    /** The deal's notes against the pool they are secured on (core/deal/poolFit.ts). */
    poolEmpty: 'the pool has no balance to pay the notes from',
    notesOverPool: 'the notes total {{notes}} but the pool is {{pool}} ({{times}}× the pool)',
  },
  /** Deal phases, events of default, deficiency ledgers and step limits (issue #15; core/deal/validate.ts). */
  phases: {
    revenueFromPrincipal: 'a revenue (interest) step cannot draw on {{source}}',
    redemptionFromInterest: 'a redemption (principal) step cannot draw on {{source}}',
    pdlWithWriteDown: '{{field}} keeps the notes at their balance; it cannot be used with {{other}} {{mode}}',
    targetOnPrincipalOnly: 'a target balance limits principal steps only, not a {{step}} step',
    noTrigger: "no trigger '{{id}}'",
    noLegalFinal: 'no legal final date: set one on a class or in the deal calendar',
    phaseNeeds: 'a {{phase}} priority of payments needs {{field}}',
    noInterestStepIn: "tranche '{{id}}' is in no interest step of the {{phase}} priority of payments",
    noPrincipalStepIn: "tranche '{{id}}' is in no principal step of the {{phase}} priority of payments",
  },
  /** Liquidity facility, hedges and coupon features (core/deal/validateSupport.ts). */
  support: {
    duplicateHedge: "duplicate hedge id '{{id}}'",
    noHedge: "no hedge '{{id}}'",
    capNeedsNoStep: "'{{id}}' is a cap: it only pays the deal, so it needs no {{step}} step",
    swapNoStep: "swap '{{id}}' is paid by no step (add {{step}})",
    liquidityStepTwice: 'step {{step}} already pays the facility {{part}}',
    repayAfterPrincipal: 'the facility must be repaid before the notes: move this step before step {{step}}',
    carryoverNoCap: "tranche '{{id}}' has no available-funds cap, so it has no carryover to pay",
    noCommitment: 'give the commitment an {{amount}} or a {{percent}}',
    coversNothing: 'the facility covers no step: {{fees}} is off and {{interest}} lists no tranche',
    coversPart: 'the facility covers {{covered}} but not {{others}}: put them in separate interest steps',
    noRepayStep: 'the liquidity facility is never repaid (add {{step}})',
    noLiquidityInterestStep: 'interest on liquidity draws is never paid (add {{step}})',
    noCommitmentFeeStep: 'the commitment fee is never paid (add {{step}})',
    ioAndPo: 'a tranche cannot be both interest-only and principal-only',
    ioBalance: 'an interest-only tranche has no principal: its balance must be 0 (it is {{balance}})',
    ioOwnNotional: 'an interest-only tranche cannot take its own balance as notional',
    ioCapped: 'an interest-only tranche has no share of the notes, so it cannot have an available-funds cap',
    capNoCarryoverStep:
      "tranche '{{id}}' has an available-funds cap but no step pays its carryover (add {{step}})",
    stepUpNoCall: 'steps up on the clean-up call date, but the deal has no {{field}}',
    missingIndex: "scenario '{{scenario}}' has no index curve '{{index}}' ({{what}})",
  },
  /** Reading a deal, pool, calendar or funding-case file (core/deal/load.ts, core/node). */
  file: {
    notAFile: 'not a file',
    notFound: 'file not found',
    permissionDenied: 'permission denied',
    tooLarge: '{{size}} is over the {{limit}} limit for this kind of file',
    invalidJson: 'invalid JSON',
    invalidJsonAt: 'invalid JSON: {{reason}}',
    lineColumn: 'line {{line}}, column {{column}}',
    newerVersion:
      'version {{version}} was written by a newer ABS Workbench; this one reads up to {{supported}}',
    missing: 'missing (expected {{expected}})',
    noneOfForms: 'matches none of its accepted forms ({{tried}})',
    unknownField: 'unknown field',
    notIsoDate: "'{{value}}' is not a date as {{format}}",
    notCalendarDate: "'{{value}}' is not a calendar date",
    columnLength: 'has {{length}} values, {{field}} is {{size}}',
    indexOutside: 'index outside {{field}}',
    exceedsField: 'exceeds {{field}}',
    dealFileError: "deal file '{{path}}': {{message}}",
  },
  /**
   * JSON syntax errors (core/deal/jsonSyntax.ts). `{{what}}` is the character found, quoted; the `_end` and
   * `_lineBreak` forms (i18next context) word the end of input and a line break.
   */
  json: {
    badUnicodeEscape: 'invalid {{escape}} escape (expected 4 hex digits)',
    badEscape: "invalid escape '{{escape}}' in string",
    controlInString: '{{what}} inside a string (strings cannot span lines)',
    controlInString_lineBreak: 'line break inside a string (strings cannot span lines)',
    unterminatedString: 'unterminated string',
    expectedName: 'unexpected {{what}}: expected a property name in double quotes',
    expectedName_end: 'unexpected end of input: expected a property name in double quotes',
    expectedName_lineBreak: 'unexpected line break: expected a property name in double quotes',
    expectedColon: "unexpected {{what}}: expected ':' after the property name",
    expectedColon_end: "unexpected end of input: expected ':' after the property name",
    expectedColon_lineBreak: "unexpected line break: expected ':' after the property name",
    expectedValue: 'unexpected {{what}}: expected a value',
    expectedValue_end: 'unexpected end of input: expected a value',
    expectedValue_lineBreak: 'unexpected line break: expected a value',
    badNumber: 'invalid number',
    afterEnd: 'unexpected {{what}} after the end of the document',
    afterEnd_lineBreak: 'unexpected line break after the end of the document',
    expectedCommaOr: "unexpected {{what}}: expected ',' or {{closer}}",
    expectedCommaOr_end: "unexpected end of input: expected ',' or {{closer}}",
    expectedCommaOr_lineBreak: "unexpected line break: expected ',' or {{closer}}",
  },
  /** Why a run refuses to start (core/run.ts). */
  run: {
    noScenario: "no scenario '{{name}}' (the deal has {{names}})",
    badPeriods: 'periods must be a whole number ≥ 1, got {{periods}}',
  },
  /** Holiday calendars and payment dates (core/time). */
  calendar: {
    unknown: "no holiday calendar '{{id}}' (built in: {{builtIn}}; or pass {{option}})",
    rolledBefore:
      'Payment dates before {{firstYear}} are rolled on weekends and fixed-date holidays only: the {{id}} calendar lists published holidays for {{range}}.',
    rolledBeyond:
      'Payment dates in {{year}} and later are rolled on weekends and fixed-date holidays only: the {{id}} calendar lists published holidays for {{range}}.',
    dateFormat: 'expected a date as {{format}}',
    idCharacters: 'use letters, digits, _ . -',
    beforeFirstYear: 'is before {{field}}',
    noSuchDay: 'no such day in the month',
    outsideYears: '{{date}} is outside {{fields}} ({{firstYear}}–{{publishedThrough}})',
    notWeekend: '{{date}} is not a Saturday or Sunday',
  },
  /** What a run's projection assumed and where it may surprise (core/projection/notes.ts). */
  notes: {
    stopMaturity:
      'Rate-model defaults run to each loan’s maturity; the horizon runs the recovery lag past maturity so they are liquidated.',
    stopLag: 'Rate-model defaults stop in each loan’s last recovery-lag months (SIFMA Standard Formulas).',
    advancingStop:
      'Servicer advancing uses the SIFMA default stop (none in the last recovery-lag months), not "{{stop}}": an advanced loan needs a balance left to liquidate.',
    feePlans:
      'Interest-free fee plans pay their fee on original principal while still paying, including the month they prepay; their rate is ignored.',
    feePlansWithRate:
      '{{count}} interest-free fee plan(s) carry a rate above 0: fee plans earn only their fee, so the rate is ignored.',
    seasonedFeePlans:
      '{{count}} seasoned fee plan(s) have no original balance above their current balance: their fee is charged on the current balance, which understates it if the tape lacks {{field}}.',
    revolvingLines:
      'Revolving lines repay at their payment rate with no new draws on the same accounts; a fee is charged on the current balance; a line is followed at most {{months}} months.',
    singlePayment:
      'Single-payment loans pay principal and simple interest since origination in one sum at maturity (or when prepaid); a default loses the accrued interest.',
    cnlTiming:
      'CNL is timed from the cut-off on each loan’s cut-off balance and ignores prepayment; a timing curve longer than a loan’s remaining life is re-timed within it.',
    cnlStated: 'CNL stated {{stated}}, realised {{realised}} of the CNL loans’ cut-off balance.',
    cnlShort:
      'CNL realised {{realised}} is below the {{stated}} stated: the budget exceeded the balance still performing in some months (fast prepayment, late timing) or fell after the horizon.',
    leftAtEnd:
      'At the end of period {{period}}, {{performing}} is still performing and {{pending}} of defaults await liquidation: this run collects none of it and books no loss on it.',
    leftAtEndRevolving:
      'At the end of period {{period}}, {{performing}} is still performing and {{pending}} of defaults await liquidation (revolving lines stop being followed after {{months}} months): this run collects none of it and books no loss on it.',
  },
  /** Funding cases (core/funding). */
  funding: {
    duplicateSource: "duplicate source id '{{id}}'",
    unknownSource: "unknown source id '{{id}}'",
    oneEquity: 'a case needs exactly one equity source',
    dealOrClasses: 'give a deal file or classes',
    scenarioNeeded: 'give a scenario (no deal file to take it from)',
    dealNotRead: "deal file '{{path}}' was not read",
    loanLevelPool: "deal file '{{path}}' has a loan-level pool file; the funding book needs rep lines",
    noScenario: 'no scenario given or found',
    missingIndex:
      "index curve '{{name}}' is not given (add it to {{field}} as a rate or a vector of monthly rates)",
    family: {
      bankLine: "commitment of bank line '{{id}}'",
      retail: "monthly raise capacity of retail '{{id}}'",
      equityAvailable: "equity available ('{{id}}' maximum less excess losses, and monthly raise)",
      minEquity: 'equity at least {{share}} of the need',
      noGapBase: 'no funding gap in the base case',
      noGapStress: "no funding gap under stress '{{stress}}'",
      equityForHaircuts: 'equity carries retained notes and line haircuts',
      maxShare: "'{{id}}' at most {{share}} of funding",
      liquidityBuffer: 'liquidity buffer of {{share}} of receivables',
    },
  },
  /** Why a revolving profile line is not bought (core/structure/revolving.ts); product and segment are the deal's ids. */
  revolving: {
    termAbove: 'remaining term {{term}} above {{max}}',
    rateBelow: 'rate {{rate}} below {{min}}',
    rateAbove: 'rate {{rate}} above {{max}}',
    productNotEligible: 'product {{product}} not eligible',
    segmentNotEligible: 'segment {{segment}} not eligible',
  },
  /** Grid axes (core/scenario/axis.ts); `{{kind}}` is the axis as the command line names it. */
  scenario: {
    axisNotNumbers: '{{kind}} axis: from, to and step must be numbers',
    axisStep: '{{kind}} axis: step must be above 0',
    axisToBelowFrom: "{{kind}} axis: 'to' ({{to}}) is below 'from' ({{from}})",
    axisTooMany: '{{kind}} axis has {{count}} points; at most {{max}}',
    valueNotNumber: '{{kind}} value {{value}}: not a number',
    valueShare: '{{kind}} value {{value}}: must be between 0 and 1 (0%–100%)',
    valueMultiple: '{{kind}} value {{value}}: must be between 0 and 100',
    valueLag: '{{kind}} value {{value}}: must be between 0 and 1200 months',
    valueShift: '{{kind}} value {{value}}: must be between −100% and +100%',
    axesClash: 'the {{a}} and {{b}} axes both set {{what}}; choose two different assumptions',
    /** The axes by name, as the grid command's table shows them (cli:grid.axis). */
    axis: {
      cdr: 'CDR',
      cpr: 'CPR',
      absSpeed: 'ABS speed',
      lossMultiple: 'Loss multiple',
      prepaymentMultiple: 'Prepayment multiple',
      severity: 'Severity',
      lagMonths: 'Recovery lag (months)',
      rateShift: 'Base-rate shift',
    },
    /** What an axis sets outright. */
    sets: {
      defaultModel: 'the default model',
      prepaymentModel: 'the prepayment model',
      severity: 'the severity',
      recoveryLag: 'the recovery lag',
      axis: 'the {{axis}}',
    },
  },
  /**
   * The tape import report (core/io/tape): how values were read, warnings, column-level errors, the encoding
   * note and the built-in mappings' notes. Field names, mapping keys, date patterns and encodings are
   * parameters: they name the mapping file's keys and the tape's own columns as written, in every language.
   */
  tapeImport: {
    /** Joins two parts of one sentence; a longer list nests them. */
    joinComma: '{{a}}, {{b}}',
    joinSemicolon: '{{a}}; {{b}}',
    duplicateHeader: "header '{{header}}' appears more than once; the first is used",
    slashOrderDMY:
      "{{field}} ('{{column}}'): slash dates read as {{format}} (a first part above 12 decides the column)",
    slashOrderMDY:
      "{{field}} ('{{column}}'): slash dates read as {{format}} (a second part above 12 decides the column)",
    slashAmbiguous:
      'column \'{{column}}\' ({{field}}): {{cells}} slash dates could be {{dmy}} or {{mdy}} (no day above 12); state the format in the mapping ({{key}}: "{{dmyCode}}" or "{{mdyCode}}")',
    slashMixed:
      "column '{{column}}' ({{field}}): slash dates in both {{dm}} and {{md}} order ({{first}} with a first part above 12, {{second}} with a second part above 12); state the format in the mapping ({{key}})",
    countAs: '{{count}} as {{format}}',
    dateFormats: "{{field}} ('{{column}}'): {{formats}}",
    dateFormatsStated: "{{field}} ('{{column}}'): {{formats}} (format stated by the mapping)",
    cutoffGiven: 'cut-off date {{date}} given for this import',
    cutoffOrder: "cut-off date '{{value}}' could be {{dm}} or {{md}}; state {{key}} in the mapping",
    cutoffBad: "cut-off date '{{value}}' is not a date",
    cutoffSeveral: 'the cut-off column carries {{count}} different dates; the latest, {{date}}, is used',
    cutoffFromColumn: "cut-off date {{date}} read from the tape's cut-off column",
    cutoffFromMapping: 'cut-off date {{date}} from the mapping',
    derivedFromMaturity:
      '{{field}} derived from {{from}} and the cut-off {{cutoff}} for {{count}} loans (payments after the cut-off up to maturity)',
    derivedFromOrigination:
      '{{field}} derived as {{original}} − whole months from {{from}} to the cut-off {{cutoff}} for {{count}} loans',
    remainingNotDerivable:
      '{{field}} is not mapped and cannot be derived: map a remaining-term column, or a maturity/origination date and give a cut-off date',
    originalNotMapped: '{{field}} not mapped: set to the current balance',
    originalEmpty: '{{field}} empty on {{count}} rows: set to the current balance',
    productNotMapped: '{{field}} not mapped: every loan is {{product}}',
    repaymentMethod:
      "{{field}} ('{{column}}') decides the amortisation of loans whose product is a product type (分期, 现金贷 …); {{product}} when it is empty",
    repaymentMethodOnly:
      "{{field}} ('{{column}}') decides the amortisation of loans whose product is a product type (分期, 现金贷 …) (every loan: no product column); {{product}} when it is empty",
    classification:
      "{{field}} ('{{column}}'): 正常 current, 关注 delinquent (kept), 次级 / 可疑 default and 损失 charged off (excluded); the worse of status and classification counts",
    amountUnit: "{{field}} ('{{column}}'): amounts in {{unit}} (as the header states), read as 元",
    amountUnitStated: "{{field}} ('{{column}}'): amounts in {{unit}} (stated by the mapping), read as 元",
    segmentNotMapped: "{{field}} not mapped: every loan is in segment '{{segment}}'",
    statusNotMapped: '{{field}} not mapped: no loan excluded by status',
    statusesExcluded: 'statuses excluded from the pool: {{statuses}}',
    decidedByMapping: 'as the mapping states',
    decidedByCell: "as '{{value}}' shows",
    decimalCommas: "{{field}} ('{{column}}'): decimal commas, {{decidedBy}}",
    decimalFollowsCommas:
      "{{field}} ('{{column}}'): values such as '{{sample}}' read with decimal commas, as the tape's other number columns are written",
    decimalFollowsPoints:
      "{{field}} ('{{column}}'): values such as '{{sample}}' read with decimal points, as the tape's other number columns are written",
    decimalUndecided:
      "column '{{column}}' ({{field}}): values such as '{{sample}}' read either way and nothing in the tape shows its decimal separator; read with decimal points (state {{key}} in the mapping if that is wrong)",
    rateSigned: "{{count}} with '%' divided by 100",
    ratePercentStated: '{{count}} bare values read as percent (stated by the mapping)',
    ratePercent:
      "{{count}} bare values read as percent (divided by 100): the column's bare values are above {{threshold}}",
    rateDecimal: '{{count}} bare values read as decimals',
    rateHeaderPercent: '{{count}} bare values read in percent, as the header states',
    rateHeaderPerMille: '{{count}} bare values read in per mille, as the header states',
    rateParts: "{{field}} ('{{column}}'): {{parts}}",
    rateMonthly: "{{field}} ('{{column}}'): a monthly rate, made annual × 12",
    rateDaily: "{{field}} ('{{column}}'): a daily rate, made annual: {{how}}",
    basisTape: "{{count}} × {{basis}} (the tape's daily-rate basis)",
    basisNoColumn:
      "{{count}} × {{basis}} (no daily-rate basis column; the mapping's {{key}}, 360 unless stated)",
    basisEmpty: "{{count}} × {{basis}} (basis empty; the mapping's {{key}}, 360 unless stated)",
    rateMixed:
      "column '{{column}}' mixes percent-style (e.g. 10.65) and decimal-style (e.g. 0.1065) values: {{count}} rows that do not fit the column's scale are rejected ({{reason}}); state {{key}} in the mapping to read them",
    /** Why the importer read the bytes in that encoding (core/io/tape/encoding.ts, the hosts' decoders). */
    encoding: {
      bom: '{{encoding}} byte-order mark',
      nul: 'no BOM; NUL byte pattern of {{encoding}}',
      utf8ButGbk:
        'no BOM; valid UTF-8 bytes, but {{gbk}} of {{words}} non-ASCII words read as UTF-8 are not text (combining marks without a letter, mixed or rare scripts) and read as {{fallback}} Chinese',
      validUtf8: 'no BOM; the head of the file is valid UTF-8',
      invalidUtf8: 'no BOM; invalid UTF-8 at byte {{byte}}, read as {{fallback}} (GBK superset)',
      invalidUtf8Later: 'invalid UTF-8 after the first megabyte, read as {{fallback}} (GBK superset)',
      chosen: 'chosen in the import wizard (detected: {{detected}})',
      stated: 'stated',
      reReadGbk: 'the head was valid UTF-8 but byte {{byte}} is not; re-read as {{fallback}} (GBK superset)',
    },
    /** The built-in mappings' notes (core/io/tape/mapping.ts). */
    preset: {
      lendingclubLevelPay:
        '{{platform}} loans are fully amortising level-pay instalment loans (36 or 60 months).',
      lendingclubRemaining:
        '{{field}} is derived from {{issued}}, {{term}} and the cut-off date (the tape has no remaining term).',
      esmaConfirmed: 'Confirmed codes: {{codes}}.',
      esmaByName: '{{fields}} are matched by field name; their {{prefix}} codes are not confirmed.',
      esmaAmortisation:
        'Amortisation type codes {{codes}} follow the sibling templates and are not confirmed for {{annex}}.',
      esmaNoData: '{{codes}} cells import as missing with the reason kept.',
      cnFields:
        'Field names after the public Chinese ABS data standard ({{source}}) and common platform exports.',
      cnProduct:
        '分期 / 商品分期 / 现金贷 and the like name the product, not its amortisation: the 还款方式 column decides it (等额本息 when absent).',
      cnClassification:
        '五级分类: 正常 current, 关注 performing but watched (delinquent), 次级 / 可疑 defaulted, 损失 charged off; the worse of status and classification counts.',
    },
  },
  /** Rating stresses (core/scenario/ratingStress.ts): a class that passes a harsher level than one it fails. */
  rating: {
    passAboveFailure:
      'Class {{id}} passes {{above}} but fails the milder {{failed}} ({{multiple}}×): {{why}}. Its highest level passed counts only levels with every milder level passed.',
    lessLoss:
      'the harsher stress realises less loss inside the deal ({{harsher}} against {{milder}}): it trips the loss trigger sooner, so revolving ends sooner and fewer receivables are bought (or a clean-up call cuts the losses off)',
    triggerHelps: 'a trigger or the clean-up call changes the cash flows so that more loss helps this class',
  },
  /** Servicer (trustee) reports that do not add up (core/surveillance/servicerReport.ts). */
  surveillance: {
    poolRollForward:
      'the pool does not roll forward: begin {{begin}} − principal {{principal}} − defaults {{defaults}} − repurchases {{repurchases}} + purchases {{purchases}} = {{expected}}, but the report ends at {{end}}',
    prepaymentsAbovePrincipal:
      'prepayments {{prepayments}} exceed the principal collections {{principal}} they are part of',
    delinquentAboveEnd: 'delinquent balances {{delinquent}} exceed the pool end balance {{end}}',
    duplicateClass: "class '{{id}}' is listed twice",
    classRollForward:
      "class '{{id}}' does not roll forward: begin {{begin}} − principal paid {{principal}} − write-down {{writeDown}} = {{expected}}, but the report ends at {{end}}",
    reserveRollForward:
      'the reserve does not roll forward: begin {{begin}} + deposits {{deposits}} − draws {{draws}} = {{expected}}, but the report ends at {{end}}',
    periodGap: 'period {{period}} follows period {{previous}}: a month is missing',
    dateNotAfter: 'payment date {{date}} is not after the previous report’s {{previous}}',
    poolBeginNotPreviousEnd:
      'pool begin balance {{begin}} is not the previous month’s end balance {{previous}}',
    classBeginNotPreviousEnd:
      "class '{{id}}' begins at {{begin}}, not at the previous month’s end balance {{previous}}",
    reserveBeginNotPreviousEnd:
      'reserve begins at {{begin}}, not at the previous month’s end balance {{previous}}',
    classMissing: "class '{{id}}' was in the previous month’s report and is missing from this one",
    unknownClass: "class '{{id}}' is not a class of the deal ({{classes}})",
    duplicatePeriod: 'two reports for period {{period}}',
    unknownItem: "line {{line}}: '{{item}}' is not a servicer report item",
    badValue: "line {{line}}: '{{value}}' is not a number ({{item}})",
    duplicateItem: "line {{line}}: '{{item}}' is given twice",
    // ── Appending to a deal's history, and assumptions re-fitted from the reports (issue 16)
    periodHeld:
      'the deal already holds a different report for period {{period}}; a report already appended is not replaced',
    historyStartsLate:
      'the deal holds no report yet: its history starts at period 1 (closing), not at period {{period}}',
    poolBeginNotClosing: 'pool begin balance {{begin}} is not the pool’s balance at closing {{closing}}',
    classBeginNotClosing: "class '{{id}}' begins at {{begin}}, not at its original balance {{closing}}",
    notAnObject: 'a servicer report is a JSON object (or an array of them)',
    inFile: '{{file}}: {{reason}}',
    noReportToFit: 'no servicer report to fit assumptions on',
    noBaseScenario: 'no scenario {{scenario}} in the deal (it has {{scenarios}})',
    historyFitsNothing: '{{file}}: the vintage analysis projects no lifetime loss to fit a scenario on',
  },
  /** Discount-curve files (core/analytics/curve.ts). */
  curve: {
    tenor: 'a tenor such as {{example}}',
    parNeedsFrequency: 'par yields need a coupon frequency ({{choices}}), not {{value}}',
    tenorsIncrease: 'tenors must increase ({{tenor}} follows a tenor at least as long)',
  },
  /** A performance history the reader cannot read (core/history/reader.ts). */
  history: {
    noColumn: 'no column for {{fields}}',
    noStatus: 'no status and no days-past-due column',
    noSegmentColumn: "no column named '{{segment}}' to segment by",
    noHeader: 'no header row',
    inFile: '{{file}}: {{reason}}',
  },
  /** The pool as of a payment date and the projection restarted from it (core/projection/restart.ts). */
  restart: {
    poolFileNotLoaded: "the deal's loan-level pool '{{path}}' must be loaded to restart its projection",
    badPeriod: 'period {{period}} is outside the projection (0 to {{horizon}})',
    notWholePeriod: 'period {{period}} must be a whole number of months ≥ 0',
    unknownProduct: 'loan {{index}}: product code {{code}} is not a product of this engine',
    noReport: 'no servicer report for period {{period}} to roll the pool forward to',
    nothingToScale:
      'period {{period}}: the projection has no performing balance to scale to the reported end balance {{balance}}',
  },
};
