/**
 * A grid cell holding the user's own data (a class id, a rating level's name): marked translate="no", so neither a
 * browser's translator nor the walk test that looks for English on a Chinese screen takes it for text.
 */
export function userDataCell(p: { value?: unknown }) {
  return <span translate="no">{p.value === null || p.value === undefined ? '' : String(p.value)}</span>;
}
