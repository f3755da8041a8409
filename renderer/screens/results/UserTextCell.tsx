/**
 * A grid cell holding the user's own data (a class id, a trigger's name): shown as typed and marked
 * translate="no", so neither a browser's translator nor the untranslated-text walk treats it as interface text.
 */
import type { CustomCellRendererProps } from 'ag-grid-react';

export function UserTextCell(p: CustomCellRendererProps) {
  const text = p.valueFormatted ?? (p.value === null || p.value === undefined ? '' : String(p.value));
  return <span translate="no">{text}</span>;
}
