/**
 * The Contents sheet, first in the workbook: a link to every sheet with what it holds, and a legend of the styles
 * (inputs, live formulas, negative amounts), so a reader new to the report finds their way without the app.
 */
import type { ReportText } from './reportText';
import { cellAddress, type SheetWriter } from './sheetWriter';

export interface ContentsEntry {
  /** The sheet's name as written (Excel-safe). */
  sheet: string;
  /** What the sheet holds, in the report's language. */
  holds: string;
}

export function contentsSheet(entries: readonly ContentsEntry[], text: ReportText): SheetWriter {
  const { t } = text;
  const w = text.writer(false);
  let r = w.titleBlock(t('report:styled.contents.title'), text.caption(true)) + 1;
  w.text(r, 0, t('report:styled.contents.sheet'), true, 'header');
  w.text(r, 1, t('report:styled.contents.holds'), true, 'header');
  r++;
  for (const e of entries) {
    w.link(r, 0, e.sheet, e.sheet);
    w.text(r, 1, e.holds, false);
    r++;
  }
  r++;
  w.section(r++, t('report:styled.contents.legend'));
  w.text(r, 0, t('report:styled.contents.inputSample'), true, 'input');
  w.text(r++, 1, t('report:styled.contents.input'), false);
  w.number(r, 0, -1234.5, 'money');
  w.text(r++, 1, t('report:styled.contents.negative'), false);
  // The formula sample refers to the negative sample above it, as the report's own formulas refer to cells.
  w.formula(r, 0, `-${cellAddress(r - 1, 0)}`, 1234.5, 'money');
  w.text(r++, 1, t('report:styled.contents.formula'), false);
  w.text(r, 0, t('report:styled.contents.totalSample'), true, 'total');
  w.text(r++, 1, t('report:styled.contents.total'), false);
  w.text(r, 0, t('report:styled.contents.commentSample'), true, 'label');
  w.comment(r, 0, t('report:styled.contents.commentNote'));
  w.text(r++, 1, t('report:styled.contents.comment'), false);
  w.text(r++, 0, t('report:styled.contents.names'), false, 'note');
  // The descriptions are sentences: a fixed width keeps the sheet one page wide in print.
  w.fixedWidths.set(1, 90);
  return w;
}
