/**
 * Funding comparison on the sample case (no DESIGN budget: the figure keeps an eye on it). Compared: every mix
 * through every scenario (simulate + evaluate) against a plain typed-array loop that only prices the same
 * source-months (balance × rate / 12); and one HiGHS solve of the optimiser against the same loop run as many
 * times as the solve has source-month-scenario cells, to show what the MILP costs per cell.
 */
import { scenarioTerms } from '../../../core/funding/analyse';
import { evaluateAllocation } from '../../../core/funding/evaluate';
import { optimiseMix } from '../../../core/funding/optimise';
import { simulateMix } from '../../../core/funding/simulate';
import { loadFundingCase } from '../../../core/node/funding/caseFile';
import { loadHighsSolver } from '../../../core/node/funding/highs';
import { bestOf, figure, type Figure } from '../harness';

function referenceLoop(months: number, sources: number, repeats: number): number {
  const bal = new Float64Array(months + 1);
  const rate = new Float64Array(months + 1);
  for (let t = 0; t <= months; t++) {
    bal[t] = 1e6 + t;
    rate[t] = 0.05 + t * 1e-4;
  }
  let cost = 0;
  for (let r = 0; r < repeats; r++)
    for (let s = 0; s < sources; s++) for (let t = 1; t <= months; t++) cost += (bal[t]! * rate[t]!) / 12;
  return cost;
}

export async function run({ quick }: { quick: boolean }): Promise<Figure[]> {
  const inputs = await loadFundingCase('samples/funding/revolving-consumer.case.json');
  const c = inputs.fundingCase;
  const scenarios = scenarioTerms(inputs);
  const H = c.horizonMonths;
  const S = c.fundingSources.length;
  const cells = c.mixes.length * scenarios.length;
  const compare = (): void => {
    for (const mix of c.mixes) for (const sc of scenarios) evaluateAllocation(sc, simulateMix(mix, sc));
  };
  for (let i = 0; i < 5; i++) compare();
  const n = quick ? 3 : 10;
  const ms = await bestOf(n, compare);
  const ref = await bestOf(n, () => referenceLoop(H, S, cells));
  const figures: Figure[] = [
    figure({
      name: `funding: ${c.mixes.length} mixes × ${scenarios.length} scenarios × ${H} months, simulate + evaluate`,
      value: ms,
      unit: 'ms',
      reference: ref,
      budget: { limit: 1_000, better: 'lower' },
      referenceLeavesOut:
        'the funding rules (draws, limits, stresses, fees) and the evaluation: it only prices each source-month',
      notes: { sources: S },
    }),
  ];
  if (!quick && c.optimisation) {
    const solver = await loadHighsSolver();
    const opt = c.optimisation;
    const solve = await bestOf(1, () => optimiseMix(scenarios, opt, solver, undefined, false));
    const refSolve = await bestOf(3, () => referenceLoop(H, S, scenarios.length));
    figures.push(
      figure({
        name: `funding: optimal mix, one HiGHS MILP over ${scenarios.length} scenarios × ${H} months`,
        value: solve,
        unit: 'ms',
        reference: refSolve,
        budget: { limit: 30_000, better: 'lower' },
        referenceLeavesOut: 'building and solving the MILP: it prices each source-month-scenario cell once',
        notes: { mipRelGap: opt.mipRelGap },
      }),
    );
  }
  return figures;
}
