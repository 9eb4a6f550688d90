import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {fromCodeUnits, fromCodeUnitsPortable, ownCopy, toCodeUnits, toCodeUnitsPortable} from './utf16.js';

const samples = ['', 'a', 'plain ASCII text', 'é ü — “quotes”', '😀 emoji', 'lone \uD800 high', 'lone \uDC00 low', '\uDC00\uD800', 'x'.repeat(20000) + '\uD83D'];

test('code units round-trip every string exactly, lone surrogates included', () => {
  for (const [to, from] of [[toCodeUnits, fromCodeUnits], [toCodeUnitsPortable, fromCodeUnitsPortable]] as const) {
    for (const s of samples) {
      const units = to(s);
      assert.equal(units.length, s.length);
      for (let i = 0; i < s.length; i += 997) assert.equal(units[i], s.charCodeAt(i));
      assert.equal(from(units), s);
    }
  }
  fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 300}), (s) => fromCodeUnits(toCodeUnits(s)) === s && fromCodeUnitsPortable(toCodeUnitsPortable(s)) === s));
});

test('code units are a private, writable copy', () => {
  const s = 'abc';
  const units = toCodeUnits(s);
  units[0] = 32;
  assert.equal(fromCodeUnits(units), ' bc');
  assert.equal(s, 'abc');
  // Two conversions never share memory (Buffer's small-string pool is sliced, not shared).
  const other = toCodeUnits('xyz');
  units[1] = 32;
  assert.equal(fromCodeUnits(other), 'xyz');
});

test('ownCopy returns an equal string', () => {
  for (const s of samples) assert.equal(ownCopy(s.slice(1)), s.slice(1));
});
