/**
 * The worker pool against the serial path, on real files: the same results in task
 * order, whichever thread lints a file, and files the workers do not lint (a worker
 * that takes none, a missing worker) still come back.
 */
import {test, describe, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, realpathSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {defaultConfig, type ResolvedConfig} from '../../core/src/config/types.js';
import {lintParallel, lintSerial} from './pool.js';
import type {LintTask} from './lint-file.js';
import {writeFiles} from './test-support.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.brief.md'));

let tmp: string;
before(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'brief-pool-test-')));
});
after(() => {
  rmSync(tmp, {recursive: true, force: true});
});

/** A folder of `count` briefs (the examples, some with CRLF ends), a binary file and a name that does not exist. */
function corpus(name: string, count: number): string[] {
  const dir = join(tmp, name);
  const files: Record<string, string | Buffer> = {};
  for (let i = 0; i < count; i++) {
    const text = readFileSync(new URL(examples[i % examples.length], EXAMPLES), 'utf8');
    files[`b${String(i).padStart(3, '0')}.brief.md`] = i % 4 === 1 ? text.replace(/\n/g, '\r\n') : text;
  }
  files['binary.brief.md'] = Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]);
  writeFiles(dir, files);
  return [...Object.keys(files).map((f) => join(dir, f)), join(dir, 'missing.brief.md')];
}

/** Two configurations: the defaults, and one (an equal copy for every other file) that changes a level and the scale. */
function tasks(files: string[], fix = false): LintTask[] {
  const plain = defaultConfig();
  const strict = (): ResolvedConfig => ({...defaultConfig(), scale: 'icd203', rules: {'vague-hedge': {level: 'error', options: {}}}});
  const shared = strict();
  return files.map((filePath, i) => ({filePath, config: i % 3 === 0 ? plain : i % 3 === 1 ? shared : strict(), fix}));
}

describe('lintParallel', () => {
  test('on worker threads only: the same results as serial, in task order', async () => {
    const list = tasks(corpus('workers', 30));
    const serial = lintSerial(list);
    assert.ok(serial.some((r) => r.messages.some((m) => m.ruleId === 'vague-hedge' && m.severity === 'error')));
    assert.ok(serial.some((r) => r.messages.some((m) => m.ruleId === 'brief/file')));
    const parallel = await lintParallel(list, 3, {mainThread: false, minFilesLeft: 0});
    assert.deepEqual(parallel, serial);
  });

  test('the main thread and the workers together: the same results as serial', async () => {
    const list = tasks(corpus('shared', 40));
    assert.deepEqual(await lintParallel(list, 2, {minFilesLeft: 0}), lintSerial(list));
  });

  test('a worker that comes up with too few files left takes none; the files are still linted', async () => {
    const list = tasks(corpus('few', 5));
    assert.deepEqual(await lintParallel(list, 2, {mainThread: false, minFilesLeft: 1000}), lintSerial(list));
  });

  test('--fix on worker threads writes the same files as serial', async () => {
    const a = corpus('fix-a', 12);
    const b = corpus('fix-b', 12);
    const serial = lintSerial(tasks(a, true));
    const parallel = await lintParallel(tasks(b, true), 2, {mainThread: false, minFilesLeft: 0});
    assert.ok(serial.some((r) => r.fixed));
    const relative = (results: typeof serial, dir: string) => JSON.parse(JSON.stringify(results).split(dir).join('<dir>')) as unknown;
    assert.deepEqual(relative(parallel, join(tmp, 'fix-b')), relative(serial, join(tmp, 'fix-a')));
    for (const f of readdirSync(join(tmp, 'fix-a'))) assert.ok(readFileSync(join(tmp, 'fix-b', f)).equals(readFileSync(join(tmp, 'fix-a', f))), f);
  });
});
