import {test} from 'node:test';
import assert from 'node:assert/strict';
import {testRule, brief, lintWith, stripMarkers} from '../../testing/rule-tester.js';

const S = ['The strike is likely to continue over the next month.', 'The port authority is unlikely to concede before the spring.', 'Freight is likely to divert to the northern ports by December.'];
const kjs = (...headings: string[]) => brief({judgements: headings.map((heading, i) => ({heading, statement: S[i % S.length]}))});
const list = (...markers: string[]) => brief({extra: `\n## Key Judgements\n\n${markers.map((m, i) => `${m} ${S[i % S.length]}`).join('\n')}\n`, judgements: []});

testRule('judgement-numbering', {
  valid: [
    brief(),
    kjs('Key Judgement 1', 'Key Judgement 2', 'Key Judgement 3'),
    {name: 'other heading forms', text: kjs('KJ 1', 'Key Judgment #2', 'Judgement 3: freight')},
    {name: 'a year in the heading after the number', text: kjs('Key Judgement 1: strikes until 2027', 'Key Judgement 2')},
    {name: 'an ordered list', text: list('1.', '2.', '3.')},
    {name: 'an ordered list written 1. 1. 1. (renders 1, 2, 3)', text: list('1.', '1.', '1.')},
    {name: 'a bulleted list has no numbers', text: list('-', '-', '-')},
  ],
  invalid: [
    {
      name: 'a skipped number',
      text: brief({judgements: [{heading: 'Key Judgement 1', statement: S[0]}, {heading: 'Key Judgement ⟦3⟧', statement: S[1]}]}),
      messages: ['Key judgement 3 is out of sequence: the numbering skips from 1 to 3. As the second key judgement, number it 2.'],
      output: kjs('Key Judgement 1', 'Key Judgement 2'),
    },
    {
      name: 'a repeated number',
      text: brief({judgements: [{heading: 'KJ 1', statement: S[0]}, {heading: 'KJ 2', statement: S[1]}, {heading: 'KJ ⟦2⟧', statement: S[2]}]}),
      messages: ['number 2 is already used by an earlier key judgement. As the third key judgement, number it 3.'],
      output: kjs('KJ 1', 'KJ 2', 'KJ 3'),
    },
    {
      name: 'not starting at 1: reported once, where the sequence breaks; one fix renumbers all',
      text: brief({judgements: [{heading: 'Key Judgement ⟦2⟧', statement: S[0]}, {heading: 'Key Judgement 3', statement: S[1]}]}),
      messages: ['should be numbered from 1, but the first is numbered 2'],
      output: kjs('Key Judgement 1', 'Key Judgement 2'),
    },
    {
      name: 'numbered from 0: only the 0 is out of place (the 2 after it is already right)',
      text: brief({judgements: [{heading: 'Key Judgement ⟦0⟧', statement: S[0]}, {heading: 'Key Judgement 2', statement: S[1]}]}),
      messages: ['should be numbered from 1, but the first is numbered 0'],
      output: kjs('Key Judgement 1', 'Key Judgement 2'),
    },
    {
      name: 'numbered backwards',
      text: brief({judgements: [{heading: 'Key Judgement 1', statement: S[0]}, {heading: 'Key Judgement ⟦3⟧', statement: S[1]}, {heading: 'Key Judgement ⟦2⟧', statement: S[2]}]}),
      messages: ['skips from 1 to 3', 'it comes after key judgement 3'],
      output: kjs('Key Judgement 1', 'Key Judgement 2', 'Key Judgement 3'),
    },
    {
      name: 'the number inside emphasis and after a colon heading',
      text: brief({judgements: [{heading: '**Key Judgement 1**', statement: S[0]}, {heading: '**Key Judgement ⟦4⟧**: freight', statement: S[1]}]}),
      output: brief({judgements: [{heading: '**Key Judgement 1**', statement: S[0]}, {heading: '**Key Judgement 2**: freight', statement: S[1]}]}),
    },
    {
      name: 'a gap in the middle: one finding, later judgements renumbered by the same fix',
      text: kjs('Key Judgement 1', 'Key Judgement ⟦3⟧', 'Key Judgement 4'),
      output: kjs('Key Judgement 1', 'Key Judgement 2', 'Key Judgement 3'),
    },
    {
      name: 'an ordered list with a gap',
      text: list('1.', '⟦3⟧.'),
      output: list('1.', '2.'),
    },
    {
      name: 'an ordered list with ) markers starting at 0',
      text: list('⟦0⟧)', '1)'),
      output: list('1)', '2)'),
    },
  ],
});

test('judgement-numbering points at the previous judgement', () => {
  const {text} = stripMarkers(kjs('Key Judgement 1', 'Key Judgement 3'));
  const [f] = lintWith('judgement-numbering', text);
  assert.ok(f.related && f.related.length === 1);
  assert.equal(text.slice(f.related[0].start, f.related[0].end), '1');
  assert.match(f.related[0].message, /previous key judgement is numbered 1/);
});
