#!/usr/bin/env node
/** The package's `brief` command (dist/cli/brief.cjs): the bundled engine, loaded from its code cache (see code-cache.ts). */
import {fileURLToPath} from 'node:url';
import {loadBundle} from './code-cache.js';

type Engine = typeof import('./engine-entry.js');

const engine = loadBundle<Engine>(fileURLToPath(new URL('./engine.cjs', import.meta.url))).exports;
engine.startCommand().then((code) => {
  process.exitCode = code;
});
