import {test} from 'node:test';
import assert from 'node:assert/strict';
import {appendPoint, endsWithBlankLine, firstEndingAfter, ListedNames, spanIndexAt} from './units.js';

// Sentences of a block: sorted, non-overlapping, with gaps between them.
const spans = [{start: 0, end: 10}, {start: 11, end: 20}, {start: 22, end: 30}];

test('firstEndingAfter: the first span whose end is past the position, as a scan finds it', () => {
  for (let pos = -1; pos <= 31; pos++) {
    const scan = spans.findIndex((s) => s.end > pos);
    assert.equal(firstEndingAfter(spans, pos), scan === -1 ? spans.length : scan, `at ${pos}`);
  }
  assert.equal(firstEndingAfter([], 5), 0);
});

test('spanIndexAt: the span holding the position, -1 in a gap or outside', () => {
  for (let pos = -1; pos <= 31; pos++) {
    assert.equal(spanIndexAt(spans, pos), spans.findIndex((s) => s.start <= pos && pos < s.end), `at ${pos}`);
  }
});

test('endsWithBlankLine reads only the trailing white space, and agrees with the anchored pattern', () => {
  const anchored = /\n[ \t]*\r?\n\s*$/;
  const ends = ['', '\n', '\n\n', '\n \t\n', '\r\n\r\n', '\n\r\n', '\r\n \r\n  ', '\n\u00a0\n', '\n \n\u2003', ' \n', '\n\u2028', '\n\r\r\n', '\n \t \n\n\n'];
  for (const body of ['', 'text', 'line one\n\nline two', 'ends in a paragraph\n\n\u3000']) {
    for (const end of ends) {
      const text = body + end;
      assert.equal(endsWithBlankLine(text), anchored.test(text), JSON.stringify(text));
    }
  }
});

test('appendPoint: a new block after a blank line, a line break or none', () => {
  assert.deepEqual(appendPoint('para\n\n', false), {at: 6, prefix: ''});
  assert.deepEqual(appendPoint('para\n', false), {at: 5, prefix: '\n'});
  assert.deepEqual(appendPoint('para', false), {at: 4, prefix: '\n\n'});
  assert.deepEqual(appendPoint('para\r\n', false), {at: 6, prefix: '\r\n'});
  assert.deepEqual(appendPoint('[^a]: x\n', true), {at: 8, prefix: ''});
  assert.deepEqual(appendPoint('[^a]: x', true), {at: 7, prefix: '\n'});
  assert.deepEqual(appendPoint(' \n', false), {at: 2, prefix: ''});
});

test('ListedNames answers as a scan of every text does', () => {
  const texts = ['harbour gazette, 2026. b2.', 'ministry of ports, annual report 2025', 'the islands gazette', 'port office', 'ab', ''];
  const listed = new ListedNames(texts);
  const names = ['harbour gazette', 'gazette', 'islands gazette', 'ministry of ports', 'inistry', 'port', 'port office', 'ports office', 'harbour times', 'gaz', 'zzz', 'abc', 'he islands', 'annual report 2025', 'gazette, 2026'];
  for (const name of names) {
    const scan = texts.some((t) => t.includes(name));
    assert.equal(listed.has(name), scan, name);
    assert.equal(listed.has(name), scan, `${name}, asked again`);
  }
  // Every piece of every text, and pieces that span two texts' join, against the scan.
  for (const t of texts) for (let a = 0; a < t.length; a++) for (let b = a + 3; b <= t.length; b++) assert.equal(listed.has(t.slice(a, b)), true, t.slice(a, b));
  assert.equal(listed.has('b2.the'), texts.some((t) => t.includes('b2.the')));
});
