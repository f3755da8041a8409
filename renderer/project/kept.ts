/**
 * Screen work kept in the project state across navigation: an analysis's inputs (a 10,000-path Monte Carlo's
 * path count, a grid's axes, the funding case picked) and its results. Screens unmount when the user moves
 * on; held only in component state, a result vanished while Export still offered it. Results carry the
 * document they came from, so a deal edit marks them stale instead of dropping them.
 *
 * Values of different types share one map; a key carries its value's type and initial value, and only
 * `keep(key, value)` writes under a key's name, so reading it back as that type is sound.
 */
export interface KeptKey<T> {
  readonly name: string;
  readonly initial: T;
}

export type KeptValues = ReadonlyMap<string, unknown>;

export function keptKey<T>(name: string, initial: T): KeptKey<T> {
  return { name, initial };
}

export function readKept<T>(kept: KeptValues, key: KeptKey<T>): T {
  return kept.has(key.name) ? (kept.get(key.name) as T) : key.initial;
}

/** The state action that keeps `value` under `key`: the only way a kept value is written. */
export function keepAction<T>(key: KeptKey<T>, value: T): { type: 'keep'; name: string; value: unknown } {
  return { type: 'keep', name: key.name, value };
}
