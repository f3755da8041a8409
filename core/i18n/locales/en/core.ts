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
    duplicateScenario: "duplicate scenario name '{{name}}'",
    duplicateLine: "duplicate line id '{{id}}'",
    cnlTiming: 'timing must sum to 1 (sums to {{sum}})',
    exceeds: '{{field}} exceeds {{limit}}',
    revolvingNoPaymentRate: 'a revolving line needs a {{field}} above 0',
    /** The deal's notes against the pool they are secured on (core/deal/poolFit.ts). */
    poolEmpty: 'the pool has no balance to pay the notes from',
    notesOverPool: 'the notes total {{notes}} but the pool is {{pool}} ({{times}}× the pool)',
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
  /** Rating stresses (core/scenario/ratingStress.ts): a class that passes a harsher level than one it fails. */
  rating: {
    passAboveFailure:
      'Class {{id}} passes {{above}} but fails the milder {{failed}} ({{multiple}}×): {{why}}. Its highest level passed counts only levels with every milder level passed.',
    lessLoss:
      'the harsher stress realises less loss inside the deal ({{harsher}} against {{milder}}): it trips the loss trigger sooner, so revolving ends sooner and fewer receivables are bought (or a clean-up call cuts the losses off)',
    triggerHelps: 'a trigger or the clean-up call changes the cash flows so that more loss helps this class',
  },
};
