/** The bundled examples, linted by the real CLI with examples/.briefrc.yaml: every rule fires on the defect examples, none on the clean one. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {resolve, basename} from 'node:path';
import {allRules} from '../core/src/index.js';

const root = resolve(import.meta.dirname, '..', '..');
const cli = resolve(root, 'out', 'cli', 'src', 'main.js');

function lintExamples() {
  const run = spawnSync(process.execPath, [cli, 'lint', 'examples', '--format', 'json'], {cwd: root, encoding: 'utf8'});
  assert.equal(run.status, 1, `exit code 1 expected (error-level findings): ${run.stderr}`);
  return JSON.parse(run.stdout) as Array<{filePath: string; messages: Array<{ruleId: string; line: number}>}>;
}

test('every rule fires on the bundled defect examples', () => {
  const results = lintExamples();
  const fired = new Set(results.filter((r) => !basename(r.filePath).startsWith('clean')).flatMap((r) => r.messages.map((m) => m.ruleId)));
  const missing = allRules.map((r) => r.id).filter((id) => !fired.has(id));
  assert.deepEqual(missing, [], `rules that never fire on examples/: ${missing.join(', ')}`);
});

test('the clean example has no findings', () => {
  const clean = lintExamples().find((r) => basename(r.filePath) === 'clean.brief.md');
  assert.ok(clean, 'clean.brief.md was linted');
  assert.deepEqual(clean.messages, []);
});
