// Bundles the extension test suite (test/vscode/suite/*.mts, ESM TypeScript) into CommonJS
// files that VS Code's extension host can require(): dist/vscode-test/suite/index.cjs
// (the `extensionTestsPath`) and one <name>.test.cjs per test file, which index.cjs hands to
// mocha. `vscode` is provided by the extension host; mocha is loaded from node_modules.
// Usage: node scripts/vscode-test/bundle-suite.mjs   (from anywhere)
import {build} from 'esbuild';
import {mkdirSync, readdirSync, rmSync} from 'node:fs';
import {basename, dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'test/vscode/suite');
const outdir = join(root, 'dist/vscode-test/suite');

const tests = readdirSync(src).filter((f) => f.endsWith('.test.mts'));
if (tests.length === 0) throw new Error(`no *.test.mts files in ${src}`);
// More suite files from elsewhere, comma-separated (bench/vscode-recording/record.sh adds its recording).
const extra = (process.env.BRIEF_VSCODE_EXTRA_TESTS ?? '').split(',').filter(Boolean).map((f) => resolve(f));

rmSync(outdir, {recursive: true, force: true});
mkdirSync(outdir, {recursive: true});
await build({
  absWorkingDir: root,
  entryPoints: [...['index.mts', ...tests].map((f) => ({in: join(src, f), out: f.replace(/\.mts$/, '')})), ...extra.map((f) => ({in: f, out: basename(f).replace(/\.mts$/, '')}))],
  outdir,
  outExtension: {'.js': '.cjs'},
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['vscode', 'mocha'],
  // Prefer ESM entry points (UMD builds hide their requires from the bundler).
  mainFields: ['module', 'main'],
});
console.log(`bundled the extension test suite (${tests.length + extra.length} test files) into ${outdir}`);
