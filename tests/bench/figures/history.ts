/**
 * Performance history budget (issue 11): 10 million loan-months (500,000 loans × 20 months, generated in-process
 * by samples/generator/historyGenerator.ts) to vintage curves in under 20 s and 2 GB, streamed row by row.
 * Two figures, each beside a plain reference loop over the same generated rows:
 * - CSV text: the generator writes the rows as CSV bytes, decoded 1 MiB at a time as a file read would be, and
 *   pushed through the tokenizer, the row reader and the accumulator; the reference splits the same text into
 *   lines.
 * - rows: the generator's row objects pushed straight into the accumulator; the reference sums the balances
 *   by vintage and month on book in a Float64Array.
 * Generation runs inside both sides of each pair; the CSV figure and its reference are given net of it (timed
 * alone first), since in use the text comes from a file. Quick mode: 25,000 loans × 20 months.
 */
import { vintageCurves } from '../../../core/history/analysis';
import { HistoryAccumulator, type HistoryRow } from '../../../core/history/accumulator';
import { HistoryStream } from '../../../core/history/reader';
import {
  generateHistory,
  historyCsvBytes,
  type HistoryGeneratorOptions,
} from '../../../samples/generator/historyGenerator';
import { figure, type Figure } from '../harness';

const STATUS = ['current', 'delinquent', 'charged-off', 'prepaid', 'paid-off'] as const;
/** Decodes the generator's CSV bytes into text chunks, as a file read would, and hands each to `sink`. */
function textChunks(opts: HistoryGeneratorOptions, sink: (chunk: string) => void): number {
  const td = new TextDecoder();
  return historyCsvBytes(opts, (b) => sink(td.decode(b, { stream: true })));
}

const mb = (x: number): number => Math.round(x / 1024 / 1024);

export async function run({ quick }: { quick: boolean }): Promise<Figure[]> {
  const loansPerVintage = quick ? 1_250 : 25_000;
  const opts: HistoryGeneratorOptions = { seed: 11, vintages: 20, loansPerVintage, maxMob: 20 };
  const rows = 20 * loansPerVintage * 20;
  const gc = (globalThis as { gc?: () => void }).gc;

  // What producing the text costs by itself: a file read replaces it in use, so the import's figure is net of it.
  gc?.();
  let t0 = performance.now();
  textChunks(opts, () => undefined);
  const generateMs = performance.now() - t0;

  // CSV text: reference = split the chunks into lines.
  gc?.();
  t0 = performance.now();
  let lines = 0;
  textChunks(opts, (c) => {
    let i = -1;
    while ((i = c.indexOf('\n', i + 1)) >= 0) lines++;
  });
  const refTextMs = performance.now() - t0;
  if (lines !== rows + 1) throw new Error(`reference counted ${lines} lines, expected ${rows + 1}`);

  gc?.();
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  let chunks = 0;
  t0 = performance.now();
  const stream = new HistoryStream();
  textChunks(opts, (c) => {
    stream.push(c);
    if (++chunks % 25 === 0) peak = Math.max(peak, process.memoryUsage.rss());
  });
  const acc = stream.end();
  const curves = acc.result().map(vintageCurves);
  const textMs = performance.now() - t0;
  peak = Math.max(peak, process.memoryUsage.rss());
  if (acc.rowsAccepted !== rows || curves.length !== 20) throw new Error('history import lost rows');

  // Rows: reference = sums of balances by vintage × month on book.
  gc?.();
  t0 = performance.now();
  const ref = new Float64Array(20 * 21);
  generateHistory(opts, (r) => {
    ref[(r.origination % 20) * 21 + (r.asOf - r.origination)] += r.currentBalance;
  });
  const refRowsMs = performance.now() - t0;

  gc?.();
  t0 = performance.now();
  const direct = new HistoryAccumulator();
  const h: HistoryRow = {
    loanId: '',
    asOf: 0,
    origination: 0,
    originalBalance: 0,
    currentBalance: 0,
    daysPastDue: 0,
    status: undefined,
    chargeOff: 0,
    recovery: 0,
    originalTerm: NaN,
    segment: '',
  };
  generateHistory(opts, (r) => {
    h.loanId = r.loanId;
    h.asOf = r.asOf;
    h.origination = r.origination;
    h.originalBalance = r.originalBalance;
    h.currentBalance = r.currentBalance;
    h.daysPastDue = r.daysPastDue;
    h.status = STATUS[r.status];
    h.chargeOff = r.chargeOff;
    h.recovery = r.recovery;
    h.originalTerm = r.originalTerm;
    direct.push(h, 0);
  });
  direct.result().map(vintageCurves);
  const rowsMs = performance.now() - t0;
  peak = Math.max(peak, process.memoryUsage.rss());

  const label = `${(rows / 1e6).toLocaleString('en-US')} million loan-months (${(20 * loansPerVintage).toLocaleString('en-US')} loans × 20 months)`;
  return [
    figure({
      name: `history: ${label} as CSV text to vintage curves (net of generating the text)`,
      value: (textMs - generateMs) / 1000,
      unit: 's',
      reference: (refTextMs - generateMs) / 1000,
      budget: { limit: quick ? 1 : 20, better: 'lower' },
      referenceLeavesOut:
        'tokenising fields, reading numbers and dates, and the vintage accumulation: it only splits lines',
      notes: {
        rowsPerSecond: Math.round(rows / ((textMs - generateMs) / 1000)),
        loans: acc.loanCount,
        withGenerationS: Math.round(textMs / 10) / 100,
        generationS: Math.round(generateMs / 10) / 100,
      },
    }),
    figure({
      name: `history: ${label} as generated rows to vintage curves`,
      value: rowsMs / 1000,
      unit: 's',
      reference: refRowsMs / 1000,
      budget: { limit: quick ? 1 : 20, better: 'lower' },
      referenceLeavesOut:
        'the accumulator’s status, roll-rate and prepayment bookkeeping: it sums balances by vintage and month',
      notes: { rowsPerSecond: Math.round(rows / (rowsMs / 1000)) },
    }),
    figure({
      name: `history: peak RSS during the ${label} runs`,
      value: mb(peak),
      unit: 'MB',
      reference: mb(rssBefore),
      budget: { limit: 2048, better: 'lower' },
      notes: { rssBeforeMB: mb(rssBefore), sampledAt: 'every 25 chunks (500,000 rows)' },
    }),
  ];
}
