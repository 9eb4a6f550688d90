// Bundles the `brief` command with esbuild into dist/cli/ (part of `npm run build`, after tsc):
//   dist/cli/brief.mjs    the command (package.json "bin"), from cli/src/main.ts
//   dist/cli/worker.mjs   the worker thread pool.ts starts, from cli/src/worker.ts
//   dist/cli/chunks/      code both share (the engine), and the HTML renderer, loaded by `brief render` only
// A few files instead of ~300 modules: Node starts the command (and each worker thread) in
// about half the time. out/cli/src/main.js, tsc's output, runs the same code unbundled.
import {build} from 'esbuild';
import {readFileSync, rmSync} from 'node:fs';

const OUT = 'dist/cli';
const {version} = JSON.parse(readFileSync('package.json', 'utf8'));

rmSync(OUT, {recursive: true, force: true});
const {metafile} = await build({
  entryPoints: {brief: 'cli/src/main.ts', worker: 'cli/src/worker.ts'},
  outdir: OUT,
  outExtension: {'.js': '.mjs'},
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Not minified: stack traces in bug reports stay readable, and minifying saves no start-up time.
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
  // See cli/src/version.ts and cli/src/pool.ts.
  define: {BRIEF_VERSION: JSON.stringify(version), BRIEF_WORKER_FILE: JSON.stringify('./worker.mjs')},
  // Bundled CommonJS code calls require() (Node's built-in modules, fdir's optional picomatch);
  // an ES module has none of its own.
  banner: {js: "import {createRequire as __brief_createRequire} from 'node:module';\nconst require = __brief_createRequire(import.meta.url);"},
});

// pool.ts starts the worker by a path relative to its own file: it must be in brief.mjs, next to worker.mjs.
const pool = Object.entries(metafile.outputs).filter(([, o]) => Object.keys(o.inputs).includes('cli/src/pool.ts'));
if (pool.length !== 1 || pool[0][0] !== `${OUT}/brief.mjs`) throw new Error(`cli/src/pool.ts was bundled into ${pool.map(([f]) => f).join(', ') || 'no file'}, not ${OUT}/brief.mjs`);
