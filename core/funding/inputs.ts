/**
 * A funding case with the deal files it names already read: the host (CLI, Electron, browser) reads files, this
 * resolves what the case points at. Paths are the strings written in the case, as the host read them.
 */
import type { Deal, RepLine } from '../deal/schema';
import type { FundingInputs } from './analyse';
import type { FundingCase } from './schema';

export class FundingInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'FundingInputError';
  }
}

/** The deal files a case refers to (current pool, securitization templates), as written in the case. */
export function referencedDealPaths(c: FundingCase): { path: string; field: string }[] {
  const out: { path: string; field: string }[] = [];
  if (c.book.currentPool.kind === 'deal')
    out.push({ path: c.book.currentPool.path, field: 'book.currentPool.path' });
  c.fundingSources.forEach((s, i) => {
    if (s.type === 'securitization' && s.deal) out.push({ path: s.deal, field: `fundingSources[${i}].deal` });
  });
  return out;
}

export function resolveFundingInputs(
  c: FundingCase,
  dealsByPath: Readonly<Record<string, Deal>>,
): FundingInputs {
  let poolLines: readonly RepLine[];
  let scenario = c.scenario;
  const pool = c.book.currentPool;
  if (pool.kind === 'repLines') poolLines = pool.lines;
  else {
    const deal = dealsByPath[pool.path];
    if (!deal) throw new FundingInputError('book.currentPool.path', `deal file '${pool.path}' was not read`);
    if (deal.pool.kind !== 'repLines')
      throw new FundingInputError(
        'book.currentPool.path',
        `deal file '${pool.path}' has a loan-level pool file; the funding book needs rep lines`,
      );
    poolLines = deal.pool.lines;
    scenario ??= deal.scenarios[0];
  }
  if (!scenario) throw new FundingInputError('scenario', 'no scenario given or found');
  const deals: Record<string, Deal> = {};
  c.fundingSources.forEach((s, i) => {
    if (s.type !== 'securitization' || !s.deal) return;
    const deal = dealsByPath[s.deal];
    if (!deal) throw new FundingInputError(`fundingSources[${i}].deal`, `deal file '${s.deal}' was not read`);
    deals[s.id] = deal;
  });
  return { fundingCase: c, poolLines, scenario, deals };
}
