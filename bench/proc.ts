/**
 * Runs a command as a whole process and measures its wall time and peak RSS
 * (via bench/probe-preload.cjs in NODE_OPTIONS, for Node programs; all tools here are).
 */
import {spawn} from 'node:child_process';
import {closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

/** The source directory bench/ (this file runs from out/bench/). */
export const BENCH_DIR = resolve(import.meta.dirname, '..', '..', 'bench');
export const ROOT = resolve(BENCH_DIR, '..');
export const PRELOAD = join(BENCH_DIR, 'probe-preload.cjs');

export interface RunResult {
  ms: number;
  /** Peak RSS of the largest Node process of the run, KiB (NaN when not reported). */
  maxRssKiB: number;
  /** CPU time (user + system, all threads) of the Node processes of the run, ms: steadier than wall time on a busy machine. */
  cpuMs: number;
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  /** Head and tail of the output (see RunOptions.keep). */
  stdout: string;
  stderr: string;
  /** The whole output, kept until cleanupScratch(). */
  stdoutFile: string;
  stderrFile: string;
}

export interface RunOptions {
  cwd: string;
  timeoutMs?: number;
  env?: Record<string, string>;
  /** Keep at most this many characters of stdout/stderr (default 200 kB). */
  keep?: number;
}

let scratch: string | undefined;
function scratchDir(): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'brief-bench-'));
  return scratch;
}
export function cleanupScratch(): void {
  if (scratch) rmSync(scratch, {recursive: true, force: true});
  scratch = undefined;
}

/**
 * Variables left out of every measured process's environment. NODE_EXTRA_CA_CERTS makes
 * Node 20 read and parse a certificate bundle at every start, before any of the tool's code
 * runs (~40 ms a process on this project's VMs, which set it to the system's ~150
 * certificates: `node -e 0` ~100 ms with it, ~57 without). No linter here makes a network
 * connection; the cost is the machine's, the same for every tool, and would hide what the
 * tools themselves cost. bench/machine.ts prints what it costs on the machine at hand.
 */
export const UNSET_FOR_MEASUREMENT = ['NODE_EXTRA_CA_CERTS'];

let seq = 0;
export function probeEnv(extra: Record<string, string> = {}): {env: NodeJS.ProcessEnv; file: string} {
  const file = join(scratchDir(), `probe-${process.pid}-${++seq}.jsonl`);
  const inherited = {...process.env};
  for (const name of UNSET_FOR_MEASUREMENT) delete inherited[name];
  const env = {
    ...inherited,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim(),
    BENCH_PROBE_FILE: file,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
  return {env, file};
}

/** Peak RSS (largest process) and total CPU time of the processes that reported to `file`. */
export function readProbe(file: string): {maxRssKiB: number; cpuMs: number} {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
    const all = lines.map((l) => JSON.parse(l) as {maxRssKiB: number; cpuMs: number});
    return {maxRssKiB: Math.max(...all.map((x) => x.maxRssKiB)), cpuMs: all.reduce((n, x) => n + x.cpuMs, 0)};
  } catch {
    return {maxRssKiB: NaN, cpuMs: NaN};
  }
}

/** Runs `command args` to completion; output goes to files (not pipes) so a chatty tool is not slowed by its reader. */
export function runMeasured(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const {env, file} = probeEnv(options.env);
  const outPath = join(scratchDir(), `out-${seq}.txt`);
  const errPath = join(scratchDir(), `err-${seq}.txt`);
  const out = openSync(outPath, 'w');
  const err = openSync(errPath, 'w');
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {cwd: options.cwd, env, stdio: ['ignore', out, err]});
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;
    child.on('error', (e) => {
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      const elapsed = performance.now() - start;
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      const keep = options.keep ?? 200_000;
      // Head and tail: summaries ("✖ 20 problems") come last, some tools print them first.
      const read = (p: string) => {
        if (statSync(p).size === 0) return '';
        const text = readFileSync(p, 'utf8');
        return text.length > keep ? `${text.slice(0, keep / 2)}\n…\n${text.slice(-keep / 2)}` : text;
      };
      resolvePromise({ms: elapsed, ...readProbe(file), code, signal, timedOut, stdout: read(outPath), stderr: read(errPath), stdoutFile: outPath, stderrFile: errPath});
    });
  });
}
