/**
 * `node:worker_threads`, loaded when first asked for. A serial lint (every run of fewer than
 * 64 files, and any run on 2 cores) never starts a thread, and loading the module cost ~3 ms
 * of each `brief` start.
 */
import {createRequire} from 'node:module';

type WorkerThreads = typeof import('node:worker_threads');

let loaded: WorkerThreads | undefined;

export function workerThreads(): WorkerThreads {
  return (loaded ??= createRequire(import.meta.url)('node:worker_threads') as WorkerThreads);
}
