/**
 * Node built-in modules that only some runs need, loaded when first asked for: loading one
 * compiles Node's own JavaScript for it at each `brief` start. `node:worker_threads` (~3 ms):
 * a serial lint (every run of fewer than 64 files, and any run on 2 cores) never starts a
 * thread. `node:crypto` (~3 ms): only `--fix` (temporary file names) and the GitLab format
 * (fingerprints) use it.
 */
import {createRequire} from 'node:module';

type WorkerThreads = typeof import('node:worker_threads');
type Crypto = typeof import('node:crypto');

const load = createRequire(import.meta.url);
let threads: WorkerThreads | undefined;
let crypto: Crypto | undefined;

export function workerThreads(): WorkerThreads {
  return (threads ??= load('node:worker_threads') as WorkerThreads);
}

export function nodeCrypto(): Crypto {
  return (crypto ??= load('node:crypto') as Crypto);
}
