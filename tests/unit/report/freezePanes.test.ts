import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { canFreezePanes, freezeHeaderRows } from '../../../core/io/report/freezePanes';
import { packageText } from './readBack';

describe('frozen header rows (added after SheetJS, which cannot write panes)', () => {
  const wb = XLSX.utils.book_new();
  const rows = Array.from({ length: 200 }, (_, i) => [`row ${i}`, i * 1.5, 'ünïcödé ✓']);
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Plain');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Frozen');
  const raw = new Uint8Array(
    XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: false }) as ArrayBuffer,
  );

  it('freezes the rows asked for on each sheet, and only there', () => {
    expect(canFreezePanes()).toBe(true);
    const out = freezeHeaderRows(raw, [0, 3]);
    expect(out).not.toBeNull();
    const bytes = out as Uint8Array;
    expect(packageText(bytes, 'xl/worksheets/sheet1.xml')).toContain('<sheetView workbookViewId="0"/>');
    expect(packageText(bytes, 'xl/worksheets/sheet2.xml')).toContain(
      '<sheetView workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A4" sqref="A4"/></sheetView>',
    );
    // Re-zipped compressed, and every cell survives (multi-byte text included).
    expect(bytes.length).toBeLessThan(raw.length);
    const back = XLSX.read(bytes, { type: 'array' });
    expect(XLSX.utils.sheet_to_json(back.Sheets['Frozen'] ?? {}, { header: 1 })).toEqual(rows);
    expect(back.SheetNames).toEqual(['Plain', 'Frozen']);
  });
});
