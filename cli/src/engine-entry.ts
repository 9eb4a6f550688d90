/**
 * What the bundled command's engine file (dist/cli/engine.cjs) exports: bin.ts starts the
 * command, bin-worker.ts a worker thread, and the build (scripts/bundle-cli.mjs) runs a
 * lint through `run` to make the code cache.
 */
export {startCommand} from './start.js';
export {runWorker} from './worker.js';
export {run} from './cli.js';
