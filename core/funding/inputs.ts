/**
 * A funding case with the deal files it names already read: the host (CLI, Electron, browser) reads files, this
 * resolves what the case points at. Paths are the strings written in the case, as the host read them.
 */
import { coreMessage, type CoreMessage } from '../i18n/messages';
import type { Deal, RepLine } from '../deal/schema';
import { fundingCurves, type FundingInputs } from './analyse';
import { securitizationClasses } from './terms';
import type { FundingCase } from './schema';

export class FundingInputError extends Error {
  constructor(
    readonly field: string,
    /** Why, coded for the user's language. */
    readonly problem: CoreMessage,
  ) {
    super(`${field}: ${problem.message}`);
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
    if (!deal)
      throw new FundingInputError(
        'book.currentPool.path',
        coreMessage('funding.dealNotRead', { path: pool.path }),
      );
    if (deal.pool.kind !== 'repLines')
      throw new FundingInputError(
        'book.currentPool.path',
        coreMessage('funding.loanLevelPool', { path: pool.path }),
      );
    poolLines = deal.pool.lines;
    scenario ??= deal.scenarios[0];
  }
  if (!scenario) throw new FundingInputError('scenario', coreMessage('funding.noScenario'));
  const deals: Record<string, Deal> = {};
  c.fundingSources.forEach((s, i) => {
    if (s.type !== 'securitization' || !s.deal) return;
    const deal = dealsByPath[s.deal];
    if (!deal)
      throw new FundingInputError(
        `fundingSources[${i}].deal`,
        coreMessage('funding.dealNotRead', { path: s.deal }),
      );
    deals[s.id] = deal;
  });
  const inputs = { fundingCase: c, poolLines, scenario, deals };
  checkIndexCurves(inputs);
  return inputs;
}

/** Every base rate a line or a floating class names must have a curve (constant or vector). */
function checkIndexCurves(inputs: FundingInputs): void {
  const curves = fundingCurves(inputs.fundingCase, inputs.scenario);
  const missing = (name: string, field: string): void => {
    if (curves[name] === undefined)
      throw new FundingInputError(field, coreMessage('funding.missingIndex', { name, field: 'indexCurves' }));
  };
  inputs.fundingCase.fundingSources.forEach((s, i) => {
    if (s.type === 'bankLine') missing(s.index, `fundingSources[${i}].index`);
    if (s.type === 'securitization') {
      const classes = s.classes ?? (inputs.deals[s.id] ? securitizationClasses(s, inputs.deals[s.id]) : []);
      classes.forEach((k, j) => {
        if (k.coupon.type === 'floating')
          missing(
            k.coupon.index,
            s.classes ? `fundingSources[${i}].classes[${j}].coupon.index` : `fundingSources[${i}].deal`,
          );
      });
    }
  });
}
