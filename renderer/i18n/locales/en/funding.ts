/** The `funding` namespace in English; the Chinese catalog mirrors it key for key. */
export const funding = {
  placeholder: '',
};
