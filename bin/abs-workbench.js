#!/usr/bin/env node
// The CLI runs from its JavaScript build (out/cli, made by bin/build-cli.mjs at `npm ci` and `npm run build`),
// which starts in a fraction of a second. While developing, a source edited after the build makes the bundle
// stale: then the TypeScript runs through tsx as before (slower to start, never out of date). Nothing is printed
// either way: stdout belongs to the command (`--json`).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out', 'cli', 'abs-workbench.mjs');

/** The bundle, when it exists and none of the files it was built from changed since. */
function freshBundle() {
  let built;
  let sources;
  try {
    built = statSync(bundle).mtimeMs;
    sources = JSON.parse(readFileSync(join(root, 'out', 'cli', 'build.json'), 'utf8')).sources;
  } catch {
    return null;
  }
  for (const s of sources) {
    let changed;
    try {
      changed = statSync(join(root, s)).mtimeMs;
    } catch {
      // A source gone (an image that ships only the build, or a file deleted while developing): the sources
      // present decide; a deletion changes an importer, which is caught here too.
      continue;
    }
    if (changed > built) return null;
  }
  return bundle;
}

const built = process.env.ABS_WORKBENCH_TSX === '1' ? null : freshBundle();
if (built) await import(pathToFileURL(built).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../core/node/cli/main.ts');
}
