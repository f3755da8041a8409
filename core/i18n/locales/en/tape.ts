/** The `tape` namespace in English; the Chinese catalog mirrors it key for key. */
export const tape = {
  placeholder: '',
};
