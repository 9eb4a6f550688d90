/**
 * Lints many files on worker threads. Results come back in the order of the
 * tasks, identical to the serial path (both call `lintFile`).
 */
import {Worker} from 'node:worker_threads';
import {availableParallelism} from 'node:os';
import type {ResolvedConfig} from '../../core/src/index.js';
import {lintFile, type LintTask} from './lint-file.js';
import type {FileResult} from './result.js';
import type {WorkerData, WorkerRequest} from './worker.js';

/** Below this many files the serial path is faster than starting threads. */
export const PARALLEL_THRESHOLD = 8;

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

export function lintSerial(tasks: LintTask[]): FileResult[] {
  return tasks.map(lintFile);
}

export async function lintParallel(tasks: LintTask[], threads: number): Promise<FileResult[]> {
  // Send each distinct configuration once, then refer to it by index.
  const configs: ResolvedConfig[] = [];
  const configIndex = new Map<ResolvedConfig, number>();
  const byText = new Map<string, number>();
  for (const t of tasks) {
    if (configIndex.has(t.config)) continue;
    const key = JSON.stringify(t.config);
    let i = byText.get(key);
    if (i === undefined) {
      i = configs.length;
      configs.push(t.config);
      byText.set(key, i);
    }
    configIndex.set(t.config, i);
  }
  const fix = tasks.some((t) => t.fix);
  const results: Array<FileResult | undefined> = new Array(tasks.length);
  let next = 0;
  const count = Math.max(1, Math.min(threads, tasks.length));
  const data: WorkerData = {configs, fix};
  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: data});
      let current = -1;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        void worker.terminate();
        resolve();
      };
      const feed = () => {
        if (next >= tasks.length) return finish();
        current = next++;
        const req: WorkerRequest = {index: current, filePath: tasks[current].filePath, config: configIndex.get(tasks[current].config)!};
        worker.postMessage(req);
      };
      worker.on('message', (msg: {index: number; result: FileResult}) => {
        results[msg.index] = msg.result;
        current = -1;
        feed();
      });
      // A worker that dies leaves its files to the serial pass below.
      worker.on('error', finish);
      worker.on('exit', finish);
      feed();
    });
  await Promise.all(Array.from({length: count}, runWorker));
  return tasks.map((t, i) => results[i] ?? lintFile(t));
}
