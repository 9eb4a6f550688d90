import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {ruleDocFiles} from '../scripts/rule-docs.js';

const dir = resolve(import.meta.dirname, '..', '..', 'docs', 'rules');

test('docs/rules is generated from rule metadata and up to date (run `npm run docs`)', () => {
  const files = ruleDocFiles();
  assert.deepEqual(readdirSync(dir).sort(), [...files.keys()].sort());
  for (const [name, text] of files) assert.equal(readFileSync(join(dir, name), 'utf8'), text, `docs/rules/${name} is stale`);
});
