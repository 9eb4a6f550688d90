// Bundles the `brief` command with esbuild into dist/cli/ (part of `npm run build`, after tsc):
//   dist/cli/engine.cjs        the whole command (CommonJS, in Node's module wrapper), from cli/src/engine-entry.ts
//   dist/cli/engine.cjs.cache  V8's code cache for it, made here after a training lint
//   dist/cli/brief.cjs         the command (package.json "bin"), from cli/src/bin.ts: loads the engine with its cache
//   dist/cli/worker.cjs        the worker thread pool.ts starts, from cli/src/bin-worker.ts: the same
// One file compiled from a cache instead of ~300 modules parsed and compiled at every start: Node
// starts the command (and each worker thread) in about half the time, and a lint's first file runs
// without compiling. out/cli/src/main.js, tsc's output, runs the same code unbundled.
import {build} from 'esbuild';
import {chmodSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {loadBundle, cacheFileOf, WRAPPER_HEAD, WRAPPER_TAIL} from '../out/cli/src/code-cache.js';

const OUT = 'dist/cli';
const ENGINE = `${OUT}/engine.cjs`;
const {version} = JSON.parse(readFileSync('package.json', 'utf8'));

/**
 * fdir (tinyglobby's directory walker) looks for picomatch with require.resolve and require at
 * module load, for its own `.glob()`, which tinyglobby never calls (it matches with the picomatch
 * bundled here). Left in, every `brief` start resolved and loaded a second, unbundled picomatch
 * from node_modules: ~7-9 ms. The build fails if fdir's code no longer reads as expected.
 */
const FDIR_OPTIONAL_PICOMATCH = /let pm = null;\n(?:\/\*[^*]*\*\/\n)?try \{\n\t__require\.resolve\("picomatch"\);\n\tpm = __require\("picomatch"\);\n\} catch \{\}/;
const withoutFdirPicomatch = {
  name: 'fdir-without-optional-picomatch',
  setup(b) {
    b.onLoad({filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/}, (args) => {
      const code = readFileSync(args.path, 'utf8');
      if (!FDIR_OPTIONAL_PICOMATCH.test(code)) throw new Error(`${args.path}: fdir's optional picomatch require changed; update scripts/bundle-cli.mjs`);
      return {contents: code.replace(FDIR_OPTIONAL_PICOMATCH, 'let pm = null;'), loader: 'js'};
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // esbuild rewrites every /\p{…}/u literal as `new RegExp(…)` for any target (Unicode data varies by
  // version), which builds a fresh RegExp object on every call in the hot paths. Node 20 has them.
  supported: {'regexp-unicode-property-escapes': true},
  format: 'cjs',
  // Not minified: stack traces in bug reports stay readable, and with the code cache minifying saves nothing.
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // ES modules read import.meta.url; in CommonJS it comes from __filename (the engine's, as code-cache.ts passes it).
  define: {'import.meta.url': '__brief_import_meta_url'},
  banner: {js: "const __brief_import_meta_url = require('node:url').pathToFileURL(__filename).href;"},
};

rmSync(OUT, {recursive: true, force: true});
const {metafile} = await build({
  ...common,
  entryPoints: {engine: 'cli/src/engine-entry.ts'},
  outdir: OUT,
  outExtension: {'.js': '.cjs'},
  metafile: true,
  plugins: [withoutFdirPicomatch],
  // See cli/src/version.ts and cli/src/pool.ts.
  define: {...common.define, BRIEF_VERSION: JSON.stringify(version), BRIEF_WORKER_FILE: JSON.stringify('./worker.cjs')},
});
await build({...common, entryPoints: {brief: 'cli/src/bin.ts', worker: 'cli/src/bin-worker.ts'}, outdir: OUT, outExtension: {'.js': '.cjs'}});
chmodSync(`${OUT}/brief.cjs`, 0o755);

// ASCII only, so code-cache.ts reads it as Latin-1 (a copy, ~1 ms) instead of decoding ~2 MB of UTF-8 (~20 ms
// at every start). esbuild escapes strings and names but leaves regular expression literals and comments as
// written; there \uXXXX means the same character. In a raw template it would not: those must be ASCII already.
const engineSource = escapeNonAscii(readFileSync(ENGINE, 'utf8'), ENGINE);
// Node's CommonJS wrapper written into the file: code-cache.ts compiles the text it reads as it is (see there).
writeFileSync(ENGINE, `${WRAPPER_HEAD}${engineSource}${WRAPPER_TAIL}`);
// The engine is one file: a dynamic import() left in it would need a module loader the code cache's script does not have.
if (/\bimport\(/.test(engineSource.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, ''))) throw new Error(`${ENGINE} still holds a dynamic import()`);
if (/require\("picomatch"\)/.test(engineSource)) throw new Error(`${ENGINE} still loads picomatch from node_modules at run time`);
const inputs = Object.keys(metafile.outputs[ENGINE]?.inputs ?? {});
if (!inputs.includes('cli/src/pool.ts')) throw new Error(`cli/src/pool.ts is not in ${ENGINE}`);

// The code cache: load the engine as brief.cjs does, lint the bundled examples (what a run compiles
// lazily is then in the cache too), and save what V8 compiled. Same Node, same flags as a plain run.
const loaded = loadBundle(resolve(ENGINE));
if (loaded.cacheFound) throw new Error('a stale code cache was loaded');
const sink = {write: () => true};
for (const format of ['json', 'stylish']) {
  await loaded.exports.run(['lint', '--format', format, '--concurrency', 'off', 'examples'], {cwd: process.cwd(), env: {}, stdout: sink, stderr: sink});
}
writeFileSync(cacheFileOf(ENGINE), loaded.script.createCachedData());

function escapeNonAscii(text, file) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/[^\x00-\x7f]/.test(lines[i])) continue;
    // What is left of the line without its comments must hold them only inside a /…/ literal, on a line without a
    // template (a raw template keeps its text as written). Anything else: write it as an escape in the source.
    const code = /^\s*\*/.test(lines[i]) ? '' : lines[i].replace(/\/\*.*?\*\//g, '').replace(/(^|\s)\/\/.*$/, '');
    const unsafe = [...code.matchAll(/[^\x00-\x7f]/g)].some((m) => code.includes('`') || !(code.lastIndexOf('/', m.index) >= 0 && code.indexOf('/', m.index) >= 0));
    if (unsafe) throw new Error(`${file}:${i + 1}: a non-ASCII character outside a regular expression literal or a comment; write it as an escape in the source: ${lines[i].trim().slice(0, 120)}`);
  }
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
