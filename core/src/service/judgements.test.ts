import {test} from 'node:test';
import assert from 'node:assert/strict';
import {codeLenses, judgementSummaries} from './judgements.js';
import {parseBrief} from '../parse/document.js';

const HEADINGS = `# Ferries

## Key Judgement 1

We have moderate confidence that the operators are highly likely to resume the night ferry within three months.

- Crews were hired in June.[^a]
- The harbour extended opening hours.
- Pilots agreed.[^missing]
- Tugs returned.[^b]

## KJ 2: Fares are very likely to rise before the 2027 budget

- The regulator froze fares.

## Key Judgement 3

The ferry will sail.

[^a]: Islands Gazette, 2026-10-01. B2.
[^b]: Union bulletin, 2026-09-03.
`;

test('code lenses on judgement headings: evidence, sourced evidence, likelihood band', () => {
  const lenses = codeLenses(parseBrief(HEADINGS));
  assert.deepEqual(lenses.map((l) => [HEADINGS.slice(l.start, l.end), l.title]), [
    ['Key Judgement 1', '4 evidence · 2 sourced · highly likely 80–90%'],
    ['KJ 2: Fares are very likely to rise before the 2027 budget', '1 evidence · 0 sourced · very likely 80–95% (off scale)'],
    ['Key Judgement 3', '0 evidence · 0 sourced · no likelihood'],
  ]);
});

test('code lenses in the list layout sit on the statement and give the likelihood only', () => {
  const text = '# T\n\n## Key Judgements\n\n1. The ferry is probably going to sail in May.\n2. Fares will rise.\n3. Strikes are a remote chance this winter.\n';
  assert.deepEqual(codeLenses(parseBrief(text)).map((l) => [text.slice(l.start, l.end), l.title]), [
    ['The ferry is probably going to sail in May.', 'likely 55–75%'],
    ['Fares will rise.', 'no likelihood'],
    ['Strikes are a remote chance this winter.', 'remote chance 0–5%'],
  ]);
  assert.deepEqual(codeLenses(parseBrief('# T\n\nNo judgements here.\n')), []);
});

test('judgement summaries for the preview', () => {
  const list = judgementSummaries(parseBrief(HEADINGS));
  assert.equal(list.length, 3);
  const [one, two, three] = list;
  assert.equal(one.index, 0);
  assert.equal(one.number, 1);
  assert.equal(one.name, 'Key judgement 1');
  assert.equal(one.layout, 'heading');
  assert.equal(one.text, 'We have moderate confidence that the operators are highly likely to resume the night ferry within three months.');
  assert.deepEqual(one.likelihood, {phrase: 'highly likely', term: 'highly likely', label: '≈80–≈90%', band: [80, 90], onScale: true, scaleName: 'UK PHIA Probability Yardstick'});
  assert.equal(one.confidence, 'moderate confidence');
  assert.equal(one.timeframe, 'within three months');
  assert.equal(one.evidenceCount, 4);
  assert.equal(one.sourcedEvidenceCount, 2);
  assert.ok(HEADINGS.slice(one.start, one.end).startsWith('## Key Judgement 1'));
  assert.ok(HEADINGS.slice(one.start, one.end).endsWith('Tugs returned.[^b]'));
  assert.equal(HEADINGS.slice(one.statementStart, one.statementEnd), one.text);

  assert.equal(two.text, 'Fares are very likely to rise before the 2027 budget', 'the heading label is left out');
  assert.equal(HEADINGS.slice(two.statementStart, two.statementEnd), two.text);
  assert.equal(two.likelihood?.onScale, false);
  assert.equal(two.likelihood?.scaleName, 'US ODNI ICD 203 expressions of likelihood');
  assert.equal(two.timeframe, 'before the 2027 budget');
  assert.equal(two.confidence, undefined);

  assert.equal(three.likelihood, undefined);
  assert.equal(three.evidenceCount, 0);
  assert.ok(!HEADINGS.slice(three.start, three.end).includes('[^a]:'), 'footnote definitions are not evidence');
});

test('judgement summaries: list layout and a heading without a statement', () => {
  const text = '# T\n\n## Key Judgements\n\n- The ferry is likely to sail in May.\n\n## Key Judgement 9\n';
  const [list, empty] = judgementSummaries(parseBrief(text));
  assert.equal(list.layout, 'list');
  assert.equal(list.number, undefined);
  assert.equal(text.slice(list.start, list.end), 'The ferry is likely to sail in May.');
  assert.equal(list.likelihood?.term, 'likely');
  assert.equal(empty.number, 9);
  assert.equal(empty.text, '');
  assert.equal(text.slice(empty.statementStart, empty.statementEnd), 'Key Judgement 9');
});
