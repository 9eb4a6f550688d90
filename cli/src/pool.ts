/**
 * Lints many files on several threads: the main thread and `threads - 1` worker
 * threads take the next file from one shared counter (no message per file), and
 * the workers send their results back in batches. Results come back in the order
 * of the tasks, identical to the serial path (every thread calls `lintFile`).
 */
import type {Worker} from 'node:worker_threads';
import {workerThreads} from './builtins.js';
import {availableParallelism} from 'node:os';
import type {ResolvedConfig} from '../../core/src/config/types.js';
import {lintFile, type LintTask} from './lint-file.js';
import type {FileResult} from './result.js';
import type {WorkerData, WorkerMessage} from './worker.js';

/**
 * Set by scripts/bundle-cli.mjs: the bundled worker next to the bundled CLI. From
 * out/ (tsc's output) the worker is the compiled worker-thread.js next to this file.
 */
declare const BRIEF_WORKER_FILE: string | undefined;
const WORKER_FILE = typeof BRIEF_WORKER_FILE === 'string' ? BRIEF_WORKER_FILE : './worker-thread.js';

/**
 * A thread's first files are slow (the first takes ~100 ms while V8 compiles the engine; a
 * worker also needs ~150 ms to start), while the main thread, warm by then, lints a small
 * brief in a few milliseconds. So a worker that is up when fewer than this many files are
 * left takes none: it would only make the main thread wait for its first files at the end.
 */
export const MIN_FILES_LEFT = 48;

/** Up to this many files the main thread is done before a worker could help: no threads. */
export const PARALLEL_THRESHOLD = 64;

/**
 * Threads for `--concurrency auto`: half the cores, rounded up (1 on 2 cores, 2 on 4, 4 on 8).
 * Each thread has its own V8 isolate, and V8 optimises the engine's hot code afresh in each, on
 * background threads: for 1,000 small briefs that costs about as much CPU as the linting
 * itself (bench corpus: ~1.5 s of optimising against ~2.5 s of linting). So a thread needs
 * about a second core for its compiler; on 2 cores, one thread with the compiler on the other
 * core is about as fast as two threads on an idle machine (going by the threads' CPU times), and
 * much faster on a busy one.
 */
export function defaultThreads(): number {
  return Math.max(1, Math.ceil(availableParallelism() / 2));
}

export function lintSerial(tasks: LintTask[]): FileResult[] {
  return tasks.map(lintFile);
}

export interface ParallelOptions {
  /** False: the workers lint every file (tests of the worker path). Default true. */
  mainThread?: boolean;
  /** Overrides MIN_FILES_LEFT (tests: 0 makes the workers take files however few are left). */
  minFilesLeft?: number;
}

/**
 * Lints `tasks` on `threads` threads in all: this one and `threads - 1` workers.
 * The main thread starts at once (its engine is loaded) while the workers start up,
 * and a worker that is not up by the time the files run out is not waited for.
 */
export async function lintParallel(tasks: LintTask[], threads: number, options: ParallelOptions = {}): Promise<FileResult[]> {
  const mainLints = options.mainThread ?? true;
  const workerCount = Math.max(0, Math.min(threads, tasks.length) - (mainLints ? 1 : 0));
  if (workerCount === 0) return lintSerial(tasks);

  // Send each distinct configuration once, then refer to it by index.
  const configs: ResolvedConfig[] = [];
  const configIndex = new Map<ResolvedConfig, number>();
  const byText = new Map<string, number>();
  const taskConfigs = tasks.map((t) => {
    let i = configIndex.get(t.config);
    if (i !== undefined) return i;
    const key = JSON.stringify(t.config);
    i = byText.get(key);
    if (i === undefined) {
      i = configs.length;
      configs.push(t.config);
      byText.set(key, i);
    }
    configIndex.set(t.config, i);
    return i;
  });
  // next[0]: the index of the next task to lint, whichever thread takes it.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const data: WorkerData = {files: tasks.map((t) => t.filePath), configs: taskConfigs, configList: configs, fixes: tasks.map((t) => t.fix), next, minFilesLeft: options.minFilesLeft ?? MIN_FILES_LEFT};
  const results: Array<FileResult | undefined> = new Array(tasks.length);

  // Done when every file a worker took is back, or when every worker has stopped (one that
  // died leaves the files it had taken to the serial pass below).
  let fromWorkers = 0;
  let expected = -1;
  let running = workerCount;
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const check = () => {
    if (running === 0 || fromWorkers === expected) settle();
  };
  const workers: Worker[] = [];
  for (let w = 0; w < workerCount; w++) {
    let worker: Worker;
    try {
      worker = new (workerThreads().Worker)(new URL(WORKER_FILE, import.meta.url), {workerData: data});
    } catch {
      running--; // no thread to be had: the others (at least this one) lint the files
      continue;
    }
    workers.push(worker);
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      running--;
      check();
    };
    worker.on('message', (msg: WorkerMessage) => {
      for (const [index, result] of msg) results[index] = result;
      fromWorkers += msg.length;
      check();
    });
    worker.on('error', stop);
    worker.on('exit', stop);
  }

  // This thread lints too, until no file is left.
  let here = 0;
  for (let i = mainLints ? Atomics.add(next, 0, 1) : tasks.length; i < tasks.length; i = Atomics.add(next, 0, 1)) {
    results[i] = lintFile(tasks[i]);
    here++;
  }
  expected = tasks.length - here;
  check();
  await settled;
  for (const worker of workers) void worker.terminate();
  return tasks.map((t, i) => results[i] ?? lintFile(t));
}
