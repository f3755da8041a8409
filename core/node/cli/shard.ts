/**
 * Shardable runs: `--shard i/n` makes a command compute only its share of the work (grid cells, Monte Carlo
 * paths, break-even scenarios, deals) and write it to a part file; `abs-workbench merge` puts the parts back
 * together into exactly what one process would have printed.
 *
 * Assignment is round-robin: item j (0-based, in the command's own order) belongs to shard (j mod n) + 1. Costs
 * are uneven along a command's order — high-CDR rows of a grid run to the horizon, a deal list may put its large
 * pools together — and round-robin spreads neighbours over the shards, where contiguous blocks would hand one
 * shard all the slow ones. Items carry their index, so merging sorts them back whatever the assignment.
 *
 * Parts belong together when they name the same command and the same inputs hash: SHA-256 of the contents of
 * every input file (deal, its pool file, calendars), not their paths (machines mount them differently), and of
 * the options that change results. Options that change only how the result is shown or how fast it comes
 * (`--json`, `--workers`, `--lang`, `--out`) are left out, so shards may differ in them.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { cliT } from './lang';
import { CliError } from './errors';

export const PART_FORMAT = 'abs-workbench-part';
export const PART_VERSION = 1;
/** Far more shards than any cluster would run; keeps a typo (`--shard 1/1000000000`) from meaning anything. */
export const MAX_SHARDS = 100_000;

/** 1-based: shard `index` of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Commands whose work can be split; `merge` dispatches on this name. */
export type ShardedCommand = 'run' | 'grid' | 'breakeven' | 'montecarlo';

export interface PartItem<T> {
  /** Position in the command's own order (0-based). */
  index: number;
  value: T;
}

/** A shard's part file: versioned, self-describing, enough for `merge` to print the whole result. */
export interface PartFile<TContext = unknown, TItem = unknown> {
  format: typeof PART_FORMAT;
  version: typeof PART_VERSION;
  command: ShardedCommand;
  inputsHash: string;
  shard: Shard;
  assignment: 'round-robin';
  /** Items in the whole run (all shards). */
  total: number;
  /** What merging needs besides the items (the spec, the plan, the class ids), the same in every part. */
  context: TContext;
  items: PartItem<TItem>[];
}

/** Parses `i/n` (1-based i). */
export function parseShard(text: string | undefined, flag = '--shard'): Shard {
  const t = cliT();
  const m = text === undefined ? null : /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new CliError(t('cli:shard.badSpec', { flag, text: text ?? '', example: '3/8' }), 2);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS)
    throw new CliError(t('cli:shard.badCount', { flag, text, max: MAX_SHARDS }), 2);
  if (index < 1 || index > count) throw new CliError(t('cli:shard.badIndex', { flag, text, count }), 2);
  return { index, count };
}

/** Round-robin: does item `position` (0-based) belong to this shard? No shard: every item does. */
export function inShard(position: number, shard: Shard | undefined): boolean {
  return shard === undefined || position % shard.count === shard.index - 1;
}

/** The positions of `total` items that belong to the shard, in order. */
export function shardPositions(total: number, shard: Shard | undefined): number[] {
  const out: number[] = [];
  for (let j = shard ? shard.index - 1 : 0; j < total; j += shard ? shard.count : 1) out.push(j);
  return out;
}

/**
 * The files a deal run reads: the deal file and, for a loan-level pool, the pool file it points at (relative to
 * the deal file). Read from the raw JSON, so hashing another shard's deal does not load its pool.
 */
export async function dealInputFiles(dealPath: string): Promise<string[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(dealPath, 'utf8')) as unknown;
  } catch {
    return [dealPath];
  }
  const pool = (raw as { pool?: { path?: unknown } } | null)?.pool;
  if (typeof pool?.path !== 'string') return [dealPath];
  return [dealPath, isAbsolute(pool.path) ? pool.path : join(dirname(dealPath), pool.path)];
}

/** SHA-256 over the command, the input files' contents (in order) and the result-changing options. */
export async function inputsHash(
  command: ShardedCommand,
  files: readonly string[],
  options: unknown,
): Promise<string> {
  const h = createHash('sha256');
  h.update(`${PART_FORMAT}/${PART_VERSION}\n${command}\n`);
  for (const f of files) {
    let digest: string;
    try {
      digest = createHash('sha256')
        .update(await readFile(f))
        .digest('hex');
    } catch (e) {
      // Only another shard's file can be unreadable here (this shard's were loaded): the parts then differ.
      digest = `unreadable ${(e as { code?: string }).code ?? String(e)}`;
    }
    h.update(`${digest}\n`);
  }
  h.update(JSON.stringify(options ?? null));
  return h.digest('hex');
}

/** Writes a part next to its final name, then renames: a shard killed mid-write never leaves half a part. */
export async function writePart(file: string, part: PartFile): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(part) + '\n');
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const code = (e as { code?: string }).code;
    const t = cliT();
    const reason =
      code === 'ENOENT'
        ? t('cli:run.folderMissing')
        : code === 'EACCES'
          ? t('cli:run.permissionDenied')
          : String(e);
    throw new CliError(t('cli:shard.cannotWrite', { file, reason }));
  }
}

/** `--shard` without `--out` has nowhere to go: the part is not the command's usual output. */
export function requireOut(shard: Shard | undefined, out: string | undefined): void {
  if (shard !== undefined && out === undefined)
    throw new CliError(cliT()('cli:shard.needsOut', { flag: '--shard', out: '--out FILE' }), 2);
  if (shard === undefined && out !== undefined)
    throw new CliError(cliT()('cli:shard.outNeedsShard', { flag: '--out', shard: '--shard i/n' }), 2);
}

/** Builds a part from the items this shard computed. */
export function makePart<TContext, TItem>(
  command: ShardedCommand,
  hash: string,
  shard: Shard,
  total: number,
  context: TContext,
  items: PartItem<TItem>[],
): PartFile<TContext, TItem> {
  return {
    format: PART_FORMAT,
    version: PART_VERSION,
    command,
    inputsHash: hash,
    shard,
    assignment: 'round-robin',
    total,
    context,
    items,
  };
}
