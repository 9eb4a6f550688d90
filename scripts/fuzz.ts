/**
 * The long fuzz run: the properties of test/fuzz (engine and language server) with
 * many more cases than `npm test` gives them.
 *
 *   npm run fuzz                          # 2,000 cases per engine property, 200 per server property
 *   FUZZ_RUNS=20000 npm run fuzz          # more (server properties get a tenth)
 *   FUZZ_SEED=1234 npm run fuzz           # replay a run
 *   FUZZ_ONLY=cache npm run fuzz          # only properties whose name contains "cache"
 *
 * Prints how many cases each property ran and the seed; on a failure, the seed, the
 * shrink path and the shrunk counterexample, and exits with 1.
 */
import fc from 'fast-check';
import {engineProperties, serverProperties, type NamedProperty} from '../test/fuzz/properties.js';
import {TestClient} from '../test/lsp/harness.js';

const runs = positive(process.env.FUZZ_RUNS) ?? 2000;
const serverRuns = positive(process.env.FUZZ_SERVER_RUNS) ?? Math.max(25, Math.round(runs / 10));
const seed = process.env.FUZZ_SEED !== undefined && Number.isFinite(Number(process.env.FUZZ_SEED)) ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x100000000)) | 0;
const only = process.env.FUZZ_ONLY?.toLowerCase();

function positive(v: string | undefined): number | undefined {
  const n = Number(v);
  return v && Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined;
}

async function run(p: NamedProperty, numRuns: number): Promise<boolean> {
  if (only && !p.name.toLowerCase().includes(only)) return true;
  const started = performance.now();
  const details = await fc.check(p.property as fc.IAsyncProperty<unknown>, {numRuns, seed, includeErrorInReport: true});
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!details.failed) {
    console.log(`ok    ${String(details.numRuns).padStart(6)} cases  ${seconds.padStart(6)} s  ${p.name}`);
    return true;
  }
  console.log(`FAIL  ${String(details.numRuns).padStart(6)} cases  ${seconds.padStart(6)} s  ${p.name}`);
  console.log(`      seed ${details.seed}, path "${details.counterexamplePath}", shrunk ${details.numShrinks} times`);
  console.log(`      counterexample: ${fc.stringify(details.counterexample)}`);
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  console.log(`      ${error.split('\n').join('\n      ')}`);
  return false;
}

async function main() {
  console.log(`brief fuzz: seed ${seed}; ${runs} cases per engine property, ${serverRuns} per server property`);
  let ok = true;
  for (const p of engineProperties) ok = (await run(p, runs)) && ok;
  const client = new TestClient({pull: true, settings: {debounceMs: 0}});
  try {
    await client.initialize();
    for (const p of serverProperties(client)) ok = (await run(p, serverRuns)) && ok;
    await client.assertAlive();
  } catch (error) {
    console.log(`FAIL  the language server: ${(error as Error).message}`);
    ok = false;
  } finally {
    await client.stop();
  }
  console.log(ok ? `all properties held (seed ${seed})` : `a property failed: replay with FUZZ_SEED=${seed} npm run fuzz`);
  process.exitCode = ok ? 0 : 1;
}

void main();
