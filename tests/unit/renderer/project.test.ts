import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import type { FundingResult } from '../../../core/funding/analyse';
import { enT } from '../../../renderer/i18n/fixedT';
import { analysisLabelText } from '../../../renderer/project/analyses';
import { importTapeText } from '../../../core/io/tape/tapeStream';
import {
  dealProblems,
  poolBalance,
  scaleTranchesToPool,
  validatedDeal,
} from '../../../renderer/project/dealEdit';
import {
  newProject,
  parseProject,
  PROJECT_FORMAT,
  ProjectFileError,
  serializeProject,
} from '../../../renderer/project/document';
import {
  initialState,
  isDirty,
  isStale,
  reducer,
  suggestedFileName,
  windowTitle,
  type AnalysisSnapshot,
} from '../../../renderer/project/state';

const sample = (): Deal =>
  Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));

describe('project document', () => {
  it('round-trips a project with an imported loan pool', () => {
    const { pool, report, mapping } = importTapeText(
      readFileSync('samples/tapes/sample-tape.csv', 'utf8'),
      'sample-tape.csv',
    );
    const provenance = {
      sourceFile: 'sample-tape.csv',
      format: 'csv' as const,
      mapping,
      importedAt: '2026-01-01T00:00:00Z',
      rowsRead: report.rowsRead,
      accepted: report.accepted,
      rejected: report.rejected,
      byReason: {},
      rules: [],
    };
    const doc = { ...newProject(sample()), pool: { loans: pool, provenance }, scenario: 'stress' };
    const back = parseProject(serializeProject(doc), 'x.absproj');
    expect(back.deal).toEqual(doc.deal);
    expect(back.scenario).toBe('stress');
    expect(back.pool?.loans.size).toBe(9986);
    expect(Array.from(back.pool!.loans.balance)).toEqual(Array.from(pool.balance));
    expect(back.pool?.loans.ids[0]).toBe('L00000001');
    expect(poolBalance(back.deal, back.pool!.loans)).toBeCloseTo(23_434_833.19, 2);
  });

  it('opens a bare deal file as a new project', () => {
    const text = readFileSync('samples/deals/static-paylater.deal.json', 'utf8');
    const doc = parseProject(text, 'static-paylater.deal.json');
    expect(doc.pool).toBeNull();
    expect(doc.scenario).toBe(doc.deal.scenarios[0]!.name);
  });

  it('names the file and the field when a project is bad', () => {
    expect(() => parseProject('{not json', 'a.absproj')).toThrow(/a\.absproj is not JSON/);
    const bad = JSON.stringify({
      format: PROJECT_FORMAT,
      version: 1,
      deal: { ...sample(), structure: { ...sample().structure, tranches: [] } },
      pool: null,
    });
    expect(() => parseProject(bad, 'b.absproj')).toThrow(/b\.absproj\ndeal\.structure\.tranches/);
    const newer = JSON.stringify({ format: PROJECT_FORMAT, version: 99, deal: sample(), pool: null });
    expect(() => parseProject(newer, 'c.absproj')).toThrow(ProjectFileError);
    expect(() => parseProject(newer, 'c.absproj')).toThrow(/newer ABS Workbench/);
  });

  it('falls back to the first scenario when the saved one is gone', () => {
    const text = JSON.stringify({
      format: PROJECT_FORMAT,
      version: 1,
      deal: sample(),
      pool: null,
      scenario: 'gone',
    });
    expect(parseProject(text, 'p').scenario).toBe('base');
  });
});

describe('deal edits', () => {
  it('rejects an edit the schema refuses, with the field path', () => {
    const d = sample();
    const r = validatedDeal(d, (x) => ({
      ...x,
      structure: { ...x.structure, tranches: x.structure.tranches.map((t) => ({ ...t, balance: -5 })) },
    }));
    expect('error' in r && r.error).toMatch(/structure\.tranches\.0\.balance/);
  });

  it('lists cross-reference problems the schema cannot see', () => {
    const d = sample();
    const broken: Deal = {
      ...d,
      structure: {
        ...d.structure,
        waterfall: [...d.structure.waterfall, { pay: 'interest', tranches: ['Z'] }],
      },
    };
    expect(dealProblems(broken, null)).toContain(
      `Step ${broken.structure.waterfall.length} pays interest to tranche Z, which is not defined`,
    );
    expect(dealProblems(d, null)).toEqual([]);
  });

  it('resizes the stack to the pool keeping shares, to the cent (75/15/10 of the JD Baitiao split)', () => {
    const scaled = scaleTranchesToPool(sample(), 23_434_833.19);
    expect(scaled.structure.tranches.map((t) => t.balance)).toEqual([
      17_576_124.89, 3_515_224.98, 2_343_483.32,
    ]);
  });

  it('resizing never creates or loses a cent (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1e11 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 1e13 }),
        (classCents, poolCents) => {
          const d = sample();
          const deal: Deal = {
            ...d,
            structure: {
              ...d.structure,
              tranches: classCents.map((c, i) => ({
                ...d.structure.tranches[0]!,
                id: `T${i}`,
                balance: c / 100,
              })),
            },
          };
          const out = scaleTranchesToPool(deal, poolCents / 100).structure.tranches;
          const total = out.reduce((s, t) => s + Math.round(t.balance * 100), 0);
          expect(total).toBe(poolCents);
        },
      ),
    );
  });
});

describe('app state', () => {
  it('is dirty after an edit, clean after undo and after save', () => {
    const doc = newProject(sample());
    let s = initialState(doc);
    expect(isDirty(s)).toBe(false);
    s = reducer(s, { type: 'edit', label: 'A balance', update: (d) => ({ ...d, scenario: 'stress' }) });
    expect(isDirty(s)).toBe(true);
    expect(windowTitle(s)).toMatch(/^• Revolving consumer-installment ABS/);
    s = reducer(s, { type: 'undo' });
    expect(isDirty(s)).toBe(false);
    s = reducer(s, { type: 'redo' });
    s = reducer(s, { type: 'saved', doc: s.history.present, file: { token: null, name: 'deal.absproj' } });
    expect(isDirty(s)).toBe(false);
    expect(windowTitle(s)).toBe('deal.absproj — ABS Workbench');
    expect(suggestedFileName(s)).toBe('deal.absproj');
  });

  it('an edit that changes nothing is not recorded', () => {
    const s = initialState(newProject(sample()));
    expect(reducer(s, { type: 'edit', label: 'noop', update: (d) => d })).toBe(s);
  });

  it('a recovered autosave opens dirty', () => {
    const s = reducer(initialState(newProject(sample())), {
      type: 'load',
      doc: newProject(sample()),
      file: null,
      dirty: true,
    });
    expect(isDirty(s)).toBe(true);
  });

  it('suggests a project name from a deal file name', () => {
    const s = initialState(newProject(sample()), { token: null, name: 'static-paylater.deal.json' });
    expect(suggestedFileName(s)).toBe('static-paylater.absproj');
  });

  it('keeps the latest result of each analysis for the report, stale once the deal is edited', () => {
    let s = initialState(newProject(sample()));
    const at = s.history.present;
    const rating = (scenario: string): AnalysisSnapshot => ({
      id: 'ratingStresses',
      result: {
        scenarioName: scenario,
        baseLossPct: 0,
        levels: [],
        highestPassing: {},
        passesAboveFailure: {},
      },
      label: { key: 'stress:kept.rating', params: { scenario } },
      doc: at,
    });
    s = reducer(s, { type: 'analysis', snapshot: rating('first') });
    s = reducer(s, {
      type: 'analysis',
      snapshot: {
        id: 'funding',
        result: {} as FundingResult,
        label: { key: 'funding:snapshot.plain', params: { name: 'case' } },
        doc: null,
      },
    });
    s = reducer(s, { type: 'analysis', snapshot: rating('second') });
    expect(s.analyses.map((a) => analysisLabelText(enT, a.label))).toEqual([
      'Rating stresses on scenario second',
      'Funding: case',
    ]);
    expect(s.analyses.map((a) => isStale(s, a))).toEqual([false, false]);
    s = reducer(s, { type: 'edit', label: 'scenario', update: (d) => ({ ...d, scenario: 'stress' }) });
    // The grid was run on the deal before the edit; the funding cases do not depend on it.
    expect(s.analyses.map((a) => isStale(s, a))).toEqual([true, false]);
    s = reducer(s, { type: 'load', doc: newProject(sample()), file: null });
    expect(s.analyses).toEqual([]);
  });
});
