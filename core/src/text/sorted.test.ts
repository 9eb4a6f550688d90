import {test} from 'node:test';
import assert from 'node:assert/strict';
import {firstAtOrAfter, startOf} from './sorted.js';

test('firstAtOrAfter is the first index whose key is at or after the position, as a scan finds it', () => {
  const lists = [[], [5], [1, 3, 3, 3, 8], [0, 0, 0], Array.from({length: 50}, (_, i) => Math.floor(i / 3) * 2)];
  for (const keys of lists) {
    const list = keys.map((start) => ({start}));
    for (let at = -2; at <= (keys.at(-1) ?? 0) + 2; at++) {
      const scan = list.findIndex((x) => x.start >= at);
      assert.equal(firstAtOrAfter(list, at, startOf), scan === -1 ? list.length : scan, `${JSON.stringify(keys)} at ${at}`);
    }
  }
});

test('firstAtOrAfter reads the key through the function it is given', () => {
  const list = [{block: {start: 2}}, {block: {start: 4}}, {block: {start: 4}}, {block: {start: 9}}];
  assert.equal(firstAtOrAfter(list, 4, (c) => c.block.start), 1);
  assert.equal(firstAtOrAfter(list, 5, (c) => c.block.start), 3);
  assert.equal(firstAtOrAfter(list, 10, (c) => c.block.start), 4);
});
