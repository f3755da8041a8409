import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DealFileError, formatPath, migrateDeal, parseDeal } from '../../../core/deal/load';
import { minimalDeal } from './minimalDeal';

type Doc = Record<string, unknown>;
const at = (doc: Doc, ...keys: (string | number)[]): Doc =>
  keys.reduce<Doc>((o, k) => (o as Record<string | number, Doc>)[k]!, doc);

function problems(doc: unknown): string[] {
  try {
    parseDeal(doc, 'deals/x.deal.json');
  } catch (e) {
    expect(e).toBeInstanceOf(DealFileError);
    return (e as Error).message.split('\n');
  }
  throw new Error('expected the deal to be rejected');
}

describe('parseDeal', () => {
  it('accepts a valid deal and fills defaults', () => {
    const deal = parseDeal(minimalDeal(), 'x.json');
    expect(deal.paymentDay).toBe(15);
    expect(deal.paymentDelayDays).toBe(0);
    expect(deal.structure.tranches[0]!.price).toBe(100);
    expect(deal.structure.tranches[0]!.dayCount).toBe('30/360');
    expect(deal.scenarios[0]!.defaultMultiple).toBe(1);
  });

  it('names the file, the field path and the reason, one line per problem', () => {
    const doc = minimalDeal();
    at(doc, 'structure', 'tranches', 1, 'coupon').rate = '7.3%';
    at(doc, 'pool', 'lines', 0).balance = -5;
    const lines = problems(doc);
    expect(lines).toEqual([
      'deals/x.deal.json: pool.lines[0].balance: Too small: expected number to be >=0',
      'deals/x.deal.json: structure.tranches[1].coupon.rate: expected number, received string',
    ]);
  });

  it('says which required fields are missing', () => {
    const doc = minimalDeal();
    delete doc.cutoffDate;
    delete at(doc, 'structure', 'tranches', 0).balance;
    expect(problems(doc)).toEqual([
      'deals/x.deal.json: cutoffDate: missing (expected string)',
      'deals/x.deal.json: structure.tranches[0].balance: missing (expected number)',
    ]);
  });

  it('lists the accepted values of a discriminator', () => {
    const doc = minimalDeal();
    at(doc, 'scenarios', 0, 'default').model = 'CRD';
    const [line] = problems(doc);
    expect(line).toContain('scenarios[0].default.model:');
    expect(line).toContain("'CDR' | 'MDR' | 'SDA' | 'CNL'");
  });

  it('explains a curve that matches none of its forms', () => {
    const doc = minimalDeal();
    at(doc, 'scenarios', 0, 'prepayment').curve = { vektor: [0.1] };
    const [line] = problems(doc);
    expect(line).toMatch(/^deals\/x\.deal\.json: scenarios\[0\]\.prepayment\.curve: matches none/);
    expect(line).toContain('vector missing (expected array)');
    expect(line).toContain('formula missing (expected string)');
  });

  it('reports the inner problem of the one union branch whose shape matched', () => {
    const doc = minimalDeal();
    at(doc, 'scenarios', 0, 'prepayment').curve = { vector: [0.1, 'x'] };
    expect(problems(doc)).toEqual([
      'deals/x.deal.json: scenarios[0].prepayment.curve.vector[1]: expected number, received string',
    ]);
  });

  it('rejects unknown (misspelt) fields instead of dropping them', () => {
    const doc = minimalDeal();
    doc.paymentDelay = 14;
    at(doc, 'structure', 'tranches', 0).coupn = { type: 'fixed', rate: 0.05 };
    doc.$schema = '../deal.schema.json';
    expect(problems(doc)).toEqual([
      'deals/x.deal.json: structure.tranches[0].coupn: unknown field',
      'deals/x.deal.json: paymentDelay: unknown field',
    ]);
  });

  it('rejects impossible dates the pattern lets through', () => {
    const doc = minimalDeal();
    doc.cutoffDate = '2025-02-30';
    expect(problems(doc)).toEqual(["deals/x.deal.json: cutoffDate: '2025-02-30' is not a calendar date"]);
  });

  it('checks the ids waterfall steps and fees refer to', () => {
    const doc = minimalDeal();
    const waterfall = at(doc, 'structure').waterfall as Doc[];
    waterfall[0] = { pay: 'fee', fee: 'trustee' };
    waterfall[3] = { pay: 'principal', tranches: ['A', 'C'] };
    (at(doc, 'structure').fees as Doc[]).push({
      id: 'wrap',
      basis: { type: 'percentOfTranche', tranche: 'Z', rate: 0.001 },
    });
    expect(problems(doc)).toEqual([
      "deals/x.deal.json: structure.fees[1].basis.tranche: no tranche 'Z'",
      "deals/x.deal.json: structure.waterfall[0].fee: no fee 'trustee'",
      "deals/x.deal.json: structure.waterfall[3].tranches[1]: no tranche 'C'",
      "deals/x.deal.json: structure.tranches[1]: tranche 'B' is in no principal step",
    ]);
  });

  it('checks duplicates, CNL timing and trigger schedules', () => {
    const doc = minimalDeal();
    (at(doc, 'structure').tranches as Doc[])[1]!.id = 'A';
    at(doc, 'scenarios', 0).default = { model: 'CNL', lifetimeNetLoss: 0.06, timing: [0.5, 0.4] };
    at(doc, 'scenarios', 0).overrides = [
      { segment: 'all', default: { model: 'CNL', lifetimeNetLoss: 0.06, timing: [0.6, 0.5] } },
    ];
    at(doc, 'structure').triggers = [
      {
        id: 'cnl',
        test: {
          type: 'cumulativeNetLoss',
          schedule: [
            { fromPeriod: 13, threshold: 0.05 },
            { fromPeriod: 1, threshold: 0.03 },
          ],
        },
        effects: ['sequential'],
      },
    ];
    expect(problems(doc)).toEqual([
      "deals/x.deal.json: structure.tranches[1].id: duplicate tranche id 'A'",
      // The waterfall still names B, which no longer exists.
      "deals/x.deal.json: structure.waterfall[2].tranches[0]: no tranche 'B'",
      "deals/x.deal.json: structure.waterfall[3].tranches[1]: no tranche 'B'",
      'deals/x.deal.json: structure.triggers[0].test.schedule[1].fromPeriod: schedule must be sorted by fromPeriod',
      'deals/x.deal.json: scenarios[0].default.timing: timing must sum to 1 (sums to 0.900000)',
      'deals/x.deal.json: scenarios[0].overrides[0].default.timing: timing must sum to 1 (sums to 1.100000)',
    ]);
  });

  it('refuses a document from a newer engine and passes v1 through', () => {
    const doc = minimalDeal();
    expect(migrateDeal(doc)).toBe(doc);
    doc.schemaVersion = 7;
    expect(problems(doc)).toEqual([
      'deals/x.deal.json: schemaVersion: version 7 was written by a newer ABS Workbench; this one reads up to 1',
    ]);
    expect(problems({ ...minimalDeal(), schemaVersion: 0 })[0]).toMatch(
      /^deals\/x\.deal\.json: schemaVersion: /,
    );
  });

  it('rejects a non-object document at the root', () => {
    expect(problems([1, 2])[0]).toMatch(/^deals\/x\.deal\.json: \(root\): expected object/);
  });
});

describe('formatPath', () => {
  it('writes paths as a reader would type them', () => {
    expect(formatPath(['structure', 'tranches', 1, 'coupon', 'rate'])).toBe(
      'structure.tranches[1].coupon.rate',
    );
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['scenarios', 0, 'indexCurves', 'SOFR-3M'])).toBe(
      'scenarios[0].indexCurves["SOFR-3M"]',
    );
  });
});

describe('parseDeal on hostile input', () => {
  /** Every object and array position in the minimal deal, as key paths. */
  function paths(x: unknown, at: (string | number)[] = []): (string | number)[][] {
    if (Array.isArray(x)) return [at, ...x.flatMap((v, i) => paths(v, [...at, i]))];
    if (typeof x === 'object' && x !== null) {
      return [at, ...Object.entries(x).flatMap(([k, v]) => paths(v, [...at, k]))];
    }
    return [at];
  }
  const all = paths(minimalDeal()).filter((p) => p.length > 0);

  it('either returns a deal or throws a DealFileError whose every line names the file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.jsonValue(), (path, value) => {
        const doc = minimalDeal();
        const parent = path
          .slice(0, -1)
          .reduce<Record<string | number, unknown>>(
            (o, k) => o[k] as Record<string | number, unknown>,
            doc as Record<string | number, unknown>,
          );
        parent[path[path.length - 1]!] = value;
        try {
          parseDeal(doc, 'f.json');
        } catch (e) {
          expect(e).toBeInstanceOf(DealFileError);
          const lines = (e as Error).message.split('\n');
          expect(lines.length).toBeGreaterThan(0);
          for (const l of lines) expect(l).toMatch(/^f\.json: \S/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
