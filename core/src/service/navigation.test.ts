import {test} from 'node:test';
import assert from 'node:assert/strict';
import {definition, prepareRename, references, rename} from './navigation.js';
import {marked, parseMarked, slice} from './marks.js';
import {parseBrief} from '../parse/document.js';
import {applyFixes} from '../fix.js';

const FOOTNOTES = `# Ferries

## Summary

The operators are likely to resume the service.[^gaz]

## Key Judgement 1

The operators are likely to resume the night ferry within three months.[^gaz]

- Crews were hired in June.[^gaz]
- Fares froze.[^reg]
- Pilots agreed.[^missing]
- Tugs returned.[^missing]

## Sources

[^gaz]: Islands Gazette, 2026-10-01. B2.
[^reg]: Regulator notice, 2026-09-03. A1.
`;

const doc = parseBrief(FOOTNOTES);
const at = (needle: string, plus = 0, from = 0) => {
  const i = FOOTNOTES.indexOf(needle, from);
  assert.ok(i >= 0, `no ${needle}`);
  return i + plus;
};
const texts = (ranges: Array<{start: number; end: number}>) => ranges.map((r) => slice(FOOTNOTES, r));

test('definition: from a footnote citation to its definition line, with the id to select', () => {
  for (const offset of [at('[^gaz]'), at('[^gaz]', 3), at('[^gaz]', 6)]) {
    const defs = definition(doc, offset);
    assert.equal(defs.length, 1);
    assert.equal(slice(FOOTNOTES, defs[0]), '[^gaz]: Islands Gazette, 2026-10-01. B2.');
    assert.equal(FOOTNOTES.slice(defs[0].selectionStart, defs[0].selectionEnd), 'gaz');
  }
  assert.deepEqual(definition(doc, at('[^missing]', 3)), [], 'undefined id');
  assert.deepEqual(definition(doc, at('Crews')), [], 'not on an id');
});

test('definition from the definition itself is the definition', () => {
  const defs = definition(doc, at('[^gaz]:', 3));
  assert.equal(FOOTNOTES.slice(defs[0].selectionStart, defs[0].selectionEnd), 'gaz');
});

test('references: every citation of the id, from a citation or from the definition', () => {
  const fromCitation = references(doc, at('[^gaz]', 2), false);
  assert.equal(fromCitation.length, 3);
  assert.deepEqual(texts(fromCitation), ['gaz', 'gaz', 'gaz']);
  const withDecl = references(doc, at('[^gaz]:', 2), true);
  assert.equal(withDecl.length, 4);
  assert.equal(withDecl[3].start, at('[^gaz]:', 2));
  assert.deepEqual(references(doc, at('[^reg]', 3), true).map((r) => r.start), [at('[^reg]', 2), at('[^reg]:', 2)]);
  // An id nothing defines: its citations.
  assert.equal(references(doc, at('[^missing]', 3), true).length, 2);
  assert.deepEqual(references(doc, at('Fares'), true), [], 'not on an id');
});

test('prepareRename: only on an id, with the id as placeholder', () => {
  const p = prepareRename(doc, at('[^gaz]', 4))!;
  assert.deepEqual({start: p.start, end: p.end}, {start: at('[^gaz]', 2), end: at('[^gaz]', 5)});
  assert.equal(p.placeholder, 'gaz');
  assert.equal(prepareRename(doc, at('[^reg]:', 2))!.placeholder, 'reg');
  assert.equal(prepareRename(doc, at('Islands')), undefined);
  assert.equal(prepareRename(doc, at('The operators')), undefined);
});

test('rename: the definition id and every citation; applying the edits keeps every citation resolved', () => {
  const edits = rename(doc, at('[^gaz]', 3), 'gazette-2026');
  assert.ok(Array.isArray(edits));
  assert.equal(edits.length, 4);
  assert.ok(edits.every((e) => e.text === 'gazette-2026' && slice(FOOTNOTES, e) === 'gaz'));
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i].start >= edits[i - 1].end, 'sorted, not overlapping');
  const after = applyFixes(FOOTNOTES, [{title: 'rename', edits}]).text;
  assert.equal((after.match(/\[\^gazette-2026\]/g) ?? []).length, 4);
  const reparsed = parseBrief(after);
  assert.ok(reparsed.citations.filter((c) => c.id === 'gazette-2026').every((c) => c.resolved));
  assert.equal(reparsed.sources.find((s) => s.id === 'gazette-2026')!.citedBy.length, 3);
});

test('rename of an undefined id renames its citations', () => {
  const edits = rename(doc, at('[^missing]', 4), 'pilots');
  assert.ok(Array.isArray(edits));
  assert.equal(edits.length, 2);
});

test('rename rejects spaces, brackets, an empty id and ids already in use', () => {
  const err = (r: ReturnType<typeof rename>) => (Array.isArray(r) ? '' : r.error);
  assert.match(err(rename(doc, at('[^gaz]', 3), 'islands gazette')), /spaces/);
  assert.match(err(rename(doc, at('[^gaz]', 3), 'gaz]x')), /bracket/);
  assert.match(err(rename(doc, at('[^gaz]', 3), '  ')), /empty/);
  assert.match(err(rename(doc, at('[^gaz]', 3), 'reg')), /already the id of another source \(line 19\)/);
  assert.match(err(rename(doc, at('[^gaz]', 3), 'REG')), /already/, 'footnote labels compare without case');
  assert.match(err(rename(doc, at('[^gaz]', 3), 'missing')), /already cited/);
  assert.match(err(rename(doc, at('Islands'), 'x')), /Place the cursor/);
  // The same id in another case is fine (no clash with itself).
  assert.ok(Array.isArray(rename(doc, at('[^gaz]', 3), 'GAZ')));
});

test('Sources-section ids: [S1] citations and "S1." / "[S2]" entries', () => {
  const source = `# Ferries

## Summary

The operators are likely to resume the service [S1], as the union says [S2].

## Key Judgement 1

Fares are unlikely to rise this year [S1].

## Sources

1. S1. Harbour Gazette, 2026-10-01. A1.
2. [S2] Union bulletin, 2026-09-03.
`;
  const d = parseBrief(source);
  const s1 = source.indexOf('[S1]') + 2;
  assert.equal(source.slice(definition(d, s1)[0].selectionStart, definition(d, s1)[0].selectionEnd), 'S1');
  assert.equal(references(d, s1, true).length, 3);
  const edits = rename(d, s1, 'S9');
  assert.ok(Array.isArray(edits));
  const after = applyFixes(source, [{title: 'rename', edits}]).text;
  assert.match(after, /service \[S9\]/);
  assert.match(after, /this year \[S9\]/);
  assert.match(after, /1\. S9\. Harbour/);
  // An entry written "[S2] Union…" is its own definition: one edit there, not two.
  const s2 = source.indexOf('[S2]') + 2;
  const e2 = rename(d, s2, 'S7');
  assert.ok(Array.isArray(e2));
  assert.equal(e2.length, 2);
  assert.match(applyFixes(source, [{title: 'rename', edits: e2}]).text, /2\. \[S7\] Union/);
  assert.equal(references(d, s2, false).length, 1);
  assert.match((rename(d, s1, 's2') as {error: string}).error, /already/);
});

test('reference links: [text][label] renames the label and its definition', () => {
  const {text, offset} = marked('# T\n\nSee [the notice][noti|ce] and [again][notice].\n\n[notice]: https://example.org/n\n');
  const d = parseBrief(text);
  assert.equal(prepareRename(d, offset)!.placeholder, 'notice');
  const edits = rename(d, offset, 'port-notice');
  assert.ok(Array.isArray(edits));
  assert.equal(applyFixes(text, [{title: 'r', edits}]).text, '# T\n\nSee [the notice][port-notice] and [again][port-notice].\n\n[port-notice]: https://example.org/n\n');
});

test('works across CRLF line ends and astral characters', () => {
  const {text, offset, doc: d} = parseMarked('# T 🚢\r\n\r\n## Summary\r\n\r\n🚢 The ferry is likely to sail.[^a|]\r\n\r\n[^a]: Gazette 🚢, 2026.\r\n');
  const edits = rename(d, offset, 'b');
  assert.ok(Array.isArray(edits));
  assert.equal(applyFixes(text, [{title: 'r', edits}]).text, text.replace(/\[\^a\]/g, '[^b]'));
});
