/**
 * What this machine charges for memory a process touches for the first time: each new 4 kB
 * page costs a page fault, and on some virtual machines (this project's CI kind: a Firecracker
 * micro-VM) a fault costs ~10 µs instead of the ~0.1–0.25 µs of bare hardware. A linter that
 * grows its heap by 80 MB then pays ~0.2 s for it alone — more than its parsing — and the
 * price varies from day to day with the host. Printed with every run, so that figures from
 * different days can be compared (docs/performance.md, "Fresh memory").
 */
import {spawnSync} from 'node:child_process';
import {median} from './stats.js';

export interface MemoryCost {
  /** Milliseconds per MB for the first write to fresh memory (median of runs, 64 MB each). */
  firstTouchMsPerMB: number;
  /** Milliseconds per MB for a second write to the same memory (no faults): the copy itself. */
  rewriteMsPerMB: number;
}

const PROBE = `
const mb = 64, page = 4096;
const b = Buffer.allocUnsafeSlow(mb << 20);
let t = process.hrtime.bigint();
for (let i = 0; i < b.length; i += page) b[i] = 1;
const first = Number(process.hrtime.bigint() - t) / 1e6 / mb;
t = process.hrtime.bigint();
for (let i = 0; i < b.length; i += page) b[i] = 2;
const again = Number(process.hrtime.bigint() - t) / 1e6 / mb;
process.stdout.write(JSON.stringify([first, again]));
`;

/** Measures in fresh processes (a process's own earlier allocations would be reused). */
export function measureMemoryCost(runs = 3): MemoryCost {
  const firsts: number[] = [];
  const agains: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', PROBE], {encoding: 'utf8'});
    if (r.status !== 0) throw new Error(`memory probe failed: ${r.stderr}`);
    const [first, again] = JSON.parse(r.stdout) as [number, number];
    firsts.push(first);
    agains.push(again);
  }
  return {firstTouchMsPerMB: median(firsts), rewriteMsPerMB: median(agains)};
}

export interface NodeStartCost {
  /** `node -e 0`, wall ms (median), with the environment the measured tools get. */
  clean: number;
  /** The same with this process's whole environment, when it sets a variable the benchmark leaves out (else undefined). */
  inherited?: number;
  /** The variables the benchmark leaves out that are set here. */
  unset: string[];
}

/** What starting Node costs here, with and without the variables bench/proc.ts leaves out of measured processes. */
export function measureNodeStart(unsetNames: readonly string[], runs = 5): NodeStartCost {
  const unset = unsetNames.filter((n) => process.env[n] !== undefined);
  const clean = {...process.env};
  for (const n of unset) delete clean[n];
  const time = (env: NodeJS.ProcessEnv) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, ['-e', '0'], {env});
      if (r.status !== 0) throw new Error('node -e 0 failed');
      ms.push(performance.now() - t);
    }
    return median(ms);
  };
  return {clean: time(clean), inherited: unset.length ? time(process.env) : undefined, unset};
}
