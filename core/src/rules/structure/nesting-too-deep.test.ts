import {test} from 'node:test';
import assert from 'node:assert/strict';
import {testRule, brief} from '../../testing/rule-tester.js';
import {lintText} from '../../linter.js';

const deep = (levels: number, text: string) => '- '.repeat(levels) + text;
const S = 'The ferry strike is likely to end within the next month.';

testRule('nesting-too-deep', {
  valid: [
    brief(),
    {name: '45 levels are read', text: brief({judgements: [{statement: S, evidence: [deep(44, 'Sailings fell in September.[^s1]')]}]})},
  ],
  invalid: [
    {
      name: '60 levels: the first line not read is marked',
      text: brief({extra: `\n## Background\n\n⟦${deep(60, 'Sailings fell in September.')}⟧\n`}),
      messages: ['nested too deep here'],
    },
  ],
});

test('what follows a too-deep list in the section is reported as unchecked, and later sections are checked', () => {
  const text = brief({judgements: [{statement: S, evidence: [deep(59, 'Sailings fell in September.'), 'Fees rose by 40% last year.']}, {statement: 'Crews are unlikely to return within the next week.', evidence: ['Officials said "no deal is near" on Monday.']}]});
  const ids = lintText(text).findings.map((f) => f.ruleId);
  assert.ok(ids.includes('nesting-too-deep'));
  // The second judgement's uncited quotation is still found.
  assert.ok(ids.includes('uncited-claim'));
});
