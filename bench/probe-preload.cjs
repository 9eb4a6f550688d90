/*
 * Preloaded into benchmarked Node processes (NODE_OPTIONS=--require …): on exit,
 * appends the process's peak RSS (KiB, process.resourceUsage().maxRSS, which
 * includes worker threads) and CPU time (user + system, all threads, ms) to
 * $BENCH_PROBE_FILE. With $BENCH_PROBE_SIGNAL set,
 * SIGUSR2 runs a full GC (when started with --expose-gc) and writes
 * process.memoryUsage() and the peak RSS to $BENCH_PROBE_FILE.mem.
 * CommonJS and dependency-free so that it costs nothing measurable.
 */
'use strict';
const fs = require('node:fs');
const {isMainThread} = require('node:worker_threads');
const file = process.env.BENCH_PROBE_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      const cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
      fs.appendFileSync(file, JSON.stringify({pid: process.pid, maxRssKiB: u.maxRSS, cpuMs}) + '\n');
    } catch {}
  });
  if (process.env.BENCH_PROBE_SIGNAL) {
    process.on('SIGUSR2', () => {
      if (typeof globalThis.gc === 'function') globalThis.gc();
      const m = process.memoryUsage();
      const out = {...m, maxRssKiB: process.resourceUsage().maxRSS};
      fs.writeFileSync(file + '.tmp', JSON.stringify(out));
      fs.renameSync(file + '.tmp', file + '.mem');
    });
  }
}
