import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { importTapeText } from '../../../core/io/tape/tapeStream';
import type { PoolProvenance } from '../../../core/pool/poolFile';
import {
  webAutosave,
  rememberCopy,
  readRecents,
  type KeyValueStore,
} from '../../../renderer/host/webStorage';
import {
  AUTOSAVE_MAX_LOANS,
  autosaveText,
  notAutosavedText,
  omittedPool,
  poolAutosaved,
  reimportText,
} from '../../../renderer/project/autosave';
import {
  newProject,
  parseProject,
  serializeProject,
  serializeProjectParts,
  type ProjectDoc,
} from '../../../renderer/project/document';
import { csvLine, generateTape } from '../../../samples/generator/tapeGenerator';

const deal = Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));

function docWithLoans(rows: number): ProjectDoc {
  const lines: string[] = [];
  generateTape({ rows, seed: 11 }, (c) => lines.push(csvLine(c)));
  const { pool, report, mapping } = importTapeText(lines.join('\n'), 'big-tape.csv');
  const provenance: PoolProvenance = {
    sourceFile: 'big-tape.csv',
    format: 'csv',
    mapping,
    importedAt: '2026-11-25T10:00:00.000Z',
    rowsRead: report.rowsRead,
    accepted: report.accepted,
    rejected: report.rejected,
    byReason: {},
    rules: [],
  };
  return { ...newProject(deal), pool: { loans: pool, provenance } };
}

describe('autosave of big pools', () => {
  // One tape one loan over the limit; the at-limit case reuses its first AUTOSAVE_MAX_LOANS rows.
  const over = docWithLoans(AUTOSAVE_MAX_LOANS + 1);

  it('keeps a pool at the limit in the autosave, whole', () => {
    const atLimit = docWithLoans(AUTOSAVE_MAX_LOANS);
    expect(atLimit.pool!.loans.size).toBe(AUTOSAVE_MAX_LOANS);
    expect(poolAutosaved(atLimit.pool)).toBe(true);
    const text = autosaveText(atLimit);
    expect(omittedPool(text)).toBeNull();
    const back = parseProject(text, 'autosave');
    expect(back.pool!.loans.size).toBe(AUTOSAVE_MAX_LOANS);
    expect(back.pool!.loans.ids[AUTOSAVE_MAX_LOANS - 1]).toBe(
      atLimit.pool!.loans.ids[AUTOSAVE_MAX_LOANS - 1],
    );
  });

  it('leaves a larger pool out but names it, and the rest of the project still opens', () => {
    expect(over.pool!.loans.size).toBe(AUTOSAVE_MAX_LOANS + 1);
    expect(poolAutosaved(over.pool)).toBe(false);
    const text = autosaveText(over);
    expect(text.length).toBeLessThan(100_000);
    expect(omittedPool(text)).toEqual({
      sourceFile: 'big-tape.csv',
      loans: AUTOSAVE_MAX_LOANS + 1,
      importedAt: '2026-11-25T10:00:00.000Z',
    });
    const back = parseProject(text, 'autosave');
    expect(back.pool).toBeNull();
    expect(back.deal).toEqual(over.deal);
    expect(back.scenario).toBe(over.scenario);
  });

  it('saving in slices writes the very text of a one-go save, reporting progress', async () => {
    const shares: number[] = [];
    const text = (await serializeProjectParts(over, (x) => shares.push(x), 0)).join('');
    expect(text).toBe(serializeProject(over));
    expect(shares.length).toBeGreaterThan(10);
    expect(shares.every((x, i) => x > 0 && x <= 1 && (i === 0 || x >= shares[i - 1]!))).toBe(true);
    expect(shares.at(-1)!).toBeGreaterThan(0.9);
    expect(await serializeProjectParts(newProject(deal))).toEqual([serializeProject(newProject(deal))]);
  });

  it('says what is not kept and which tape to import again', () => {
    expect(notAutosavedText(1_000_000)).toContain('this 1,000,000-loan pool is too large to autosave');
    expect(notAutosavedText(1_000_000)).toContain('Ctrl+S');
    expect(reimportText({ sourceFile: 'tape-1m.csv', loans: 1_000_000, importedAt: '' })).toBe(
      'The 1,000,000-loan pool imported from tape-1m.csv was not autosaved: import tape-1m.csv again on the Pool screen.',
    );
  });

  it('a deal without a pool is always autosaved; other text is no autosave note', () => {
    expect(poolAutosaved(null)).toBe(true);
    expect(omittedPool(autosaveText(newProject(deal)))).toBeNull();
    expect(omittedPool('not json')).toBeNull();
    expect(omittedPool('{"poolOmitted":{"sourceFile":3}}')).toBeNull();
  });
});

/** localStorage with a quota on the total size, as browsers have. */
class QuotaStore implements KeyValueStore {
  readonly m = new Map<string, string>();
  constructor(readonly quota: number) {}
  private used(except: string): number {
    let n = 0;
    for (const [k, v] of this.m) if (k !== except) n += k.length + v.length;
    return n;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.used(k) + k.length + v.length > this.quota) throw new Error('QuotaExceededError');
    this.m.set(k, v);
  }
}

describe('web autosave in a full storage', () => {
  it('drops recent copies, oldest first, before giving up the autosave', () => {
    const s = new QuotaStore(1000);
    for (const name of ['old', 'mid', 'new']) rememberCopy(s, `${name}.absproj`, name.repeat(80));
    expect(readRecents(s).map((r) => r.name)).toEqual(['new.absproj', 'mid.absproj', 'old.absproj']);
    expect(webAutosave.write(s, 'a'.repeat(500))).toBe(true);
    expect(webAutosave.read(s)).toBe('a'.repeat(500));
    expect(readRecents(s).map((r) => r.name)).toEqual(['new.absproj']);
    expect(s.getItem('absWorkbench.copy.copy-old.absproj')).toBeNull();
  });

  it('reports an autosave that cannot fit at all', () => {
    const s = new QuotaStore(100);
    expect(webAutosave.write(s, 'a'.repeat(500))).toBe(false);
    expect(webAutosave.write(s, 'small')).toBe(true);
    expect(webAutosave.read(s)).toBe('small');
  });
});
