/// <reference lib="webworker" />
/**
 * The engine worker: runs the pure core off the UI thread. Cancel is `terminate()` on the UI side, because
 * the engine's loops are synchronous. The one state kept between jobs is the latest loan-level pool (the one it
 * imported or was last sent, protocol.ts PoolHandle), so a run on a million loans does not copy them again.
 */
import { problemOf } from '../../core/i18n/codedError';
import type { Deal } from '../../core/deal/schema';
import { analyseFunding } from '../../core/funding/analyse';
import { resolveFundingInputs } from '../../core/funding/inputs';
import { fundingScreenModel } from '../../core/funding/report';
import { FundingCase } from '../../core/funding/schema';
import { buildTrancheReport } from '../../core/io/report';
import type { LoanPool } from '../../core/pool/loanPool';
import type { ImportedPool } from '../../core/pool/poolFile';
import type { PoolInput } from '../../core/projection/project';
import { runDeal } from '../../core/run';
import { solveBreakevens } from '../../core/scenario/breakeven';
import { dealEngine } from '../../core/scenario/dealEngine';
import { compareScenarios } from '../../core/scenario/compare';
import { runGridInline } from '../../core/scenario/grid';
import { runMonteCarloInline, severityAsLgd } from '../../core/scenario/monteCarlo';
import { runRatingStresses } from '../../core/scenario/ratingStress';
import { buildCurve } from '../../core/analytics/curve';
import { breakevenScenario } from '../../core/scenario/breakeven';
import { priceYieldTable } from '../../core/scenario/priceTable';
import { solveParCoupon, solveSize, solveTargetYield } from '../../core/scenario/solve';
import type { EngineRequest, FromWorker, PoolHandle, ProgressKey, ToWorker } from './protocol';
import { loadBrowserHighs } from './highsBrowser';
import { importSheet, importTape, inspectSheet, inspectTape } from './tapeAdapter';
import { analyseHistoryFile } from './historyAdapter';
import { compareToProjection, refit, reprojectFrom } from './surveillanceAdapter';

declare const self: DedicatedWorkerGlobalScope;

function poolInput(deal: Deal, loans: LoanPool | null): PoolInput {
  if (loans) return { kind: 'loans', pool: loans };
  if (deal.pool.kind === 'repLines') return { kind: 'repLines', lines: deal.pool.lines };
  throw new Error(
    `The deal's pool is a loan file (${deal.pool.path}); import the tape on the Pool screen to run it.`,
  );
}

function scenarioOf(deal: Deal, name: string) {
  const s = deal.scenarios.find((x) => x.name === name) ?? deal.scenarios[0];
  if (!s) throw new Error('The deal has no scenario');
  return s;
}

type Handled = { value: unknown; transfer: Transferable[] };

let kept: { key: number; pool: LoanPool } | null = null;

/**
 * The pool an import keeps, before its columns are transferred to the UI: a copy of the columns the engine
 * reads (~50 MB at a million loans, copied in tens of milliseconds at the end of a many-second import).
 */
function keepImported(key: number, p: LoanPool): void {
  kept = {
    key,
    pool: {
      size: p.size,
      ids: p.ids,
      product: p.product.slice(),
      segment: p.segment.slice(),
      segmentNames: p.segmentNames,
      balance: p.balance.slice(),
      originalBalance: p.originalBalance.slice(),
      rate: p.rate.slice(),
      monthlyFeeRate: p.monthlyFeeRate.slice(),
      originalTerm: p.originalTerm.slice(),
      remainingTerm: p.remainingTerm.slice(),
      paymentRate: p.paymentRate.slice(),
    },
  };
}

/** The job's pool: the one sent with it (kept for later jobs), or the kept one it names; null if not kept. */
function poolOf(handle: PoolHandle): LoanPool | null {
  if (handle.pool) kept = { key: handle.key, pool: handle.pool };
  return kept?.key === handle.key ? kept.pool : null;
}

/**
 * An imported pool's columns move to the UI instead of being copied: at a million loans that is ~80 MB the
 * UI thread would otherwise deserialise while the user waits.
 */
function poolBuffers(pool: ImportedPool): Transferable[] {
  const columns = [
    pool.product,
    pool.segment,
    pool.balance,
    pool.originalBalance,
    pool.rate,
    pool.monthlyFeeRate,
    pool.originalTerm,
    pool.remainingTerm,
    pool.paymentRate,
    pool.originationDay,
    pool.maturityDay,
    pool.daysPastDue,
    pool.status,
    pool.region,
    pool.score,
  ];
  // Only a buffer one column owns whole: detaching a shared buffer would empty its other columns.
  const uses = new Map<ArrayBufferLike, number>();
  for (const c of columns) uses.set(c.buffer, (uses.get(c.buffer) ?? 0) + 1);
  return columns.flatMap((c) =>
    uses.get(c.buffer) === 1 &&
    c.byteOffset === 0 &&
    c.byteLength === c.buffer.byteLength &&
    c.buffer instanceof ArrayBuffer
      ? [c.buffer]
      : [],
  );
}

function handle(id: number, req: EngineRequest, keepAs: number | undefined): Handled | Promise<Handled> {
  const progress = (done: number, total: number, label: string) =>
    self.postMessage({ id, type: 'progress', done, total, label } satisfies FromWorker);
  // A step of this worker's own: the key is translated in the status bar, the English label kept for logs.
  const step = (
    done: number,
    total: number,
    key: ProgressKey,
    label: string,
    params?: Readonly<Record<string, string | number>>,
  ) =>
    self.postMessage({
      id,
      type: 'progress',
      done,
      total,
      label,
      key,
      ...(params ? { params } : {}),
    } satisfies FromWorker);
  switch (req.kind) {
    case 'run': {
      step(0, 0, 'run', 'Projecting the pool and running the waterfall');
      const result = runDeal(req.deal, poolInput(req.deal, req.loans), {
        scenario: req.scenario,
        analytics: true,
      });
      return { value: result, transfer: [] };
    }
    case 'report': {
      step(0, 0, 'report', 'Writing the tranche report');
      const breakevens = req.breakevens?.map((b) => ({
        trancheId: b.trancheId,
        cdr: b.answers.find((a) => a.mode === 'cdr')?.breakeven ?? null,
        lossMultiple: b.answers.find((a) => a.mode === 'lossMultiple')?.breakeven ?? null,
      }));
      return buildTrancheReport({
        deal: req.deal,
        result: req.result,
        extras: { ...(breakevens ? { breakevens } : {}), tables: req.tables },
        lang: req.lang,
        amounts: req.amounts,
        ...(req.charts ? { charts: req.charts } : {}),
      }).then((bytes) => ({ value: bytes, transfer: [bytes.buffer] }));
    }
    case 'priceTable': {
      step(0, 0, 'pricing', 'Pricing the class off the curve', { tranche: req.tranche });
      const value = priceYieldTable(dealEngine(req.deal, poolInput(req.deal, req.loans)), req.deal, {
        tranche: req.tranche,
        columns: req.deal.scenarios,
        rows: req.rows,
        curve: buildCurve(req.curve),
      });
      return { value, transfer: [] };
    }
    case 'solve': {
      const g = req.goal;
      step(0, 0, 'solving', 'Solving for the class', { tranche: g.tranche });
      const pool = poolInput(req.deal, req.loans);
      const engineFor = (d: Deal) => dealEngine(d, pool);
      const scenario = scenarioOf(req.deal, req.scenario);
      if (g.kind === 'size') {
        const stress = g.stress ? breakevenScenario(scenario, g.stress.mode, g.stress.value) : scenario;
        const a = solveSize(req.deal, engineFor, { tranche: g.tranche, stress, objective: g.objective });
        return { value: { goal: 'size', ...a }, transfer: [] };
      }
      if (g.kind === 'parCoupon') {
        const a = solveParCoupon(req.deal, engineFor, {
          tranche: g.tranche,
          scenario,
          target: { kind: 'yield', yield: g.targetYield },
        });
        return { value: { goal: 'parCoupon', ...a }, transfer: [] };
      }
      const a = solveTargetYield(req.deal, engineFor, {
        tranche: g.tranche,
        scenario,
        target: g.targetYield,
        mode: g.mode,
      });
      return { value: { goal: 'targetYield', ...a }, transfer: [] };
    }
    case 'breakeven': {
      step(0, 0, 'breakevens', 'Solving break-even default rates');
      const value = solveBreakevens(
        dealEngine(req.deal, poolInput(req.deal, req.loans)),
        scenarioOf(req.deal, req.scenario),
        { modes: ['cdr', 'lossMultiple'] },
      );
      return { value, transfer: [] };
    }
    case 'funding': {
      step(0, 0, 'funding', 'Projecting the book and evaluating funding mixes');
      const parsed = FundingCase.safeParse(req.fundingCase);
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new Error(`funding case: ${i?.path.map(String).join('.') ?? ''}: ${i?.message ?? 'invalid'}`);
      }
      const inputs = resolveFundingInputs(parsed.data, req.deals);
      if (!req.optimise) return { value: fundingScreenModel(analyseFunding(inputs)), transfer: [] };
      return loadBrowserHighs().then((solver) => {
        step(0, 0, 'optimise', 'Optimising the mix and tracing the frontier (HiGHS)');
        return { value: fundingScreenModel(analyseFunding(inputs, { solver })), transfer: [] };
      });
    }
    case 'stressGrid': {
      const eng = dealEngine(req.deal, poolInput(req.deal, req.loans));
      const value = runGridInline(eng, scenarioOf(req.deal, req.scenario), req.spec, (done, total) =>
        step(done, total, 'gridCell', `Running grid cell ${done} of ${total}`, { done, total }),
      );
      return { value, transfer: [] };
    }
    case 'ratingStress': {
      step(0, 0, 'ratingStresses', 'Running rating-agency stresses');
      const eng = dealEngine(req.deal, poolInput(req.deal, req.loans));
      return { value: runRatingStresses(eng, scenarioOf(req.deal, req.scenario)), transfer: [] };
    }
    case 'monteCarlo': {
      step(0, 0, 'calibrate', 'Calibrating the loss distribution');
      const eng = dealEngine(req.deal, poolInput(req.deal, req.loans));
      const scenario = scenarioOf(req.deal, req.scenario);
      const value = runMonteCarloInline(
        eng,
        scenario,
        {
          ...(req.lgd === 'severity' ? { lossGivenDefault: severityAsLgd(scenario) } : {}),
          paths: req.paths,
          seed: req.seed,
          correlation: req.correlation,
          method: 'interpolated',
          ...(req.meanLoss !== null ? { meanLoss: req.meanLoss } : {}),
        },
        (done, total) =>
          step(done, total, 'monteCarlo', `Monte Carlo: deal run ${done} of ${total}`, { done, total }),
      );
      return { value, transfer: [] };
    }
    case 'compareScenarios': {
      const eng = dealEngine(req.deal, poolInput(req.deal, req.loans));
      const runs = eng.scenarios.map((s, i) => {
        step(i, eng.scenarios.length, 'scenario', `Running scenario ${s.name}`, { name: s.name });
        return { name: s.name, result: eng.run(s) };
      });
      return { value: compareScenarios(runs), transfer: [] };
    }
    case 'tapeInspect':
      step(0, 0, 'reading', `Reading ${req.name}`, { name: req.name });
      return { value: inspectTape(req), transfer: [] };
    case 'tapeImport': {
      const value = importTape(req, progress);
      if (keepAs !== undefined) keepImported(keepAs, value.pool);
      return { value, transfer: poolBuffers(value.pool) };
    }
    case 'sheetInspect':
      return { value: inspectSheet(req), transfer: [] };
    case 'sheetImport': {
      const value = importSheet(req, progress);
      if (keepAs !== undefined) keepImported(keepAs, value.pool);
      return { value, transfer: poolBuffers(value.pool) };
    }
    case 'history': {
      const value = analyseHistoryFile(req, (done, total, key) =>
        key === 'historyRead'
          ? step(done, total, key, `Reading ${req.name}`, {
              name: req.name,
              percent: total > 0 ? Math.floor((100 * done) / total) : 0,
            })
          : step(done, total, key, 'Fitting the chain ladder and the timing curve'),
      );
      return { value, transfer: [] };
    }
    case 'surveillance':
      step(0, 0, 'surveillance', 'Projecting each scenario beside the servicer reports');
      return {
        value: compareToProjection(req.deal, poolInput(req.deal, req.loans), req.scenario),
        transfer: [],
      };
    case 'surveillanceRefit':
      step(0, 0, 'refit', 'Re-fitting the assumptions on the servicer reports');
      return { value: refit(req, poolInput(req.deal, req.loans)), transfer: [] };
    case 'surveillanceReproject':
      step(0, 0, 'reproject', 'Re-projecting the deal from the latest servicer report');
      return { value: reprojectFrom(req, poolInput(req.deal, req.loans)), transfer: [] };
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const { id, request, pool, keepPoolAs } = event.data;
  try {
    let req = request;
    if (pool) {
      if (!('loans' in req)) throw new Error(`a pool was sent with a ${req.kind} job, which takes none`);
      const loans = poolOf(pool);
      if (loans === null) {
        self.postMessage({ id, type: 'poolMissing' } satisfies FromWorker);
        return;
      }
      req = { ...req, loans };
    }
    const { value, transfer } = await handle(id, req, keepPoolAs);
    self.postMessage({ id, type: 'done', value } satisfies FromWorker, transfer);
  } catch (err) {
    const problem = problemOf(err);
    // A coded refusal (a bad axis) is the user's to fix and is shown to them; anything else is a fault to log.
    if (!problem) console.error(err);
    self.postMessage({
      id,
      type: 'error',
      message: err instanceof Error ? err.message : String(err),
      ...(problem ? { problem } : {}),
    } satisfies FromWorker);
  }
};
