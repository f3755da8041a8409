/**
 * `run --calendar FILE`: a user's holiday calendar file, and the accrual fields `run --json` adds per class cash
 * flow. The deal pays on the 15th from the cut-off 2025-01-31; the user's calendar closes Monday 2025-09-15, so
 * under "following" that payment moves to Tuesday the 16th.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../core/node/cli/commands/run';
import { CliError } from '../../../core/node/cli/errors';
import type { RunResult } from '../../../core/result';
import { minimalDeal } from '../deal/minimalDeal';

const dir = mkdtempSync(join(tmpdir(), 'abs-calendar-cli-'));

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    return { code: await main(args), out };
  } finally {
    vi.restoreAllMocks();
  }
}
afterEach(() => vi.restoreAllMocks());

const calendarFile = {
  calendarVersion: 1,
  id: 'XX-TEST',
  name: 'Test market',
  sources: ['a test notice'],
  firstYear: 2025,
  publishedThrough: 2026,
  holidays: [{ date: '2025-09-15', name: 'Test holiday' }],
};

describe('run --calendar FILE', () => {
  const dealFile = join(dir, 'x.deal.json');
  writeFileSync(dealFile, JSON.stringify({ ...minimalDeal(), calendar: { holidays: 'XX-TEST' } }));
  const calFile = join(dir, 'xx.calendar.json');
  writeFileSync(calFile, JSON.stringify(calendarFile));

  it('rolls payment dates on the user calendar and prints accrual start, end and days per cash flow', async () => {
    const { code, out } = await run(dealFile, '--calendar', calFile, '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out) as RunResult;
    const a = r.tranches[0]!.cashflows;
    // Period 8 is September 2025: Monday the 15th is the user's holiday, so it pays Tuesday the 16th.
    expect(a[7]).toMatchObject({
      period: 8,
      date: '2025-09-16',
      accrualStart: '2025-08-15',
      accrualEnd: '2025-09-16',
    });
    // 30/360 (the class's default): 15 Aug → 16 Sep = 30 + 1 = 31 days; then 16 Sep → 15 Oct = 30 − 1 = 29 days.
    expect(a[7]!.accrualDays).toBe(31);
    expect(a[8]).toMatchObject({ accrualStart: '2025-09-16', accrualEnd: '2025-10-15', accrualDays: 29 });
  });

  it('without the file the deal names its calendar as unknown, with the field', async () => {
    await expect(run(dealFile)).rejects.toThrow(
      /x\.deal\.json: calendar\.holidays: no holiday calendar 'XX-TEST'/,
    );
  });

  it('refuses a bad calendar file naming the file, the field and the reason', async () => {
    const bad = join(dir, 'bad.calendar.json');
    writeFileSync(bad, JSON.stringify({ ...calendarFile, holidays: [{ date: '2025-02-30', name: 'x' }] }));
    const err = await run(dealFile, '--calendar', bad).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CliError);
    expect((err as Error).message).toBe(`${bad}: holidays[0].date: '2025-02-30' is not a calendar date`);
  });
});
