import {test} from 'node:test';
import assert from 'node:assert/strict';
import {applyFixes} from './fix.js';
import type {Fix, TextEdit} from './rules/types.js';

/** The rule applyFixes keeps, written out the slow way: each edit against every edit taken before it. */
function byScan(text: string, fixes: Fix[]): {text: string; applied: Fix[]; skipped: Fix[]} {
  const overlaps = (a: TextEdit, b: TextEdit): boolean =>
    a.start === a.end && b.start === b.end ? a.start === b.start : a.start < b.end && b.start < a.end;
  const ordered = fixes
    .map((fix) => ({fix, edits: [...fix.edits].sort((a, b) => a.start - b.start)}))
    .filter((f) => f.edits.length > 0)
    .sort((a, b) => a.edits[0].start - b.edits[0].start);
  const taken: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const f of ordered) {
    const bad = f.edits.some((e, i) => (i > 0 && e.start < f.edits[i - 1].end) || e.start < 0 || e.end > text.length || e.end < e.start);
    if (bad || f.edits.some((e) => taken.some((x) => overlaps(x, e)))) skipped.push(f.fix);
    else {
      taken.push(...f.edits);
      applied.push(f.fix);
    }
  }
  // Spliced in from the last edit back, so that earlier offsets stay valid (edits at one place keep their order).
  const text2 = taken
    .map((e, i) => ({e, i}))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .reduceRight((t, {e}) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
  return {text: text2, applied, skipped};
}

/** A small deterministic generator (mulberry32), so a failure names the seed that found it. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('applyFixes takes and skips the same fixes as a scan of every earlier edit, and writes the same text', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const rnd = random(seed);
    const text = 'abcdefghijklmnopqrstuvwxyz'.slice(0, 5 + Math.floor(rnd() * 20));
    const fixes: Fix[] = Array.from({length: 1 + Math.floor(rnd() * 12)}, (_, n) => ({
      title: `fix ${n}`,
      edits: Array.from({length: 1 + Math.floor(rnd() * 3)}, (_, k) => {
        // Mostly small ranges and insertions on few places, so that edits meet, touch and clash.
        const start = Math.floor(rnd() * (text.length + 1));
        const end = rnd() < 0.4 ? start : Math.min(text.length + (rnd() < 0.05 ? 1 : 0), start + 1 + Math.floor(rnd() * 3));
        return {start, end, text: `<${n}.${k}>`};
      }),
    }));
    const got = applyFixes(text, fixes);
    const want = byScan(text, fixes);
    const titles = (list: Fix[]) => list.map((f) => f.title);
    assert.deepEqual(titles(got.applied), titles(want.applied), `seed ${seed}`);
    assert.deepEqual(titles(got.skipped), titles(want.skipped), `seed ${seed}`);
    assert.equal(got.text, want.text, `seed ${seed}`);
  }
});

test('applyFixes: what clashes and what does not', () => {
  const text = '0123456789';
  const fix = (title: string, ...edits: Array<[number, number]>): Fix => ({title, edits: edits.map(([start, end]) => ({start, end, text: title}))});
  const taken = (...fixes: Fix[]) => applyFixes(text, fixes).applied.map((f) => f.title);
  // Ranges that share a character clash; ranges that touch do not.
  assert.deepEqual(taken(fix('a', [2, 5]), fix('b', [4, 6])), ['a']);
  assert.deepEqual(taken(fix('a', [2, 5]), fix('b', [5, 6])), ['a', 'b']);
  // An insertion strictly inside a range clashes; at either end it does not.
  assert.deepEqual(taken(fix('a', [2, 5]), fix('b', [3, 3])), ['a']);
  assert.deepEqual(taken(fix('a', [3, 3]), fix('b', [2, 5])), ['b']);
  assert.deepEqual(taken(fix('a', [2, 5]), fix('b', [2, 2]), fix('c', [5, 5])), ['a', 'b', 'c']);
  // Two insertions at one place clash (their order would be a guess); at two places they do not.
  assert.deepEqual(taken(fix('a', [4, 4]), fix('b', [4, 4])), ['a']);
  assert.deepEqual(taken(fix('a', [4, 4]), fix('b', [6, 6])), ['a', 'b']);
  // A fix whose later edit clashes is skipped whole; a range far before a clash does not hide it.
  assert.deepEqual(taken(fix('a', [0, 1], [8, 9]), fix('b', [2, 3], [8, 8]), fix('c', [2, 3], [8, 9])), ['a', 'b']);
  // Edits out of the text are refused.
  assert.deepEqual(taken(fix('a', [9, 11]), fix('b', [-1, 0])), []);
  assert.equal(applyFixes(text, [fix('X', [2, 5]), fix('Y', [5, 5]), fix('Z', [5, 7])]).text, '01XYZ789');
});

test('applyFixes: an insertion where a replaced range starts goes before the replacement, whichever fix came first', () => {
  const replace = {title: 'replace', edits: [{start: 2, end: 5, text: 'X'}]};
  const insert = {title: 'insert', edits: [{start: 2, end: 2, text: 'Y'}]};
  // The replaced "234" is gone either way (it came back, after both, when the replacement was taken first).
  assert.equal(applyFixes('0123456789', [replace, insert]).text, '01YX56789');
  assert.equal(applyFixes('0123456789', [insert, replace]).text, '01YX56789');
  // The edits an editor is sent come in that order too.
  assert.deepEqual(applyFixes('0123456789', [replace, insert]).edits.map((e) => e.text), ['Y', 'X']);
  // Two insertions from one fix at one place keep their order.
  assert.equal(applyFixes('0123', [{title: 'two', edits: [{start: 1, end: 1, text: 'a'}, {start: 1, end: 1, text: 'b'}]}]).text, '0ab123');
});

test('applyFixes applies thousands of fixes against one long one (one key judgement renumbering all that follow)', () => {
  const text = 'n'.repeat(20_000);
  const all: Fix = {title: 'all', edits: Array.from({length: 10_000}, (_, i) => ({start: 2 * i, end: 2 * i + 1, text: 'N'}))};
  const own = Array.from({length: 10_000}, (_, i): Fix => ({title: `own ${i}`, edits: [{start: 2 * i, end: 2 * i + 1, text: 'M'}]}));
  const between = Array.from({length: 10_000}, (_, i): Fix => ({title: `between ${i}`, edits: [{start: 2 * i + 1, end: 2 * i + 2, text: 'b'}]}));
  const result = applyFixes(text, [all, ...own, ...between]);
  assert.equal(result.applied.length, 10_001);
  assert.equal(result.skipped.length, 10_000);
  assert.equal(result.text, 'Nb'.repeat(10_000));
});
