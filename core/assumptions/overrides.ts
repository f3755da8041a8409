/**
 * Scenario overrides name a segment of the pool. An override for a segment the pool does not have would be
 * silently ignored (a typo, a pool re-imported with other grades), so the run's assumptions would not be the
 * ones the file states: a deal file loaded for a run is refused, and the UI and the run notes warn.
 */
import { coreMessage, type CoreMessage } from '../i18n/messages';
import type { RepLine, Scenario } from '../deal/schema';
import type { DealProblem } from '../deal/validate';
import type { PoolInput } from '../projection/project';

/** The part of a deal that says what it buys while revolving. */
export interface DealPurchases {
  readonly structure: { readonly revolving?: { readonly profile: readonly RepLine[] } | undefined };
}

/** Segments that hold at least one receivable, in first-seen order. */
export function poolSegments(pool: PoolInput): string[] {
  if (pool.kind === 'repLines') return [...new Set(pool.lines.map((l) => l.segment))];
  const p = pool.pool;
  const used = new Uint8Array(p.segmentNames.length);
  for (let i = 0; i < p.size; i++) used[p.segment[i] as number] = 1;
  return p.segmentNames.filter((_, s) => used[s] === 1);
}

/**
 * Segments a deal's scenarios can apply to: the pool's, and those of the receivables a revolving deal buys
 * (an override may be meant for purchases only).
 */
export function dealSegments(deal: DealPurchases, pool: PoolInput): string[] {
  const out = poolSegments(pool);
  for (const l of deal.structure.revolving?.profile ?? []) if (!out.includes(l.segment)) out.push(l.segment);
  return out;
}

/** The pool's segments quoted, or the word for none in the reader's language (nested, so it is translated too). */
function unknownSegment(scenario: string, segment: string, segments: readonly string[]): CoreMessage {
  if (segments.length > 0)
    return coreMessage('deal.unknownSegment', {
      scenario,
      segment,
      segments: segments.map((n) => `'${n}'`).join(', '),
    });
  const none = coreMessage('deal.noSegments');
  return {
    ...coreMessage('deal.unknownSegment', { scenario, segment, segments: none.message }),
    nested: { segments: none },
  };
}

/** One problem per override naming a segment outside `segments`, with the path of the override's field. */
export function unknownOverrideSegments(
  scenarios: readonly Pick<Scenario, 'name' | 'overrides'>[],
  segments: readonly string[],
): DealProblem[] {
  const known = new Set(segments);
  const out: DealProblem[] = [];
  scenarios.forEach((sc, k) => {
    sc.overrides.forEach((o, j) => {
      if (known.has(o.segment)) return;
      out.push({
        path: `scenarios[${k}].overrides[${j}].segment`,
        ...unknownSegment(sc.name, o.segment, segments),
      });
    });
  });
  return out;
}
