/**
 * The Kubernetes manifests (issue 17) against the Kubernetes API schema (kubernetes-models validates each object
 * as the API server's OpenAPI schema would), and against what the CLI needs: an Indexed Job whose shard is the
 * completion index + 1 of `completions`, parts on the shared claim, and a merge of exactly those parts. No
 * cluster is reachable from here: this is the check that runs; the Job itself was not run.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Job } from 'kubernetes-models/batch/v1';
import { PersistentVolumeClaim } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = join(ROOT, 'deploy/k8s');

interface Manifest {
  file: string;
  object: { kind?: string; metadata?: { name?: string } } & Record<string, unknown>;
}

const manifests: Manifest[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((file) =>
    parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((doc) => {
      expect(doc.errors, file).toEqual([]);
      return { file, object: doc.toJS() as Manifest['object'] };
    }),
  );

function validate(m: Manifest['object']): void {
  if (m.kind === 'Job') new Job(m as ConstructorParameters<typeof Job>[0]).validate();
  else if (m.kind === 'PersistentVolumeClaim')
    new PersistentVolumeClaim(m as ConstructorParameters<typeof PersistentVolumeClaim>[0]).validate();
  else throw new Error(`no schema check for kind ${String(m.kind)}`);
}

const jobs = manifests.filter((m) => m.object.kind === 'Job').map((m) => new Job(m.object as never));
const indexed = jobs.find((j) => j.spec?.completionMode === 'Indexed')!;
const merge = jobs.find((j) => j !== indexed)!;
const shardContainer = indexed.spec!.template.spec!.containers[0]!;
const command = (c: typeof shardContainer): string => [...(c.command ?? []), ...(c.args ?? [])].join(' ');

describe('deploy/k8s', () => {
  it('every manifest is valid against the Kubernetes schema', () => {
    expect(manifests.map((m) => m.file)).toEqual(['merge-job.yaml', 'montecarlo-job.yaml', 'storage.yaml']);
    for (const m of manifests) expect(() => validate(m.object), m.file).not.toThrow();
  });

  it('the validator does reject a broken Job (the check can fail)', () => {
    const broken = structuredClone(manifests.find((m) => m.file === 'montecarlo-job.yaml')!.object);
    (broken.spec as Record<string, unknown>).completions = 'twenty';
    expect(() => validate(broken)).toThrow(/completions must be integer/);
  });

  it('an Indexed Job: shard i = completion index + 1 of n = completions', () => {
    const spec = indexed.spec!;
    expect(spec.completionMode).toBe('Indexed');
    const shards = Number(shardContainer.env!.find((e) => e.name === 'SHARDS')!.value);
    expect(spec.completions).toBe(shards);
    expect(spec.parallelism).toBeLessThanOrEqual(shards);
    expect(spec.template.spec!.restartPolicy).toBe('Never');
    const cmd = command(shardContainer);
    expect(cmd).toContain('i=$((JOB_COMPLETION_INDEX + 1))');
    expect(cmd).toContain('--shard "$i/$SHARDS"');
    expect(cmd).toContain('--out "/data/parts/mc-$i-of-$SHARDS.json"');
  });

  it("the shard command, run here as the Job's pods would run it, merges to the single run", () => {
    // The manifest's own shell line with the image's paths mapped to this checkout and fewer paths.
    const data = mkdtempSync(join(tmpdir(), 'abs-k8s-'));
    mkdirSync(join(data, 'deals'));
    mkdirSync(join(data, 'parts'));
    copyFileSync(
      join(ROOT, 'samples/deals/level-pay-consumer.deal.json'),
      join(data, 'deals/level-pay-consumer.deal.json'),
    );
    const cli = join(ROOT, 'bin/abs-workbench.js');
    const line = shardContainer
      .args!.join(' ')
      .replaceAll('/app/bin/abs-workbench.js', cli)
      .replaceAll('/data', data);
    const small = line.replace(/--paths \d+/, '--paths 45');
    expect(small).not.toBe(line);
    const env = { ...process.env, LANG: 'en_US.UTF-8', SHARDS: '3' };
    for (let index = 0; index < 3; index++)
      execFileSync('sh', ['-c', small], { env: { ...env, JOB_COMPLETION_INDEX: String(index) } });
    expect(readdirSync(join(data, 'parts')).sort()).toEqual([
      'mc-1-of-3.json',
      'mc-2-of-3.json',
      'mc-3-of-3.json',
    ]);
    const parts = [1, 2, 3].map((i) => join(data, `parts/mc-${i}-of-3.json`));
    const merged = execFileSync(process.execPath, [cli, 'merge', ...parts, '--json'], { env }).toString();
    const single = small.replace(/--shard .*$/, '--json --workers 0').replace(/^.*exec node /, '');
    const whole = execFileSync('sh', ['-c', `node ${single}`], { env }).toString();
    expect(merged).toBe(whole);
  }, 120_000);

  it('the merge Job reads exactly those parts from the same claim', () => {
    const c = merge.spec!.template.spec!.containers[0]!;
    expect(command(c)).toContain(`merge /data/parts/mc-*-of-${indexed.spec!.completions}.json`);
    const claim = (j: Job): string | undefined =>
      j.spec!.template.spec!.volumes?.[0]?.persistentVolumeClaim?.claimName;
    const pvc = manifests.find((m) => m.object.kind === 'PersistentVolumeClaim')!.object.metadata!.name;
    expect(claim(indexed)).toBe(pvc);
    expect(claim(merge)).toBe(pvc);
  });
});
