/**
 * Issue 15 in the Excel report: a deal with separate revenue and redemption priorities of payments and a
 * principal deficiency ledger names each Waterfall column by its phase and list, and each tranche sheet carries
 * the class's uncured deficiency per period, in English and in Chinese, with the engine's figures.
 */
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { buildTrancheReport } from '../../../core/io/report';
import { runDeal } from '../../../core/run';
import { untranslatedWords } from '../../support/latin';
import { DEAL_INPUT } from './fixture';
import { at, find, readReport, sheet } from './readBack';

// Defaults eight times the fixture's, so losses outrun excess spread and the ledger carries a deficiency.
const deal = Deal.parse({
  ...DEAL_INPUT,
  scenarios: DEAL_INPUT.scenarios.map((x) => ({ ...x, defaultMultiple: 8 })),
  structure: {
    ...DEAL_INPUT.structure,
    principalDeficiencyLedger: true,
    phases: {
      waterfalls: {
        amortising: {
          interest: [
            { pay: 'fee', fee: 'servicing' },
            { pay: 'interest', tranches: ['A', 'B'] },
            { pay: 'pdlCure', tranches: ['A', 'B'] },
            { pay: 'residual' },
          ],
          principal: [{ pay: 'principal', tranches: ['A', 'B'] }, { pay: 'residual' }],
        },
      },
    },
  },
});
const result = runDeal(deal, {
  kind: 'repLines',
  lines: deal.pool.kind === 'repLines' ? deal.pool.lines : [],
});

describe('report of a deal with phases and a PDL', () => {
  it('reconciles and labels each step with its phase and list', async () => {
    expect(result.checks.cashConserved).toBe(true);
    const ws = sheet(readReport(await buildTrancheReport({ deal, result })), 'Waterfall');
    const cure = find(ws, '3. Amortising period, Revenue: principal deficiency cure A, B');
    const principal = find(ws, '1. Amortising period, Redemption: principal A, B');
    // Row after the header is period 1: the figures are the engine's.
    const p1 = result.waterfall[0];
    const engineCure = p1.steps.find((s) => s.ledger === 'revenue' && s.step === 2)?.paid;
    const enginePrincipal = p1.steps.find((s) => s.ledger === 'redemption' && s.step === 0)?.paid;
    expect(at(ws, cure.r + 1, cure.c)?.v).toBe(engineCure);
    expect(at(ws, principal.r + 1, principal.c)?.v).toBe(enginePrincipal);
  });

  it('shows the uncured deficiency per class per period', async () => {
    const ws = sheet(readReport(await buildTrancheReport({ deal, result })), 'Tranche B');
    const head = find(ws, 'Principal deficiency ledger');
    const b = result.tranches.find((x) => x.id === 'B');
    b?.cashflows.forEach((c, k) => expect(at(ws, head.r + 1 + k, head.c)?.v).toBe(c.principalDeficiency));
    // Losses in this scenario leave something on the ledger at some point, so the column is not all zeros.
    expect(b?.cashflows.some((c) => (c.principalDeficiency ?? 0) > 0)).toBe(true);
  });

  it('writes the same in Chinese, with no English left', async () => {
    const wb = readReport(await buildTrancheReport({ deal, result, lang: 'zh-CN' }));
    const ws = sheet(wb, '现金流支付顺序');
    const cure = find(ws, '3. 摊还期·收入账：补足A、B档本金亏损');
    expect(untranslatedWords(String(at(ws, cure.r, cure.c)?.v).replace(/[AB]/g, ''))).toEqual([]);
    find(sheet(wb, 'B档现金流'), '本金亏损账');
  });
});
