/** Runs a named property with the bounded budget and fixed seed of `npm test`, or FUZZ_RUNS / FUZZ_SEED when set. */
import fc from 'fast-check';
import type {NamedProperty} from './properties.js';

export function runOptions(p: NamedProperty): fc.Parameters<unknown> {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = Number(process.env.FUZZ_SEED);
  return {
    numRuns: Number.isFinite(runs) && runs > 0 ? runs : p.runs,
    // A fixed seed in npm test, so that CI is repeatable; `npm run fuzz` explores new seeds.
    seed: process.env.FUZZ_SEED && Number.isFinite(seed) ? seed : 20261130,
    // The failure message carries the seed, the shrink path and the shrunk counterexample.
    verbose: 0,
    includeErrorInReport: true,
  };
}

/** Throws fast-check's report (seed, path, counterexample) when the property fails. */
export async function assertProperty(p: NamedProperty): Promise<void> {
  await fc.assert(p.property as fc.IAsyncProperty<unknown>, runOptions(p));
}
