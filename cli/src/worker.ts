/**
 * Worker thread: takes the next file from the counter it shares with the other
 * threads (see pool.ts), lints it, and sends the results back in batches
 * (`[task index, result]` pairs). It stops when no file is left. The thread's entry is
 * worker-thread.ts (out/, unbundled) or bin-worker.ts (the bundled command).
 */
import {workerThreads} from './builtins.js';
import type {ResolvedConfig} from '../../core/src/config/types.js';
import {lintFile} from './lint-file.js';
import {fileProblem, withCounts, type FileResult} from './result.js';

export interface WorkerData {
  /** Per task: the file (absolute path), the index of its configuration in `configList`, and whether to fix it. */
  files: string[];
  configs: number[];
  configList: ResolvedConfig[];
  fixes: boolean[];
  /** Shared with the other threads: `next[0]` is the index of the next task to take. */
  next: Int32Array;
  /** Take no file if fewer than this many are left when this worker is up (see pool.ts). */
  minFilesLeft: number;
}

export type WorkerMessage = Array<[index: number, result: FileResult]>;

/** Results per message: few messages, and a worker that dies loses little. */
const BATCH = 32;

export function runWorker(): void {
  const {parentPort, workerData} = workerThreads();
  const data = workerData as WorkerData;
  let batch: WorkerMessage = [];
  const worthIt = data.files.length - Atomics.load(data.next, 0) >= data.minFilesLeft;
  for (let i = worthIt ? Atomics.add(data.next, 0, 1) : data.files.length; i < data.files.length; i = Atomics.add(data.next, 0, 1)) {
    const filePath = data.files[i];
    let result: FileResult;
    try {
      result = lintFile({filePath, config: data.configList[data.configs[i]], fix: data.fixes[i]});
    } catch (error) {
      result = withCounts(filePath, [fileProblem(filePath, `Internal error while linting: ${(error as Error).message}`)]);
    }
    batch.push([i, result]);
    if (batch.length >= BATCH) {
      parentPort!.postMessage(batch);
      batch = [];
    }
  }
  if (batch.length) parentPort!.postMessage(batch);
}
