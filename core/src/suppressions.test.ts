import {test} from 'node:test';
import assert from 'node:assert/strict';
import {lintText} from './linter.js';
import {parseSuppressions} from './suppressions.js';
import {brief} from './testing/rule-tester.js';

const hedged = (prefix: string) =>
  brief({judgements: [{statement: `${prefix}The operators may resume service within the next three months.`, evidence: ['Crews were hired in June.[^s1]']}]});

const ruleIds = (text: string) => lintText(text).findings.map((f) => f.ruleId);

test('parses directives, rule lists and reasons', () => {
  const s = parseSuppressions([
    {start: 0, end: 10, body: ' brief-disable-next-line vague-hedge, stacked-hedge -- quoting the minister '},
    {start: 20, end: 30, body: ' brief-disable '},
    {start: 40, end: 50, body: ' brief-enable uncited-claim '},
    {start: 60, end: 70, body: ' not a directive '},
  ]);
  assert.deepEqual(s.map((x) => [x.kind, x.rules, x.reason]), [
    ['disable-next-line', ['vague-hedge', 'stacked-hedge'], 'quoting the minister'],
    ['disable', [], undefined],
    ['enable', ['uncited-claim'], undefined],
  ]);
});

test('disable-next-line silences the named rule on the next line only', () => {
  assert.ok(ruleIds(hedged('')).includes('vague-hedge'));
  const text = hedged('').replace('## Key Judgement 1\n\n', '## Key Judgement 1\n\n<!-- brief-disable-next-line vague-hedge -- the minister\'s words -->\n');
  const result = lintText(text);
  assert.ok(!result.findings.some((f) => f.ruleId === 'vague-hedge'));
  assert.ok(result.suppressed.some((f) => f.ruleId === 'vague-hedge'));
});

test('disable-next-line for another rule does not silence this one', () => {
  const text = hedged('').replace('## Key Judgement 1\n\n', '## Key Judgement 1\n\n<!-- brief-disable-next-line uncited-claim -->\n');
  assert.ok(ruleIds(text).includes('vague-hedge'));
});

test('disable-line, inline', () => {
  const text = hedged('<!-- brief-disable-line vague-hedge --> ');
  assert.ok(!ruleIds(text).includes('vague-hedge'));
});

test('disable … enable ranges, and a bare disable silences everything after it', () => {
  const body = hedged('');
  const ranged = body.replace('## Key Judgement 1', '<!-- brief-disable vague-hedge -->\n\n## Key Judgement 1').replace('## Sources', '<!-- brief-enable vague-hedge -->\n\n## Sources');
  assert.ok(!ruleIds(ranged).includes('vague-hedge'));
  const after = body.replace('## Sources', '<!-- brief-disable vague-hedge -->\n\n## Sources');
  assert.ok(ruleIds(after).includes('vague-hedge'), 'a range that starts after the finding does not cover it');
  const all = body.replace('## Summary', '<!-- brief-disable -->\n\n## Summary');
  assert.deepEqual(ruleIds(all), []);
});

test('directives inside code blocks are not directives', () => {
  const text = hedged('').replace('## Key Judgement 1\n\n', '```\n<!-- brief-disable -->\n```\n\n## Key Judgement 1\n\n');
  assert.ok(ruleIds(text).includes('vague-hedge'));
});

test('requireSuppressionReason turns on suppression-reason, whose findings cannot be suppressed', async () => {
  const {defaultConfig} = await import('./config/types.js');
  const text = hedged('<!-- brief-disable-line vague-hedge --> ');
  assert.ok(!lintText(text).findings.some((f) => f.ruleId === 'suppression-reason'), 'off by default');
  const config = {...defaultConfig(), requireSuppressionReason: true};
  const findings = lintText(text, {config}).findings;
  assert.ok(findings.some((f) => f.ruleId === 'suppression-reason'));
  assert.ok(!findings.some((f) => f.ruleId === 'vague-hedge'), 'the comment still suppresses what it names');
});
