import {test} from 'node:test';
import assert from 'node:assert/strict';
import {firstEndingAfter, spanIndexAt} from './units.js';

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
