/**
 * The bundled `brief` command that package.json's "bin" runs (dist/cli/, made by
 * scripts/bundle-cli.mjs in `npm run build`): it gives what out/cli/src/main.js gives,
 * and its worker thread lints as the unbundled one does.
 */
import {test, describe, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, realpathSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {Worker} from 'node:worker_threads';
import {defaultConfig} from '../../core/src/config/types.js';
import {lintFile} from './lint-file.js';
import {PARALLEL_THRESHOLD} from './pool.js';
import type {FileResult} from './result.js';
import type {WorkerData, WorkerMessage} from './worker.js';
import {BUNDLED_MAIN, BUNDLED_WORKER, MAIN, runBrief, writeFiles} from './test-support.js';
import {cacheFileOf, loadBundle, WRAPPER_HEAD} from './code-cache.js';

const ROOT = new URL('../../../', import.meta.url);
const PACKAGE = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as {version: string; bin: Record<string, string>};
const EXAMPLES = new URL('examples/', ROOT);
const CLEAN = readFileSync(new URL('clean.brief.md', EXAMPLES), 'utf8');
const DEFECTS = readFileSync(new URL('defects.brief.md', EXAMPLES), 'utf8');

let tmp: string;
before(() => {
  assert.ok(existsSync(BUNDLED_MAIN), `${BUNDLED_MAIN} is missing: run "npm run build"`);
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'brief-bundle-test-')));
});
after(() => {
  rmSync(tmp, {recursive: true, force: true});
});

describe('the bundled command', () => {
  test('is the package\'s "brief" command', () => {
    assert.equal(resolve(new URL('.', ROOT).pathname, PACKAGE.bin.brief), BUNDLED_MAIN);
  });

  test('--version prints the package version', () => {
    const r = runBrief(['--version'], tmp, {}, BUNDLED_MAIN);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${PACKAGE.version}\n`);
  });

  test('lints many files on worker threads as out/cli/src/main.js does on one', () => {
    const dir = join(tmp, 'many');
    const files: Record<string, string> = {};
    for (let i = 0; i < PARALLEL_THRESHOLD + 2; i++) files[`b${String(i).padStart(3, '0')}.brief.md`] = i % 2 ? DEFECTS : CLEAN;
    writeFiles(dir, files);
    const bundled = runBrief(['lint', '--format', 'json', '--concurrency', '2'], dir, {BRIEF_DEBUG: '1'}, BUNDLED_MAIN);
    const serial = runBrief(['lint', '--format', 'json', '--concurrency', 'off'], dir, {}, MAIN);
    assert.match(bundled.stderr, /66 files, 2 threads/);
    assert.equal(bundled.code, 1);
    assert.equal(bundled.code, serial.code);
    assert.equal(bundled.stdout, serial.stdout);
  });

  test('rules and render (the HTML renderer is in the engine, started on demand)', () => {
    const dir = join(tmp, 'render');
    writeFiles(dir, {'a.brief.md': DEFECTS});
    assert.equal(runBrief(['rules', '--format', 'json'], dir, {}, BUNDLED_MAIN).stdout, runBrief(['rules', '--format', 'json'], dir).stdout);
    const bundled = runBrief(['render', 'a.brief.md'], dir, {}, BUNDLED_MAIN);
    assert.equal(bundled.code, 0, bundled.stderr);
    assert.equal(bundled.stdout, runBrief(['render', 'a.brief.md'], dir).stdout);
    assert.match(bundled.stdout, /^<!DOCTYPE html>/);
  });

  test('its worker thread lints the files as lintFile does', async () => {
    const dir = join(tmp, 'worker');
    writeFiles(dir, {'a.brief.md': DEFECTS, 'b.brief.md': CLEAN, 'c.brief.md': DEFECTS.replace(/\n/g, '\r\n')});
    const files = ['a', 'b', 'c', 'missing'].map((n) => join(dir, `${n}.brief.md`));
    const config = defaultConfig();
    const data: WorkerData = {files, configs: files.map(() => 0), configList: [config], fixes: files.map(() => false), next: new Int32Array(new SharedArrayBuffer(4)), minFilesLeft: 0};
    const results: FileResult[] = [];
    await new Promise<void>((done, fail) => {
      const worker = new Worker(BUNDLED_WORKER, {workerData: data});
      worker.on('message', (msg: WorkerMessage) => {
        for (const [index, result] of msg) results[index] = result;
      });
      worker.on('error', fail);
      worker.on('exit', () => done());
    });
    assert.deepEqual(
      results,
      files.map((filePath) => lintFile({filePath, config, fix: false})),
    );
    assert.ok(results[0].messages.length > 0);
  });

  test('a lint loads no Node module that only some runs need (crypto, worker threads)', () => {
    const dir = join(tmp, 'modules');
    writeFiles(dir, {'a.brief.md': DEFECTS, '.briefrc.yaml': 'rules:\n  source-metadata: warning\n'});
    // Node lists the built-in modules a process has loaded; the preload prints that list at exit.
    const preload = join(tmp, 'modules-preload.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write('\\nMODULES ' + process.moduleLoadList.join(',') + '\\n'));\n");
    const loaded = (r: {stderr: string}) => /\nMODULES (.*)\n/.exec(r.stderr)?.[1].split(',') ?? [];
    const env = {NODE_OPTIONS: `--require ${preload}`};
    const json = runBrief(['lint', '--format', 'json', '--concurrency', 'off', 'a.brief.md'], dir, env, BUNDLED_MAIN);
    assert.equal(json.code, 1, json.stderr);
    const modules = loaded(json);
    assert.ok(modules.includes('NativeModule fs'), 'the preload sees the modules loaded');
    assert.ok(!modules.includes('NativeModule crypto'), 'node:crypto is loaded by a plain lint');
    assert.ok(!modules.includes('NativeModule worker_threads'), 'node:worker_threads is loaded by a serial lint');
    // The GitLab report's fingerprints need it: loaded then, and the report is whole.
    const gitlab = runBrief(['lint', '--format', 'gitlab', '--concurrency', 'off', 'a.brief.md'], dir, env, BUNDLED_MAIN);
    assert.equal(gitlab.code, 1, gitlab.stderr);
    assert.ok(loaded(gitlab).includes('NativeModule crypto'));
    const report = JSON.parse(gitlab.stdout) as Array<{fingerprint: string}>;
    assert.ok(report.length > 0 && report.every((f) => /^[0-9a-f]{32}$/.test(f.fingerprint)));
  });

  test('starts from its code cache, which this Node accepts', () => {
    const engine = join(dirname(BUNDLED_MAIN), 'engine.cjs');
    assert.ok(existsSync(cacheFileOf(engine)), 'npm run build writes the code cache');
    const loaded = loadBundle<{run: unknown; startCommand: unknown; runWorker: unknown}>(engine);
    assert.equal(loaded.cacheFound, true);
    assert.equal(loaded.cacheRejected, false);
    assert.equal(typeof loaded.exports.run, 'function');
    assert.equal(typeof loaded.exports.startCommand, 'function');
    // Node's module wrapper is in the file, so the text read is compiled without a copy.
    assert.ok(readFileSync(engine, 'latin1').startsWith(WRAPPER_HEAD));
  });

  test('loads a CommonJS file with or without the module wrapper written in, with the file\'s line numbers', () => {
    const dir = join(tmp, 'wrapper');
    const body = "exports.where = () => new Error('here').stack.split('\\n')[1];\nexports.dir = __dirname;\nexports.name = require('node:path').basename(__filename);\n";
    writeFiles(dir, {'plain.cjs': body, 'wrapped.cjs': `${WRAPPER_HEAD}${body}\n})`});
    for (const name of ['plain.cjs', 'wrapped.cjs']) {
      const {exports} = loadBundle<{where: () => string; dir: string; name: string}>(join(dir, name));
      assert.equal(exports.name, name);
      assert.equal(exports.dir, dir);
      assert.match(exports.where(), new RegExp(`${name.replace('.', '\\.')}:1:`));
    }
  });

  test('a code cache from elsewhere (or none) is refused, and the command works the same', () => {
    const copy = join(tmp, 'dist-copy');
    cpSync(dirname(BUNDLED_MAIN), copy, {recursive: true});
    const engine = join(copy, 'engine.cjs');
    const dir = join(tmp, 'cache');
    writeFiles(dir, {'a.brief.md': DEFECTS});
    const expected = runBrief(['lint', '--format', 'json', 'a.brief.md'], dir, {}, BUNDLED_MAIN);
    writeFileSync(cacheFileOf(engine), Buffer.from('not a code cache, or one from another Node version'));
    const loaded = loadBundle<{run: unknown}>(engine);
    assert.equal(loaded.cacheRejected, true);
    assert.equal(typeof loaded.exports.run, 'function');
    const refused = runBrief(['lint', '--format', 'json', 'a.brief.md'], dir, {}, join(copy, 'brief.cjs'));
    assert.equal(refused.code, expected.code, refused.stderr);
    assert.equal(refused.stdout, expected.stdout);
    rmSync(cacheFileOf(engine));
    const none = runBrief(['lint', '--format', 'json', 'a.brief.md'], dir, {}, join(copy, 'brief.cjs'));
    assert.equal(none.stdout, expected.stdout);
  });
});
