/**
 * The history reader takes common lines without splitting them (HistoryRowReader.readLine). Whatever a line
 * holds — padded ids, signed or grouped numbers, 万 amounts, Chinese months, unknown codes, quotes, CR line ends,
 * too few or too many cells — the stream must end with exactly what reading every line as split cells gives:
 * the same sums, the same accepted and rejected counts, the same rejects with their lines and reasons. The same
 * holds for a file with renamed headers read under a mapping (its columns resolved once, 万元 amounts, a stated
 * month format, the platform's own status codes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HistoryAccumulator } from '../../core/history/accumulator';
import { HistoryMapping } from '../../core/history/mapping';
import { historyColumns, HistoryRowReader, HistoryStream } from '../../core/history/reader';
import { CsvTokenizer } from '../../core/io/tape/csv';
import { plainNumberAt } from '../../core/io/tape/values';

const HEADER =
  'loan_id,as_of_month,origination_date,original_balance,current_balance,days_past_due,status,charge_off_amount,recovery_amount,original_term,grade';

/** Every line split into cells and read by `read`: the reader as it was before lines were read unsplit. */
function splitEveryLine(
  chunks: readonly string[],
  segment?: string,
  mapping?: HistoryMapping,
): HistoryAccumulator {
  const acc = new HistoryAccumulator();
  const t = new CsvTokenizer(',');
  let reader: HistoryRowReader | undefined;
  const sink = (cells: string[], line: number): void => {
    if (reader === undefined)
      reader = new HistoryRowReader(historyColumns(cells, segment, mapping), cells, acc, mapping);
    else reader.read(cells, line);
  };
  for (const c of chunks) t.push(c, sink);
  t.end(sink);
  return acc;
}

function streamed(chunks: readonly string[], segment?: string, mapping?: HistoryMapping): HistoryAccumulator {
  const s = new HistoryStream({
    delimiter: ',',
    ...(segment === undefined ? {} : { segment }),
    ...(mapping === undefined ? {} : { mapping }),
  });
  for (const c of chunks) s.push(c);
  return s.end();
}

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
/** Mostly readable values, so that many lines are accepted and loans come back month after month. */
const mostly = (good: readonly string[], odd: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: pick(good), weight: 6 }, { arbitrary: pick(odd), weight: 1 });
const id = mostly(['L1', 'L2', 'L3'], [' L1', 'L2 ', 'L\u00a03', '\u3000L1', 'L2\u00a0', '', '"L2"', 'L,1']);
const month = mostly(
  ['2023-01', '2023-02', '2023-03'],
  ['2023-3', '202303', '2023年3月', '2023-13', 'x', '', '2023-02-30', ' 2023-02'],
);
const orig = mostly(['2022-12-15', '2022-12'], ['2023-01-01', '2022-12-31', '2023-02-29', '2022年12月', '']);
const amount = mostly(
  ['1000', '1000.00', '999.5', '0', '800.25'],
  [
    '.5',
    '5.',
    '1.2.3',
    '1,000',
    '"1,000.50"',
    '-5',
    '1e3',
    ' 800',
    '0.1万',
    '12345678901234567',
    '900.123456789012',
    '',
  ],
);
const dpd = mostly(['0', '15', '45', '75', '120', ''], ['-1', '3.5', ' 30', '1e1']);
const status = mostly(
  ['current', 'delinquent', 'charged-off', 'prepaid', 'paid-off'],
  ['Current', '正常', 'weird', '', ' current'],
);
const small = mostly(['', '0', '100', '250.25'], ['-3', 'abc', '1 000']);
const term = mostly(['12', '24', ''], ['6.0', 'x', '１２']);
const grade = mostly(['A', 'B', ''], [' A', 'B\u00a0', '\u3000A']);
const ending = pick(['\n', '\r\n']);

const line = fc
  .tuple(
    id,
    month,
    orig,
    amount,
    amount,
    dpd,
    status,
    small,
    small,
    term,
    grade,
    fc.integer({ min: -1, max: 1 }),
  )
  .map(([i, m, o, ob, cb, d, s, co, rec, t, g, extra]) => {
    const cells = [i, m, o, ob, cb, d, s, co, rec, t, g];
    if (extra < 0) cells.pop();
    if (extra > 0) cells.push('surplus');
    return cells.join(',');
  });

/** A platform's export: headers no synonym finds, amounts in 万元, origination as MM/YYYY, codes of its own. */
const MAPPED_HEADER = 'acct,rpt,disb,amt_w,bal_w,ovd,stat,wo_w,rec_w,tnr,risk';
const MAPPING = HistoryMapping.parse({
  name: 'renamed',
  columns: {
    loanId: 'acct',
    asOf: 'rpt',
    originationDate: 'disb',
    originalBalance: 'amt_w',
    currentBalance: 'bal_w',
    daysPastDue: 'ovd',
    status: 'stat',
    chargeOffAmount: 'wo_w',
    recoveryAmount: 'rec_w',
    originalTerm: 'tnr',
  },
  dateFormats: { originationDate: 'MM/YYYY' },
  values: { status: { C: 'current', weird: 'prepaid', D: 'charged-off' } },
  amountUnits: {
    originalBalance: 'wan',
    currentBalance: 'wan',
    chargeOffAmount: 'wan',
    recoveryAmount: 'wan',
  },
});
const origMy = mostly(['12/2022', '11/2022'], ['2022-12', '13/2022', '12-2022', ' 12/2022', '']);
const wan = mostly(['0.1', '0.1000', '0.099995', '0', '0.08'], ['0.1万', '1,000', '-0.1', '', '.5', '100元']);
const mappedStatus = mostly(['C', 'current', 'D', 'weird', ''], ['c', ' C', 'Weird', 'PP', 'delinquent']);

const mappedLine = fc
  .tuple(id, month, origMy, wan, wan, dpd, mappedStatus, small, small, term, grade)
  .map((cells) => cells.join(','));

function chunked(text: string, cuts: readonly number[]): string[] {
  const chunks: string[] = [];
  let at = 0;
  for (const c of cuts) {
    if (at >= text.length) break;
    chunks.push(text.slice(at, at + c));
    at += c;
  }
  if (at < text.length) chunks.push(text.slice(at));
  return chunks;
}

describe('history lines read unsplit', () => {
  it('end with what reading every line as split cells gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, ending), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (rows, cuts, bySegment) => {
          const text = HEADER + '\n' + rows.map(([l, e]) => l + e).join('');
          const chunks: string[] = [];
          let at = 0;
          for (const c of cuts) {
            if (at >= text.length) break;
            chunks.push(text.slice(at, at + c));
            at += c;
          }
          if (at < text.length) chunks.push(text.slice(at));
          const segment = bySegment ? 'grade' : undefined;
          const a = streamed(chunks, segment);
          const b = splitEveryLine(chunks, segment);
          expect(a.rowsAccepted).toBe(b.rowsAccepted);
          expect(a.rowsRejected).toBe(b.rowsRejected);
          expect(a.loanCount).toBe(b.loanCount);
          expect(a.rejects).toEqual(b.rejects);
          expect(a.result()).toEqual(b.result());
        },
      ),
      { numRuns: 400 },
    );
  });

  it('under a mapping of renamed headers, end with what reading every line as split cells gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(mappedLine, ending), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (rows, cuts, bySegment) => {
          const text = MAPPED_HEADER + '\n' + rows.map(([l, e]) => l + e).join('');
          const chunks = chunked(text, cuts);
          const segment = bySegment ? 'risk' : undefined;
          const a = streamed(chunks, segment, MAPPING);
          const b = splitEveryLine(chunks, segment, MAPPING);
          expect(a.rowsAccepted).toBe(b.rowsAccepted);
          expect(a.rowsRejected).toBe(b.rowsRejected);
          expect(a.rejects).toEqual(b.rejects);
          expect(a.unknownStatusCodes).toEqual(b.unknownStatusCodes);
          expect(a.result()).toEqual(b.result());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a plain decimal bit for bit as the string conversion does', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{0,15}(\.\d{0,15})?$/).filter((s) => s.replace('.', '').length >= 1),
        (s) => {
          const v = plainNumberAt(s, 0, s.length);
          const digits = s.replace('.', '').length;
          if (digits > 15 || s.length > 16) expect(v).toBeNaN();
          else expect(Object.is(v, +s)).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
