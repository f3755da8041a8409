/** The `app` namespace (the shell: top bar, navigation, status line) in English. */
export const app = {
  display: {
    language: 'Language',
    languageHint: 'Interface and report language',
    scale: 'Amounts in',
    scaleHint: 'The unit amounts are shown in, on screens and in the report; figures are unchanged',
  },
};
