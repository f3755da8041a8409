import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { jobBundle } from '../../../core/node/workers/jobBundle';

const cache = mkdtempSync(join(tmpdir(), 'abs-bundle-test-'));
const src = mkdtempSync(join(tmpdir(), 'abs-bundle-src-'));
afterAll(() => {
  rmSync(cache, { recursive: true, force: true });
  rmSync(src, { recursive: true, force: true });
});

describe('worker job bundles', () => {
  it('bundles a TypeScript job into one module that runs without tsx, and rebuilds when an input changes', async () => {
    process.env.ABS_JOB_BUNDLE_DIR = cache;
    try {
      const dep = join(src, 'dep.ts');
      const job = join(src, 'job.ts');
      writeFileSync(dep, 'export const k: number = 2;\n');
      writeFileSync(
        job,
        "import { k } from './dep';\nexport function setup() { return (n: number): number => n * k; }\n",
      );
      const url = await jobBundle(pathToFileURL(job));
      expect(url).not.toBeNull();
      expect(url!.pathname.endsWith('.mjs')).toBe(true);
      expect(readFileSync(url!, 'utf8')).not.toContain(': number');
      const mod = (await import(url!.href)) as { setup(): (n: number) => number };
      expect(mod.setup()(21)).toBe(42);

      // An edited input makes the next call rebuild.
      writeFileSync(dep, 'export const k: number = 3;\n');
      utimesSync(dep, new Date(), new Date(Date.now() + 5_000));
      const url2 = await jobBundle(pathToFileURL(job));
      // A rebuilt bundle has a new URL, so a worker kept from a run before the edit is never reused for it.
      expect(url2!.href).not.toBe(url!.href);
      const mod2 = (await import(url2!.href)) as { setup(): (n: number) => number };
      expect(mod2.setup()(21)).toBe(63);
    } finally {
      delete process.env.ABS_JOB_BUNDLE_DIR;
    }
  });

  it('leaves JavaScript modules as they are', async () => {
    const js = pathToFileURL(join(src, 'plain.mjs'));
    expect(await jobBundle(js)).toBe(js);
  });
});
