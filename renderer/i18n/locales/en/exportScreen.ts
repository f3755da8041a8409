/** The `exportScreen` namespace in English; the Chinese catalog mirrors it key for key. */
export const exportScreen = {
  title: 'Export',
  intro:
    'The tranche report is an Excel workbook: summary analytics, per-tranche cash flows, pool cash flows and the period reconciliation, with live totals a reviewer can recalculate.',
  cardTitle: 'Excel tranche report',
  /** `<b>` holds user data (deal and scenario names). */
  fromRun_one:
    'From the run of <b>{{deal}}</b> under scenario <b>{{scenario}}</b> ({{count}} class, {{periods}} periods; senior WAL {{wal}} years).',
  fromRun_other:
    'From the run of <b>{{deal}}</b> under scenario <b>{{scenario}}</b> ({{count}} classes, {{periods}} periods; senior WAL {{wal}} years).',
  stale:
    'The deal has changed since this run; the report shows the last run. Run again to include your edits.',
  format:
    'Written in {{language}}, amounts in {{unit}} ($t(report:sheets.waterfall) sheet in {{units}}, to the cent): the language and unit chosen at the top of the window.',
  formatUnits:
    'Written in {{language}}, amounts in {{units}}: the language and unit chosen at the top of the window.',
  sheets: 'Sheets',
  breakevens: 'break-evens on the {{sheet}}',
  analyses: 'Analyses from this session',
  noAnalyses:
    'Sensitivity grids, rating stresses, Monte Carlo, scenario comparisons and funding analyses you run on the Stress and Funding screens can go in the workbook as extra sheets.',
  staleAnalysis: '(computed on an earlier version of the deal)',
  export: 'Export tranche report (.xlsx)',
  runAgain: 'Run again',
  runFirst: 'Run the deal first.',
  run: 'Run',
};
