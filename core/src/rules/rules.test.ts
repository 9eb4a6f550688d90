import {test} from 'node:test';
import assert from 'node:assert/strict';
import {allRules} from './index.js';
import {CATEGORIES} from './types.js';
import {lintText} from '../linter.js';
import {defaultConfig} from '../config/types.js';

function lintOnly(id: string, text: string) {
  return lintText(text, {config: defaultConfig(), only: [id]}).findings;
}

test('rule ids are unique, kebab-case, with a category and a description', () => {
  const ids = new Set<string>();
  for (const rule of allRules) {
    assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/);
    assert.ok(!ids.has(rule.id), `duplicate id ${rule.id}`);
    ids.add(rule.id);
    assert.ok(CATEGORIES.includes(rule.category), `${rule.id}: bad category`);
    assert.ok(rule.description.length > 10 && rule.description.endsWith('.'), `${rule.id}: description should be a sentence`);
    assert.ok(rule.docs.rationale.length > 60, `${rule.id}: rationale too short`);
  }
});

test('every category has at least one rule', () => {
  for (const c of CATEGORIES) assert.ok(allRules.some((r) => r.category === c), `no ${c} rule`);
});

for (const rule of allRules) {
  test(`${rule.id}: its documented bad example is flagged and its good example is not`, () => {
    assert.ok(lintOnly(rule.id, rule.docs.bad).length > 0, 'bad example not flagged');
    const good = lintOnly(rule.id, rule.docs.good);
    assert.equal(good.length, 0, `good example flagged: ${good.map((f) => f.message).join('; ')}`);
  });
}
