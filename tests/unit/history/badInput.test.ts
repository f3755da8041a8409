/** Bad history rows are listed with their line and reason; nothing is dropped without a count. */
import { describe, expect, it } from 'vitest';
import { HistoryStream, readHistoryText } from '../../../core/history/reader';

const HEAD =
  'loan_id,as_of_month,origination_date,original_balance,current_balance,days_past_due,status,charge_off_amount,recovery_amount\n';

describe('history rejects', () => {
  it('a balance that rises, snapshots out of order, as-of before origination, a duplicate loan-month', () => {
    const text =
      HEAD +
      [
        'L1,2023-02,2023-01-01,1000,900,0,current,,', // 2 ok
        'L1,2023-03,2023-01-01,1000,950,0,current,,', // 3 balance rose 900 → 950
        'L1,2023-03,2023-01-01,1000,800,0,current,,', // 4 ok
        'L1,2023-02,2023-01-01,1000,800,0,current,,', // 5 out of order (after 2023-03)
        'L1,2023-03,2023-01-01,1000,800,0,current,,', // 6 duplicate loan-month
        'L2,2022-12,2023-01-01,1000,1000,0,current,,', // 7 as-of before origination
        'L3,2023-02,2023-01-01,1000,900,0,unknown-code,,', // 8 unknown status
        'L4,2023-02,2023-01-01,abc,900,0,current,,', // 9 not a number
        'L5,2023-13,2023-01-01,1000,900,0,current,,', // 10 not a month
        'L6,2023-02,2023-01-01,1000,900,,逾期,,', // 11 delinquent without days
        'L1,2023-04,2023-02-01,1000,700,0,current,,', // 12 origination changed
        ',2023-04,2023-02-01,1000,700,0,current,,', // 13 no loan id
      ].join('\n') +
      '\n';
    const acc = readHistoryText(text);
    expect(acc.rowsAccepted).toBe(2);
    expect(acc.rowsRejected).toBe(10);
    expect(acc.rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, 'balanceRose'],
      [5, 'outOfOrder'],
      [6, 'duplicateLoanMonth'],
      [7, 'asOfBeforeOrigination'],
      [8, 'unknownStatus'],
      [9, 'badNumber'],
      [10, 'badMonth'],
      [11, 'delinquentWithoutDays'],
      [12, 'loanChanged'],
      [13, 'missingValue'],
    ]);
    expect(acc.rejects[5]!.detail).toContain('original_balance');
    expect(acc.rejectCounts.balanceRose).toBe(1);
  });

  it('a rejected row does not move the loan: the next row is compared with the last accepted one', () => {
    const text =
      HEAD +
      [
        'L1,2023-02,2023-01-01,1000,900,0,current,,',
        'L1,2023-03,2023-01-01,1000,990,0,current,,',
        'L1,2023-04,2023-01-01,1000,850,0,current,,',
      ].join('\n');
    const acc = readHistoryText(text);
    expect(acc.rowsAccepted).toBe(2);
    const s = acc.result()[0]!;
    // MOB 3 starts from 900 (the last accepted balance), not from the rejected 990.
    expect(s.perfStart[3]).toBe(900);
  });

  it('blank lines are counted, not silently skipped', () => {
    const s = new HistoryStream();
    s.push(
      HEAD + 'L1,2023-02,2023-01-01,1000,900,0,current,,\n\n\nL1,2023-03,2023-01-01,1000,800,0,current,,\n',
    );
    expect(s.end().rowsAccepted).toBe(2);
    expect(s.blankLines).toBe(2);
  });

  it('a header without the required columns is refused, naming them', () => {
    expect(() => readHistoryText('loan_id,as_of_month\nA,2023-01\n')).toThrow(/origination|original|balance/);
  });
});
