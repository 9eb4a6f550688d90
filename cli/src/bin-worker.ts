/** A worker thread of the bundled command (dist/cli/worker.cjs, started by pool.ts): the engine from its code cache, then its share of the files. */
import {fileURLToPath} from 'node:url';
import {loadBundle} from './code-cache.js';

type Engine = typeof import('./engine-entry.js');

loadBundle<Engine>(fileURLToPath(new URL('./engine.cjs', import.meta.url))).exports.runWorker();
