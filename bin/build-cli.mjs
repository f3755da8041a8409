#!/usr/bin/env node
// Builds the CLI to JavaScript: `node bin/build-cli.mjs` writes out/cli/abs-workbench.mjs (run by `prepare` on
// `npm ci`/`npm install` and by `npm run build`). Under tsx every start transpiles the engine (about 3 s for a
// 3 ms run); the bundle starts like a compiled tool.
//
// - Our TypeScript and most packages are bundled: mathjs alone is over a thousand files, and loading them one by
//   one from node_modules took 1.2 s of every start. Left external (loaded from node_modules at run time): highs,
//   which finds its .wasm beside its own file; @resvg/resvg-js, a native addon; exceljs and xlsx, large, loaded
//   only on demand (and xlsx only inside its isolating worker); tsx, the development fallback.
// - Code splitting keeps lazy imports lazy (`run` never loads the report, grid never loads the tape parsers).
// - Worker threads start from a file: every `new URL('./x.ts|./x.mjs', import.meta.url)` under core/node is built
//   as its own entry in the same folder as the chunks (out/cli/<path-with-dashes>.mjs) and the literal rewritten
//   to point at it, so it resolves from whichever output file the code lands in. The pool worker's tsx
//   registration becomes a no-op: what it loads is JavaScript already.
// - out/cli/build.json lists the bundle's source files, so bin/abs-workbench.js can tell when the bundle is stale.
//
// With `--if-possible` (the prepare script) a missing esbuild — an `npm ci --omit=dev` install — is not an
// error: the CLI then runs through tsx as before.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir DIR` (tests build their own copy); it must lie inside the project, where node_modules resolves.
const outFlag = process.argv.indexOf('--outdir');
const OUT = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : join(ROOT, 'out', 'cli');
const NODE_DIR = join(ROOT, 'core', 'node');
const EXTERNAL = ['@resvg/resvg-js', 'highs', 'xlsx', 'exceljs', 'tsx'];
const WORKER_URL = /new URL\(\s*(['"])(\.\.?\/[^'"]+\.(?:ts|mjs))\1\s*,\s*import\.meta\.url\s*\)/g;

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  if (process.argv.includes('--if-possible')) {
    process.stderr.write('abs-workbench: esbuild is not installed; the CLI will run through tsx\n');
    process.exit(0);
  }
  throw new Error('esbuild is not installed: run `npm ci` (it is a devDependency)');
}

async function sourceFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sourceFiles(p)));
    else if (/\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The output name of a worker entry: its path under core/node, slashes as dashes (flat, beside the chunks). */
const entryName = (file) =>
  relative(NODE_DIR, file)
    .replace(/\.(ts|mjs)$/, '')
    .split(sep)
    .join('-');

// Worker entry files, found where they are referenced (a new worker file needs no change here).
const workerEntries = new Map();
for (const file of await sourceFiles(NODE_DIR)) {
  const text = await readFile(file, 'utf8');
  for (const m of text.matchAll(WORKER_URL)) {
    const target = resolve(dirname(file), m[2]);
    workerEntries.set(target, entryName(target));
  }
}

const workerUrls = {
  name: 'worker-urls',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]node[\\/].*\.(ts|mjs)$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rewritten = text.replace(WORKER_URL, (whole, q, rel) => {
        const name = workerEntries.get(resolve(dirname(args.path), rel));
        return name ? `new URL(${q}./${name}.mjs${q}, import.meta.url)` : whole;
      });
      return { contents: rewritten, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
    build.onResolve({ filter: /^tsx\/esm\/api$/ }, () => ({ path: 'tsx-register', namespace: 'no-tsx' }));
    build.onLoad({ filter: /.*/, namespace: 'no-tsx' }, () => ({
      contents: 'export function register() {}',
      loader: 'js',
    }));
  },
};

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
const entryPoints = { 'abs-workbench': join(NODE_DIR, 'cli', 'main.ts') };
for (const [file, name] of workerEntries) entryPoints[name] = file;

const result = await esbuild.build({
  entryPoints,
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  tsconfig: join(ROOT, 'tsconfig.node.json'),
  plugins: [workerUrls],
  metafile: true,
  absWorkingDir: ROOT,
  logLevel: 'warning',
  legalComments: 'none',
  // Bundled CommonJS packages (iconv-lite, decimal.js…) call require() for Node built-ins; ESM has none.
  banner: {
    js: "import { createRequire as __cliCreateRequire } from 'node:module'; const require = __cliCreateRequire(import.meta.url);",
  },
});

const sources = Object.keys(result.metafile.inputs)
  .filter((p) => !p.startsWith('no-tsx:') && !p.includes('node_modules/'))
  .sort();
await writeFile(join(OUT, 'build.json'), JSON.stringify({ sources }, null, 2) + '\n');
