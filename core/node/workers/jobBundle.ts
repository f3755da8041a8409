/**
 * A job module as one JavaScript file, so a worker starts in a few hundred milliseconds instead of seconds.
 *
 * Loading a TypeScript job module through tsx's loader hooks sends every import — mathjs alone is about a
 * thousand files — through a round trip to the hooks thread, and evaluates mathjs's whole default instance:
 * measured at 2–4 s per worker on a loaded 2-core machine, against 0.2–0.3 s for an esbuild bundle of the same
 * job (tree-shaken: the job never touches mathjs's default instance). That start-up is paid while the calling
 * thread computes alone, so it caps two-thread scaling.
 *
 * The bundle is built once per job module into the OS temp directory and reused while none of its inputs
 * (listed with their modification times in a metafile beside it) has changed. Where esbuild is not installed
 * (it is a development dependency) or the build fails, the caller falls back to tsx: slower, same answers.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BundleMeta {
  /** Input file (absolute) → modification time in ms when the bundle was built. */
  inputs: Record<string, number>;
}

/** Where bundles live; ABS_JOB_BUNDLE_DIR moves it (tests, read-only temp dirs). */
function cacheDir(): string {
  return process.env.ABS_JOB_BUNDLE_DIR ?? join(tmpdir(), 'abs-workbench-jobs');
}

/**
 * Inputs of a bundle this process has verified or built: the sources to stat again on every call, and the
 * dependencies' files (a thousand mathjs and decimal.js files, most of a check's stat calls) that it need not —
 * a package changes only when it is installed, and a running process keeps the versions it loaded anyway.
 */
const verified = new Map<string, [string, number][]>();

function ownInputs(inputs: [string, number][]): [string, number][] {
  return inputs.filter(([file]) => !/[\\/]node_modules[\\/]/.test(file));
}

function upToDate(outFile: string, metaFile: string): boolean {
  try {
    statSync(outFile);
    const seen = verified.get(outFile);
    const inputs: [string, number][] = seen
      ? seen
      : Object.entries((JSON.parse(readFileSync(metaFile, 'utf8')) as BundleMeta).inputs);
    for (const [file, mtime] of inputs) {
      if (statSync(file).mtimeMs !== mtime) {
        verified.delete(outFile);
        return false;
      }
    }
    if (!seen) verified.set(outFile, ownInputs(inputs));
    return true;
  } catch {
    verified.delete(outFile);
    return false;
  }
}

/**
 * The bundle's URL with its build time: a rebuilt bundle has a new URL, so a worker kept from an earlier run
 * (./pool.ts keeps them by module URL) is never handed jobs for code it did not load.
 */
function versioned(outFile: string): URL {
  const url = pathToFileURL(outFile);
  url.searchParams.set('v', String(statSync(outFile).mtimeMs));
  return url;
}

const pending = new Map<string, Promise<URL | null>>();

/**
 * The bundled job module's URL, or null where it cannot be built (the worker then loads the .ts via tsx).
 * Plain .js/.mjs modules are returned as they are. ABS_JOB_BUNDLE=0 turns bundling off.
 */
export function jobBundle(module: URL): Promise<URL | null> {
  if (!/\.[cm]?tsx?$/.test(module.pathname)) return Promise.resolve(module);
  if (process.env.ABS_JOB_BUNDLE === '0') return Promise.resolve(null);
  // Callers at the same time share one build; a later call checks the sources again (well under a millisecond).
  let p = pending.get(module.href);
  if (!p) {
    p = build(module).finally(() => pending.delete(module.href));
    pending.set(module.href, p);
  }
  return p;
}

async function build(module: URL): Promise<URL | null> {
  const entry = fileURLToPath(module);
  const dir = cacheDir();
  const key = createHash('sha256').update(entry).digest('hex').slice(0, 20);
  const outFile = join(dir, `${key}.mjs`);
  const metaFile = join(dir, `${key}.json`);
  if (upToDate(outFile, metaFile)) return versioned(outFile);
  try {
    const esbuild = await import('esbuild');
    mkdirSync(dir, { recursive: true });
    const cwd = process.cwd();
    const result = await esbuild.build({
      absWorkingDir: cwd,
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
      // CommonJS dependencies inside an ES module bundle still call require() for Node built-ins.
      banner: {
        js: "import { createRequire as __absRequire } from 'node:module'; const require = __absRequire(import.meta.url);",
      },
    });
    const code = result.outputFiles[0]?.contents;
    if (!code) return null;
    const inputs: Record<string, number> = {};
    for (const rel of Object.keys(result.metafile.inputs)) {
      const abs = resolve(cwd, rel);
      inputs[abs] = statSync(abs).mtimeMs;
    }
    // Written under a private name and renamed, so a process reading the cache never sees half a file.
    const tmp = `${outFile}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, outFile);
    writeFileSync(`${metaFile}.${process.pid}.tmp`, JSON.stringify({ inputs } satisfies BundleMeta));
    renameSync(`${metaFile}.${process.pid}.tmp`, metaFile);
    verified.set(outFile, ownInputs(Object.entries(inputs)));
    return versioned(outFile);
  } catch {
    return null;
  }
}
