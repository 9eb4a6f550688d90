import {test} from 'node:test';
import assert from 'node:assert/strict';
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
