/** The `components` namespace: texts of the shared components (fields, grids) in English. */
export const components = {
  field: {
    money: 'Enter an amount, e.g. 1,250,000 or 1.25m',
    percent: 'Enter a percentage, e.g. 5.25',
    int: 'Enter a whole number',
    number: 'Enter a number',
  },
  grid: {
    csv: 'CSV',
    csvHint: 'Export this table as CSV',
    noRows: 'No rows to show',
  },
};
