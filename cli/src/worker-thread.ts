/** A worker thread of the unbundled command (out/; pool.ts starts it): its share of the files. The bundled one is bin-worker.ts. */
import {runWorker} from './worker.js';

runWorker();
