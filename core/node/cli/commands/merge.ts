/**
 * `abs-workbench merge <part.json>... [--json] [--out FILE]`: the parts written by `--shard i/n` runs (../shard.ts)
 * into the output one process would have printed. The parts must belong together — the same command, the same
 * inputs hash and shard count, every shard exactly once — or merge refuses, naming the file that does not fit.
 */
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import type { TFunction } from '../../../i18n';
import { CliError } from '../errors';
import { helpText } from '../format';
import { cliT } from '../lang';
import { PART_FORMAT, PART_VERSION, type PartFile, type PartItem, type ShardedCommand } from '../shard';

/** `merge --help`, in the process's language. */
export function mergeHelp(t: TFunction = cliT()): string {
  return helpText(
    t,
    'abs-workbench merge <part.json>... [--json] [--out FILE]',
    [
      {
        about: `\n${t('cli:merge.about', { flag: '--shard i/n' })}`,
        options: [
          ['--json', t('cli:merge.option.json', { flag: '--json' })],
          ['--out FILE', t('cli:merge.option.out', { file: 'FILE' })],
        ],
      },
    ],
    12,
  );
}

/** The parts, checked, as one run: the context every part shares and all items in index order. */
export interface MergedParts<TContext = unknown, TItem = unknown> {
  command: ShardedCommand;
  context: TContext;
  items: TItem[];
}

const COMMANDS: readonly ShardedCommand[] = ['run', 'grid', 'breakeven', 'montecarlo'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One file's JSON as a part, or a clear refusal naming it. */
function asPart(file: string, json: unknown, t: TFunction): PartFile {
  if (!isRecord(json) || json.format !== PART_FORMAT)
    throw new CliError(t('cli:merge.notAPart', { file, field: `"format": "${PART_FORMAT}"` }));
  if (json.version !== PART_VERSION)
    throw new CliError(
      t('cli:merge.badVersion', { file, version: String(json.version), expected: PART_VERSION }),
    );
  const shard = json.shard;
  const ok =
    typeof json.command === 'string' &&
    (COMMANDS as readonly string[]).includes(json.command) &&
    typeof json.inputsHash === 'string' &&
    isRecord(shard) &&
    Number.isInteger(shard.index) &&
    Number.isInteger(shard.count) &&
    Number.isInteger(json.total) &&
    Array.isArray(json.items) &&
    json.items.every((it) => isRecord(it) && Number.isInteger(it.index) && 'value' in it);
  if (!ok) throw new CliError(t('cli:merge.malformed', { file }));
  return json as unknown as PartFile;
}

/**
 * Checks the parts belong together and returns them as one run. `files[k]` names `parts[k]` in messages.
 * Pure (no I/O), so the checks are tested without files.
 */
export function mergeParts(
  files: readonly string[],
  parts: readonly PartFile[],
  t: TFunction = cliT(),
): MergedParts {
  if (parts.length === 0) throw new CliError(t('cli:merge.noParts'), 2);
  const first = parts[0]!;
  const firstFile = files[0]!;
  const byShard = new Map<number, string>();
  const contextText = JSON.stringify(first.context);
  const items: (PartItem<unknown> | undefined)[] = new Array<PartItem<unknown> | undefined>(first.total);
  parts.forEach((p, k) => {
    const file = files[k]!;
    if (p.command !== first.command)
      throw new CliError(
        t('cli:merge.otherCommand', { file, command: p.command, first: firstFile, expected: first.command }),
      );
    if (p.inputsHash !== first.inputsHash || p.total !== first.total)
      throw new CliError(t('cli:merge.otherInputs', { file, first: firstFile }));
    if (p.shard.count !== first.shard.count)
      throw new CliError(
        t('cli:merge.otherCount', {
          file,
          count: p.shard.count,
          first: firstFile,
          expected: first.shard.count,
        }),
      );
    if (p.shard.index < 1 || p.shard.index > p.shard.count)
      throw new CliError(t('cli:merge.malformed', { file }));
    const twin = byShard.get(p.shard.index);
    if (twin !== undefined)
      throw new CliError(
        t('cli:merge.duplicateShard', {
          file: twin,
          other: file,
          index: p.shard.index,
          count: p.shard.count,
        }),
      );
    byShard.set(p.shard.index, file);
    if (JSON.stringify(p.context) !== contextText)
      throw new CliError(t('cli:merge.otherInputs', { file, first: firstFile }));
    for (const it of p.items) {
      // Round-robin: an item outside this shard's share means the part was edited or mislabelled.
      if (it.index < 0 || it.index >= p.total || it.index % p.shard.count !== p.shard.index - 1)
        throw new CliError(t('cli:merge.malformed', { file }));
      items[it.index] = it;
    }
  });
  const missing: number[] = [];
  for (let i = 1; i <= first.shard.count; i++) if (!byShard.has(i)) missing.push(i);
  if (missing.length > 0)
    throw new CliError(
      t('cli:merge.missingShards', {
        shards: missing.map((i) => `${i}/${first.shard.count}`).join(t('cli:listSeparator')),
        count: missing.length,
      }),
    );
  const absent = items.findIndex((it) => it === undefined);
  if (absent >= 0) {
    const owner = byShard.get((absent % first.shard.count) + 1)!;
    throw new CliError(t('cli:merge.missingItem', { file: owner, index: absent }));
  }
  return {
    command: first.command,
    context: first.context,
    items: items.map((it) => it!.value),
  };
}

/** How each command prints a merged run: the same function its unsharded run prints with. */
const PRINTERS: Record<
  ShardedCommand,
  () => Promise<{ printMerged: (m: MergedParts, json: boolean, write: (s: string) => void) => number }>
> = {
  run: () => import('./run'),
  grid: () => import('./grid'),
  breakeven: () => import('./breakeven'),
  montecarlo: () => import('./montecarlo'),
};

export async function main(args: string[]): Promise<number> {
  const t = cliT();
  const files: string[] = [];
  let json = false;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      process.stdout.write(mergeHelp(t));
      return 0;
    } else if (a === '--json') json = true;
    else if (a === '--out') {
      out = args[++i];
      if (out === undefined) throw new CliError(t('cli:error.needsValue', { flag: a }), 2);
    } else if (a.startsWith('--'))
      throw new CliError(`${t('cli:error.unknownOption', { flag: a })}\n${mergeHelp(t)}`, 2);
    else files.push(a);
  }
  if (files.length === 0) throw new CliError(`${t('cli:merge.noParts')}\n${mergeHelp(t)}`, 2);
  const parts: PartFile[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8')) as unknown;
    } catch (e) {
      const code = (e as { code?: string }).code;
      const reason =
        code === 'ENOENT'
          ? t('cli:merge.notFound')
          : e instanceof SyntaxError
            ? t('cli:merge.notJson')
            : String(e);
      throw new CliError(t('cli:merge.cannotRead', { file, reason }));
    }
    parts.push(asPart(file, json, t));
  }
  const merged = mergeParts(files, parts, t);
  const printer = await PRINTERS[merged.command]();
  let text = '';
  const code = printer.printMerged(merged, json, (s) => {
    if (out === undefined) process.stdout.write(s);
    else text += s;
  });
  if (out !== undefined) await writeOutput(out, text, t);
  return code;
}

async function writeOutput(file: string, text: string, t: TFunction): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new CliError(t('cli:shard.cannotWrite', { file, reason: String(e) }));
  }
}
