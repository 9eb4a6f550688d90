import {test} from 'node:test';
import assert from 'node:assert/strict';
import {LineIndex} from './lines.js';

test('positions with LF, CRLF and CR line ends', () => {
  const text = 'ab\r\ncd\ne\rf';
  const li = new LineIndex(text);
  assert.equal(li.lineCount, 4);
  assert.deepEqual(li.positionAt(text.indexOf('c')), {line: 1, character: 0});
  assert.deepEqual(li.positionAt(text.indexOf('f')), {line: 3, character: 0});
  assert.equal(li.offsetAt({line: 1, character: 1}), text.indexOf('d'));
  assert.equal(li.lineEnd(0), 2);
  assert.equal(li.offsetAt({line: 0, character: 99}), 2, 'clamped to the line end, before \\r\\n');
});

test('columns count UTF-16 code units (an emoji is two)', () => {
  const text = 'a😀b\nc';
  const li = new LineIndex(text);
  assert.deepEqual(li.positionAt(text.indexOf('b')), {line: 0, character: 3});
  assert.equal(li.offsetAt({line: 0, character: 3}), 3);
});

test('out-of-range offsets and positions are clamped', () => {
  const li = new LineIndex('ab\ncd');
  assert.deepEqual(li.positionAt(-5), {line: 0, character: 0});
  assert.deepEqual(li.positionAt(999), {line: 1, character: 2});
  assert.equal(li.offsetAt({line: 99, character: 0}), 5);
  assert.equal(li.offsetAt({line: -1, character: 0}), 0);
});
