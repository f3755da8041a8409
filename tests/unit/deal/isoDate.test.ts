/**
 * The `isoDate` field primitive every JSON file shares (deal, funding case). JavaScript's Date.parse rolls
 * 2020-02-30 over to 2020-03-01, so a pattern plus Date.parse lets impossible dates through; a date is only a
 * date if its day fits its month (Gregorian: February has 29 days in years divisible by 4, except centuries
 * not divisible by 400).
 */
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { FundingCase } from '../../../core/funding/schema';
import { minimalDeal } from './minimalDeal';
import { equity, fundingCase } from '../funding/fixtures';

function issuesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('isoDate', () => {
  it('refuses 2020-02-30 in a deal with the field path and the reason', () => {
    // 2020 is a leap year: February has 29 days, so the 30th does not exist.
    const doc = { ...minimalDeal(), cutoffDate: '2020-02-30' };
    expect(issuesOf(Deal.safeParse(doc))).toEqual(["cutoffDate: '2020-02-30' is not a calendar date"]);
  });

  it('refuses impossible dates in a funding case too', () => {
    // 1900 is a century not divisible by 400: not a leap year, so February 29th does not exist.
    const good = fundingCase({ fundingSources: [equity()] });
    const doc = { ...good, startDate: '1900-02-29' };
    expect(issuesOf(FundingCase.safeParse(doc))).toEqual(["startDate: '1900-02-29' is not a calendar date"]);
  });

  it('accepts real month ends, including leap days', () => {
    for (const d of ['2020-02-29', '2000-02-29', '2025-04-30', '2025-12-31']) {
      expect(Deal.safeParse({ ...minimalDeal(), cutoffDate: d }).success).toBe(true);
    }
    expect(issuesOf(Deal.safeParse({ ...minimalDeal(), cutoffDate: '2025-04-31' }))).toEqual([
      "cutoffDate: '2025-04-31' is not a calendar date",
    ]);
  });
});
