// Entry of every pool worker. Plain JavaScript on purpose: it must start the same way under the tsx CLI, under
// vitest and under the bench. The job module comes bundled into one JavaScript file where it could be built
// (./jobBundle.ts: a worker then starts in a fraction of the time); otherwise the worker registers tsx itself
// and imports the TypeScript job module. A job module exports `setup(init)` returning a function that runs one
// job; it claims batches of a run's jobs from a shared counter (the projection pool hands it its job instead). A
// worker kept for the next run (./pool.ts) receives that run's inputs as an `init` message and sets up again: its
// module, and the machine code the JIT compiled for it, stay loaded.
import { parentPort, workerData } from 'node:worker_threads';

function describe(err) {
  if (err instanceof Error) return { message: err.message, stack: err.stack ?? '' };
  return { message: String(err), stack: '' };
}

try {
  if (!workerData.bundled) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  const mod = await import(workerData.module);
  let run = await mod.setup(workerData.init);
  parentPort.on('message', (msg) => {
    if (msg.type === 'init') {
      Promise.resolve(mod.setup(msg.init)).then(
        (r) => {
          run = r;
          parentPort.postMessage({ type: 'ready' });
        },
        (err) => parentPort.postMessage({ type: 'error', batch: -1, error: describe(err) }),
      );
      return;
    }
    if (msg.type === 'claim') {
      // Batches claimed from the run's shared counter until it is spent (./pool.ts): no round trip per batch.
      const { claim, jobs, batchSize, batches } = msg;
      for (let b = Atomics.add(claim, 0, 1); b < batches; b = Atomics.add(claim, 0, 1)) {
        const to = Math.min(jobs.length, (b + 1) * batchSize);
        try {
          const results = [];
          for (let j = b * batchSize; j < to; j++) results.push(run(jobs[j]));
          parentPort.postMessage({ type: 'done', batch: b, results });
        } catch (err) {
          parentPort.postMessage({ type: 'error', batch: b, error: describe(err) });
          return;
        }
      }
      return;
    }
    try {
      const results = msg.jobs.map((job) => run(job));
      parentPort.postMessage({ type: 'done', batch: msg.batch, results });
    } catch (err) {
      parentPort.postMessage({ type: 'error', batch: msg.batch, error: describe(err) });
    }
  });
  parentPort.postMessage({ type: 'ready' });
} catch (err) {
  parentPort.postMessage({ type: 'error', batch: -1, error: describe(err) });
}
