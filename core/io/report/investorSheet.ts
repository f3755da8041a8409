/**
 * The investor summary: a term-sheet page per class (size, rating, coupon, WAL, expected and legal final, credit
 * enhancement at closing, break-evens when solved), the page an arranger hands an investor.
 *
 * One sheet with one block per class, a page break after each, rather than one sheet per class: each class still
 * prints on a page of its own, while a deal of many classes does not add as many tabs to a workbook that already
 * has a cash-flow sheet per class, and the Contents and Export screen list stay short. The sheet prints upright at
 * its natural size (not fitted to width): spreadsheet programs ignore manual page breaks on a fitted sheet.
 */
import type { Deal } from '../../deal/schema';
import type { RunResult, TrancheResult } from '../../result';
import { SENIORITY_RANK } from '../../structure/waterfall';
import { couponText, seniorityText } from './cashflowSheets';
import type { ReportText } from './reportText';
import { cellAddress, type ColumnFormat, type SheetWriter } from './sheetWriter';
import type { Breakeven } from './summarySheet';

/** Credit enhancement of a class at closing, each part as a share of the initial pool. */
export interface ClosingEnhancement {
  /** Classes junior to this one. */
  subordination: number;
  /** Pool in excess of all the notes (negative when the notes exceed the pool). */
  overcollateralisation: number;
  /** The reserve account's initial balance. */
  reserve: number;
}

/**
 * Credit enhancement at closing as the engine measures it over time ((pool + reserve − this class and everything
 * senior) / pool, core/structure/waterfall.ts), split into its sources: subordination, overcollateralisation and
 * the reserve. Classes of one seniority rank by their order in the deal, as the engine ranks them.
 */
export function closingEnhancement(deal: Deal, result: RunResult): ClosingEnhancement[] {
  const pool = result.pool.initialBalance;
  const rank = (t: TrancheResult): number =>
    SENIORITY_RANK[t.seniority as keyof typeof SENIORITY_RANK] ?? Number.MAX_SAFE_INTEGER;
  const order = result.tranches
    .map((t, i) => ({ i, r: rank(t) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.i);
  const notes = result.tranches.reduce((s, t) => s + t.originalBalance, 0);
  const reserve = deal.structure.reserve?.initialBalance ?? 0;
  const share = (x: number): number => (pool > 0 ? x / pool : 0);
  const out: ClosingEnhancement[] = result.tranches.map(() => ({
    subordination: 0,
    overcollateralisation: share(pool - notes),
    reserve: share(reserve),
  }));
  let juniors = notes;
  for (const i of order) {
    juniors -= (result.tranches[i] as TrancheResult).originalBalance;
    (out[i] as ClosingEnhancement).subordination = share(juniors);
  }
  return out;
}

export function investorSheet(
  deal: Deal,
  result: RunResult,
  breakevens: readonly Breakeven[] | undefined,
  text: ReportText,
): SheetWriter {
  const { t } = text;
  const w = text.writer(true);
  w.portrait = true;
  let r = w.titleBlock(t('report:styled.investor.title', { deal: result.deal.name }), text.caption(true)) + 1;
  const dateOf = new Map(result.pool.periods.map((p) => [p.period, p.date]));
  const enhancement = closingEnhancement(deal, result);
  const solved = new Map((breakevens ?? []).map((b) => [b.trancheId, b]));
  const na = w.na;
  const label = (s: string): void => w.text(r, 0, s, true, 'label');
  const kv = (
    s: string,
    v: string | number | null | undefined,
    format: ColumnFormat,
    note?: string,
  ): void => {
    label(s);
    if (v === null || v === undefined) w.text(r, 1, na, true, 'figure');
    else w.value(r, 1, v, format, 'figure');
    if (note) w.comment(r, 0, note);
    r++;
  };
  const heading = (s: string): void => {
    r++;
    w.section(r++, s);
  };

  result.tranches.forEach((tr, i) => {
    const spec = deal.structure.tranches.find((x) => x.id === tr.id);
    w.text(
      r++,
      0,
      spec?.name
        ? t('report:styled.investor.classNamed', { id: tr.id, name: spec.name })
        : t('report:styled.investor.class', { id: tr.id }),
      false,
      'title',
    );
    heading(t('report:styled.investor.notes'));
    kv(t('report:styled.investor.size'), tr.originalBalance, 'money');
    kv(t('report:trancheTable.poolShare'), tr.poolShare, 'percent');
    kv(t('report:trancheTable.seniority'), seniorityText(t, tr.seniority), 'text');
    kv(t('report:trancheTable.rating'), tr.rating ?? t('report:styled.investor.unrated'), 'text');
    kv(t('report:trancheTable.coupon'), couponText(text, spec?.coupon, tr.couponDescription), 'text');
    kv(t('report:trancheTable.price'), tr.price, 'number', t('report:styled.notes.price'));

    heading(t('report:styled.investor.maturity'));
    kv(t('report:trancheTable.wal'), tr.wal, 'number', t('report:styled.notes.wal'));
    const window = tr.principalWindow;
    kv(
      t('report:styled.investor.window'),
      window
        ? t('report:styled.investor.windowValue', {
            first: window.first,
            last: window.last,
            from: dateOf.get(window.first) ?? na,
            to: dateOf.get(window.last) ?? na,
          })
        : t('report:none'),
      'text',
      t('report:styled.notes.window'),
    );
    kv(
      t('report:styled.investor.expectedFinal'),
      tr.expectedFinalDate ?? (window ? (dateOf.get(window.last) ?? null) : t('report:none')),
      'date',
      t('report:styled.notes.expectedFinal'),
    );
    kv(t('report:styled.investor.legalFinal'), tr.legalFinalDate ?? null, 'date');

    heading(t('report:styled.investor.returns'));
    kv(t('report:trancheTable.yield'), tr.yield, 'percent', t('report:styled.notes.yield'));
    kv(
      t('report:trancheTable.modifiedDuration'),
      tr.modifiedDuration,
      'number',
      t('report:styled.notes.modifiedDuration'),
    );

    heading(t('report:styled.investor.enhancement'));
    const ce = enhancement[i] as ClosingEnhancement;
    const first = r;
    kv(
      t('report:styled.investor.subordination'),
      ce.subordination,
      'percent',
      t('report:styled.notes.subordination'),
    );
    kv(
      t('report:styled.investor.overcollateralisation'),
      ce.overcollateralisation,
      'percent',
      t('report:styled.notes.overcollateralisation'),
    );
    kv(t('report:styled.investor.reserve'), ce.reserve, 'percent', t('report:styled.notes.reserve'));
    label(t('report:styled.investor.totalEnhancement'));
    w.formula(
      r,
      1,
      `SUM(${cellAddress(first, 1)}:${cellAddress(r - 1, 1)})`,
      ce.subordination + ce.overcollateralisation + ce.reserve,
      'percent',
      'total',
    );
    w.styleRow(r, 0, 1, 'total');
    r++;

    heading(t('report:styled.investor.stress'));
    const b = solved.get(tr.id);
    if (!b) {
      w.text(r++, 0, t('report:styled.investor.notSolved'), false, 'note');
    } else {
      kv(
        t('report:trancheTable.breakevenCdr'),
        b.cdr ?? t('report:notFound'),
        'percent',
        t('report:styled.notes.breakevenCdr'),
      );
      if (b.lossMultiple !== undefined)
        kv(
          t('report:trancheTable.breakevenMultiple'),
          b.lossMultiple ?? t('report:notFound'),
          'number',
          t('report:styled.notes.breakevenMultiple'),
        );
    }
    kv(
      t('report:trancheTable.principalLoss'),
      tr.principalLoss,
      'money',
      t('report:styled.notes.principalLoss'),
    );
    kv(
      t('report:trancheTable.interestShortfall'),
      tr.interestShortfall,
      'money',
      t('report:styled.notes.interestShortfall'),
    );
    // Each class on a page of its own: the break ends the page after the class's block.
    if (i < result.tranches.length - 1) w.pageBreaks.push(r - 1);
    r += 2;
  });
  // A term sheet's two columns: labels wide enough for the longest, values for a coupon or a date range.
  w.fixedWidths.set(0, 34);
  w.fixedWidths.set(1, 34);
  return w;
}
