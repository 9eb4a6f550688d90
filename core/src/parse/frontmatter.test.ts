import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseFrontMatter} from './frontmatter.js';

test('no front matter', () => {
  assert.equal(parseFrontMatter('# Title\n'), undefined);
  assert.equal(parseFrontMatter('text\n---\nx: 1\n---\n'), undefined);
});

test('keys with exact ranges, CRLF and a BOM', () => {
  const text = '\uFEFF---\r\ntitle: Ports\r\nscale: icd203\r\n---\r\n# Ports\r\n';
  const fm = parseFrontMatter(text)!;
  assert.deepEqual(fm.data, {title: 'Ports', scale: 'icd203'});
  const scale = fm.entries.find((e) => e.key === 'scale')!;
  assert.equal(text.slice(scale.keyRange.start, scale.keyRange.end), 'scale');
  assert.equal(text.slice(scale.valueRange.start, scale.valueRange.end), 'icd203');
  assert.equal(text.slice(fm.range.end), '# Ports\r\n');
});

test('invalid YAML: an error at the exact position, and a lenient read of plain keys', () => {
  const text = '---\ntitle: Ports\nscale: phia\nbad: [unclosed\n---\n';
  const fm = parseFrontMatter(text)!;
  assert.ok(fm.errors.length > 0);
  const e = fm.errors[0];
  assert.ok(e.range.start >= text.indexOf('bad:'), `error at ${e.range.start}`);
  assert.ok(e.range.end <= text.lastIndexOf('---'));
  assert.equal(fm.data.scale, 'phia');
});

test('unclosed front matter is an error, not a crash', () => {
  const fm = parseFrontMatter('---\ntitle: x\n# Heading\n')!;
  assert.match(fm.errors[0].message, /no closing/);
});

test('a list is not a mapping', () => {
  const fm = parseFrontMatter('---\n- a\n- b\n---\n')!;
  assert.match(fm.errors[0].message, /key: value/);
});

test('duplicate keys are an error', () => {
  const fm = parseFrontMatter('---\ntitle: a\ntitle: b\n---\n')!;
  assert.ok(fm.errors.length > 0);
});
