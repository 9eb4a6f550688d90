import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {scanInline} from './inline.js';

test('masked text keeps length and offsets', () => {
  const src = 'A **bold** `code may` [link](https://x.org/a "t") and [^fn1] <b>tag</b> https://example.com/x.';
  const {masked, citations} = scanInline(src);
  assert.equal(masked.length, src.length);
  assert.equal(masked.indexOf('bold'), src.indexOf('bold'));
  assert.ok(!masked.includes('code may'), 'code spans are blanked');
  assert.ok(masked.includes('link') && !masked.includes('https://x.org'), 'link text kept, destination blanked');
  assert.ok(!masked.includes('[^fn1]'));
  assert.ok(!masked.includes('<b>'));
  assert.deepEqual(citations.map((c) => c.kind), ['link', 'footnote', 'url']);
  const fn = citations.find((c) => c.kind === 'footnote')!;
  assert.equal(src.slice(fn.start, fn.end), '[^fn1]');
  assert.equal(src.slice(fn.idStart, fn.idEnd), 'fn1');
  assert.equal(citations.find((c) => c.kind === 'url')!.url, 'https://example.com/x');
});

test('reference links, bracket ids, images and escapes', () => {
  const src = 'See [the report][r1], [S2] and ![chart](c.png) and \\[not a link].';
  const {masked, citations} = scanInline(src);
  assert.deepEqual(citations.map((c) => [c.kind, c.id]), [['reference', 'r1'], ['bracket', 'S2']]);
  assert.ok(!masked.includes('chart'));
  assert.ok(masked.includes('not a link'));
});

test('double-backtick code spans and unmatched backticks', () => {
  const {masked} = scanInline('a ``x ` y`` b `unclosed');
  assert.ok(!masked.includes('x ` y'));
  assert.ok(masked.includes('unclosed'));
});

test('HTML comments are collected', () => {
  const {comments} = scanInline('text <!-- brief-disable-line vague-hedge --> more', 100);
  assert.equal(comments.length, 1);
  assert.equal(comments[0].start, 105);
  assert.match(comments[0].body, /brief-disable-line/);
});

test('masking only blanks: same length, each character kept or made a space, every emphasis marker gone', () => {
  const pieces = ['a', 'word ', ' ', '\\', '\\[', '\\*', '`', '``', '<', '<!--', '-->', '<b>', '<https://x.org>', '[', ']', '(', ')', '[^1]', '](https://e.org)', '][ref]', '[S1]', '!', '*', '_', '~', 'x_y', 'https://ex.org/a_b', '\n', '"', '\u00e9', '\ud800'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 60}).map((p) => p.join('')), (text) => {
      const {masked, citations} = scanInline(text, 7);
      assert.equal(masked.length, text.length);
      for (let i = 0; i < text.length; i++) assert.ok(masked[i] === text[i] || masked[i] === ' ', `position ${i}`);
      assert.ok(!/[*~]/.test(masked));
      for (let k = 1; k < citations.length; k++) assert.ok(citations[k - 1].start <= citations[k].start);
      for (const c of citations) assert.ok(c.start >= 7 && c.end <= text.length + 7 && c.start < c.end);
    }),
    {numRuns: 3000},
  );
});
