import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseBrief} from './document.js';
import {SectionCache} from './cache.js';
import {lintText} from '../linter.js';

const slice = (text: string, r: {start: number; end: number}) => text.slice(r.start, r.end);

const HEADING_LAYOUT = `---
title: Ferries
scale: phia
---

# Ferries

## Summary

The operators are likely to resume the night ferry within three months.

## Key Judgement 1

The operators are likely to resume the night ferry within three months.

- Crews were hired in June.[^a]
  - Twelve of them are licensed for night work.
- The harbour extended opening hours.

Further context in a paragraph.

### Evidence from the unions

- The union endorsed the plan.[^b]

## KJ 2: Fares are unlikely to rise before the 2027 budget

- The regulator froze fares.[^a]

## Sources

[^a]: Islands Gazette, 2026-10-01. Grade B2.
[^b]: Union bulletin, 3 Sep 2026.
`;

test('heading layout: statement, evidence items, nested and subsection evidence, citations', () => {
  const doc = parseBrief(HEADING_LAYOUT);
  assert.equal(doc.title?.text, 'Ferries');
  assert.equal(doc.scale.id, 'phia');
  assert.equal(doc.scaleOrigin, 'front-matter');
  assert.deepEqual(doc.sections.map((s) => s.role), ['preamble', 'title', 'summary', 'judgement', 'other', 'judgement', 'sources']);
  assert.equal(doc.judgements.length, 2);
  const [j1, j2] = doc.judgements;
  assert.equal(j1.number, 1);
  assert.equal(slice(doc.text, j1.statement!), 'The operators are likely to resume the night ferry within three months.');
  assert.equal(j1.evidence.length, 4, 'two list items, one paragraph, one item in the subsection');
  assert.equal(j1.evidence[0].blocks.length, 2, 'the nested item belongs to its parent item');
  assert.deepEqual(j1.evidence.map((e) => e.citations.length), [1, 0, 0, 1]);
  assert.equal(j2.number, 2);
  assert.equal(slice(doc.text, j2.statement!), 'Fares are unlikely to rise before the 2027 budget', 'the heading carries the judgement');
  assert.equal(j2.evidence.length, 1);
  assert.deepEqual(doc.sources.map((s) => [s.id, s.grade, s.date, s.citedBy.length]), [['a', 'B2', '2026-10-01', 2], ['b', undefined, '3 Sep 2026', 1]]);
});

test('list layout: each item of the Key Judgements section is a judgement; an intro line is not', () => {
  const text = `# Grain\n\n## Key Judgements\n\nWe assess that:\n\n1. Exports are likely to fall by 2027.\n2. Prices are highly likely to rise within six months.\n\n## Discussion\n\nHarvests failed in May.[^x]\n\n[^x]: Ministry report, 2026.\n`;
  const doc = parseBrief(text);
  assert.deepEqual(doc.judgements.map((j) => [j.layout, j.number, slice(text, j.statement!)]), [
    ['list', 1, 'Exports are likely to fall by 2027.'],
    ['list', 2, 'Prices are highly likely to rise within six months.'],
  ]);
  assert.deepEqual(doc.evidenceBlocks.map((b) => slice(text, b)), ['Harvests failed in May.[^x]']);
});

test('sources section entries with ids, cited as [S1]', () => {
  const text = `# T\n\n## Key Judgement 1\n\nPrices are likely to rise by 2027.\n\n- Stocks fell [S1].\n- Imports slowed [S3].\n\n## Sources\n\n- [S1] Ministry of Trade, stock report, 2026-02-01, B2.\n- [S2] Port statistics, 2026.\n`;
  const doc = parseBrief(text);
  assert.deepEqual(doc.sources.map((s) => [s.kind, s.id, s.grade]), [['entry', 'S1', 'B2'], ['entry', 'S2', undefined]]);
  assert.equal(doc.sources[0].citedBy.length, 1);
  const s3 = doc.citations.find((c) => c.id === 'S3')!;
  assert.equal(s3.resolved, false);
});

test('definitions: lines in code blocks are not definitions, lines between and after them are; link labels match as markdown-it defines them', () => {
  const text = [
    '# T', '', '## Sources', '',
    '```', '[^a]: in a fence', '[ref]: https://example.org/fenced', '```', '',
    '[^b]: Between the blocks.', '',
    '    [^c]: indented code', '',
    '[^d]: After the indented code.', '',
    '```text', '[^e]: in a second fence', '```', '',
    '[Port  Office]: https://example.org/port', '[^f]: Last.', '',
    'A paragraph', '[not]: https://example.org/continuation', '',
  ].join('\n');
  const doc = parseBrief(text);
  const defined = doc.sources.filter((s) => s.kind !== 'entry');
  assert.deepEqual(defined.map((s) => [s.kind, s.id]), [['footnote', 'b'], ['footnote', 'd'], ['link', 'Port  Office'], ['footnote', 'f']]);
});

test('sections are cached by text: an edit re-analyses only the edited section', () => {
  const cache = new SectionCache();
  parseBrief(HEADING_LAYOUT, {cache});
  const before = cache.misses;
  const edited = HEADING_LAYOUT.replace('The harbour extended', 'The harbour quietly extended');
  const doc = parseBrief(edited, {cache});
  assert.equal(cache.misses - before, 1);
  assert.ok(doc.judgements[0].evidence[1].blocks[0].masked.includes('quietly'));
});

test('findings have exact UTF-16 ranges with CRLF line ends and astral characters', () => {
  const text = [
    '---', 'title: Test 🚢', 'scale: phia', '---', '', '# Test 🚢', '', '## Summary', '', 'Ferries 🚢🚢 are highly likely to sail within the next three months.', '',
    '## Key Judgement 1', '', 'Ferries 🚢🚢 are very likely to sail within the next three months.', '', '- Crews 👷 were hired in June.[^a]', '', '[^a]: Gazette, 2026-01-01.', '',
  ].join('\r\n');
  const {findings, doc} = lintText(text);
  const off = findings.find((f) => f.ruleId === 'term-off-scale');
  assert.ok(off, 'term-off-scale finding');
  assert.equal(text.slice(off.start, off.end), 'very likely');
  const pos = doc.lines.positionAt(off.start);
  assert.equal(pos.line, 13);
  assert.equal(pos.character, 'Ferries 🚢🚢 are '.length);
});

test('any text parses without throwing', () => {
  for (const text of ['', '---', '---\n', '# ', '\u0000\u0001', '[^', '```', '> > > - - -', '|a|\n|-|', '<!--', '\r\r\r', '##'.repeat(1000), '- '.repeat(5000)]) {
    assert.doesNotThrow(() => lintText(text), JSON.stringify(text.slice(0, 20)));
  }
});

test('a judgement carried by its heading, with emphasis and a citation in the heading', () => {
  const text = '# T\n\n## **KJ 2**: Fares  may rise before the budget [S1]\n\n- The regulator froze fares.[^a]\n\n[^a]: Notice, 2026.\n';
  const doc = parseBrief(text);
  const j = doc.judgements[0];
  assert.equal(slice(text, j.statement!), 'Fares  may rise before the budget [S1]');
});
