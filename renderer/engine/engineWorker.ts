/** The app's one engine client, over a module Web Worker running the pure core. */
import { EngineClient, type WorkerPort } from './client';
import type { FromWorker } from './protocol';

function spawnEngineWorker(): WorkerPort {
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'abs-engine' });
  return {
    post: (message, transfer) => w.postMessage(message, transfer as Transferable[]),
    listen: (onMessage, onCrash) => {
      w.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
      w.onerror = (e) => {
        e.preventDefault();
        onCrash(e.message);
      };
    },
    terminate: () => w.terminate(),
  };
}

let shared: EngineClient | null = null;

export function engine(): EngineClient {
  shared ??= new EngineClient(spawnEngineWorker);
  return shared;
}
