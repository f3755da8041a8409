// Entry of every pool worker. Plain JavaScript on purpose: it must start the same way under the tsx CLI, under
// vitest and under the bench. The job module comes bundled into one JavaScript file where it could be built
// (./jobBundle.ts: a worker then starts in a fraction of the time); otherwise the worker registers tsx itself
// and imports the TypeScript job module. A job module exports `setup(init)` returning a function that runs one
// job; it claims batches of a run's jobs from a shared counter (the projection pool hands it its job instead). A
// worker kept for the next run (./pool.ts) receives that run's inputs as an `init` message and sets up again: its
// module, and the machine code the JIT compiled for it, stay loaded. The batches to claim come with the inputs
// (workerData or the `init` message), so a worker starts on them as soon as it has set up: when it asked for them
// instead, it waited for the calling thread to finish the batch it was busy with first.
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
  // Batches claimed from the run's shared counter until it is spent (./pool.ts): no round trip per batch.
  // `starts`: where each batch starts, the job count last.
  const claimBatches = (batches) => {
    if (!batches) return;
    const { claim, jobs, starts } = batches;
    const count = starts.length - 1;
    for (let b = Atomics.add(claim, 0, 1); b < count; b = Atomics.add(claim, 0, 1)) {
      try {
        const results = [];
        for (let j = starts[b]; j < starts[b + 1]; j++) results.push(run(jobs[j]));
        parentPort.postMessage({ type: 'done', batch: b, results });
      } catch (err) {
        parentPort.postMessage({ type: 'error', batch: b, error: describe(err) });
        return;
      }
    }
  };
  parentPort.on('message', (msg) => {
    if (msg.type === 'init') {
      Promise.resolve(mod.setup(msg.init)).then(
        (r) => {
          run = r;
          parentPort.postMessage({ type: 'ready' });
          claimBatches(msg.batches);
        },
        (err) => parentPort.postMessage({ type: 'error', batch: -1, error: describe(err) }),
      );
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
  claimBatches(workerData.batches);
} catch (err) {
  parentPort.postMessage({ type: 'error', batch: -1, error: describe(err) });
}
