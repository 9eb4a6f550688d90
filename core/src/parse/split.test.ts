import {test} from 'node:test';
import assert from 'node:assert/strict';
import {splitSections} from './split.js';

const heads = (text: string) => splitSections(text, 0).map((c) => text.slice(c.start, c.end).split('\n')[0]);

test('cuts at ATX headings, keeps the preamble', () => {
  assert.deepEqual(heads('intro\n# A\ntext\n## B\nmore\n'), ['intro', '# A', '## B']);
});

test('headings inside fenced code are not cuts', () => {
  assert.deepEqual(heads('# A\n```\n# not a heading\n```\n## B\n'), ['# A', '## B']);
  assert.deepEqual(heads('# A\n~~~~\n# no\n~~~\n# still code\n~~~~\n## B\n'), ['# A', '## B']);
});

test('setext headings start their section at the paragraph', () => {
  assert.deepEqual(heads('# A\n\nSummary\n=======\ntext\n\nKey Judgement 1\n---\n'), ['# A', 'Summary', 'Key Judgement 1']);
});

test('a thematic break after a list is not a setext heading', () => {
  assert.deepEqual(heads('# A\n\n- item\n---\ntext\n'), ['# A']);
});

test('sections cover the text exactly', () => {
  const text = '---\nx: 1\n---\nintro\n# A\r\nb\r\n## C\r\n';
  const cuts = splitSections(text, 13);
  assert.equal(cuts[0].start, 13);
  assert.equal(cuts[cuts.length - 1].end, text.length);
  for (let i = 1; i < cuts.length; i++) assert.equal(cuts[i].start, cuts[i - 1].end);
});
