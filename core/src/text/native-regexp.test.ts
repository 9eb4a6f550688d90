import {test} from 'node:test';
import assert from 'node:assert/strict';
import {compileNative, nativeOnFirstUse} from './native-regexp.js';
import {ATTRIBUTION, NUMBER, TIMEFRAME} from '../analysis/patterns.js';

const TEXTS = [
  'The ferry strike is likely to end within the next month, officials said; by 2027 it will be over.',
  'Sailings fell by 40% (from 1,200 to 720) according to the port authority’s figures — “a collapse”.',
  'No numbers, no time, nothing here.',
  '',
];

function matches(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(`${m.index}:${m[0]}`);
    if (!re.global) break;
  }
  return out;
}

test('a pattern compiled to native code first finds what the same pattern compiled the usual way finds', () => {
  for (const pattern of [TIMEFRAME, ATTRIBUTION, NUMBER, /\bwill\b/iu, /\d+/]) {
    const usual = new RegExp(pattern.source, pattern.flags);
    const native = new RegExp(pattern.source, pattern.flags);
    compileNative(native);
    assert.equal(native.lastIndex, 0);
    for (const text of TEXTS) assert.deepEqual(matches(native, text), matches(usual, text), `${pattern.source.slice(0, 40)} on ${text}`);
  }
  // The patterns under test find something, or the comparison above would say little.
  assert.ok(matches(TIMEFRAME, TEXTS[0]).length >= 2);
  assert.ok(matches(ATTRIBUTION, TEXTS[1]).length >= 1);
  assert.ok(matches(NUMBER, TEXTS[1]).length >= 3);
});

test('compileNative leaves lastIndex at 0 even for a pattern that matches blank text', () => {
  const blank = /\s+/g;
  blank.lastIndex = 7;
  compileNative(blank);
  assert.equal(blank.lastIndex, 0);
});

test('nativeOnFirstUse gives back the pattern itself, and compiles it only the first time', () => {
  let tests = 0;
  class Counted extends RegExp {
    override test(s: string): boolean {
      tests++;
      return super.test(s);
    }
  }
  const counted = new Counted('likely', 'giu');
  const get = nativeOnFirstUse(counted);
  assert.equal(tests, 0, 'nothing is compiled before the first use');
  assert.equal(get(), counted);
  assert.equal(get(), counted);
  assert.equal(tests, 1);
});
