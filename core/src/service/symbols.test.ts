import {test} from 'node:test';
import assert from 'node:assert/strict';
import {documentSymbols} from './symbols.js';
import {foldingRanges} from './folding.js';
import {parseBrief} from '../parse/document.js';
import type {SymbolNode} from './types.js';

const BRIEF = `---
title: Ferries
scale: phia
---

# Ferries

## Summary

The operators are highly likely to resume the night ferry within three months.

## Key Judgement 1

The operators are highly likely to resume the night ferry within three months.

- Crews were hired in June.[^a]
  - Twelve of them are licensed for night work.
- The harbour extended opening hours.

### Evidence from the unions

- The union endorsed the plan.[^b]

## KJ 2: Fares may rise before the 2027 budget

- The regulator froze fares.

<!-- reviewer: check
the fare figures -->

## Sources

[^a]: Islands Gazette, 2026-10-01. Grade B2.
[^b]: Union bulletin, 3 Sep 2026.
`;

/** name (detail) [kind] with children indented. */
function outline(nodes: SymbolNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.name}${n.detail ? ` (${n.detail})` : ''} [${n.kind}]`, ...outline(n.children, depth + 1)]);
}

function checkRanges(text: string, nodes: SymbolNode[], parent?: SymbolNode) {
  for (const n of nodes) {
    assert.ok(n.name.length > 0, 'names are never empty');
    assert.ok(n.start <= n.selectionStart && n.selectionEnd <= n.end, `selection of ${n.name} inside its range`);
    if (parent) assert.ok(parent.start <= n.start && n.end <= parent.end, `${n.name} inside ${parent.name}`);
    assert.ok(!/\s/.test(text[n.end - 1]), `${n.name} ends on a non-blank character`);
    checkRanges(text, n.children, n);
  }
}

test('document symbols: a tree by heading level, judgements with likelihood and evidence, sources', () => {
  const doc = parseBrief(BRIEF);
  const symbols = documentSymbols(doc);
  assert.deepEqual(outline(symbols), [
    'Ferries [title]',
    '  Summary [summary]',
    '  Key judgement 1 (highly likely · ≈80–≈90% · 3 evidence · 2 sourced) [judgement]',
    '    Evidence from the unions [section]',
    '  Key judgement 2 (no likelihood · 1 evidence · 0 sourced) [judgement]',
    '  Sources [sources]',
    '    [^a] (Islands Gazette, 2026-10-01. Grade B2.) [source]',
    '    [^b] (Union bulletin, 3 Sep 2026.) [source]',
  ]);
  checkRanges(BRIEF, symbols);
  const kj1 = symbols[0].children[1];
  assert.equal(BRIEF.slice(kj1.selectionStart, kj1.selectionEnd), 'Key Judgement 1');
  assert.equal(BRIEF.slice(kj1.start, kj1.start + 18), '## Key Judgement 1');
  assert.ok(BRIEF.slice(kj1.start, kj1.end).endsWith('The union endorsed the plan.[^b]'), 'with its subsections');
  const a = symbols[0].children[3].children[0];
  assert.equal(BRIEF.slice(a.selectionStart, a.selectionEnd), 'a');
});

test('document symbols: list-layout judgements, Sources entries, off-scale detail', () => {
  const text = `# Ferries

## Key Judgements

1. The ferry is very likely to sail in May.
2. Fares will rise.

## Background

Text.

## Sources

1. S1. Harbour Gazette, 2026-10-01. A1.
2. Union bulletin, 2026-09-03.
`;
  const symbols = documentSymbols(parseBrief(text));
  assert.deepEqual(outline(symbols), [
    'Ferries [title]',
    '  Key Judgements [judgements]',
    '    Key judgement 1 (very likely · 80–95% (off scale)) [judgement]',
    '    Key judgement 2 (no likelihood) [judgement]',
    '  Background [section]',
    '  Sources [sources]',
    '    S1 (Harbour Gazette, 2026-10-01. A1.) [source]',
    '    2 (Union bulletin, 2026-09-03.) [source]',
  ]);
  checkRanges(text, symbols);
});

test('document symbols: no title heading, empty heading, preamble text', () => {
  const text = `Some preamble.

## Summary

It is likely.

##

## Key Judgement 1
`;
  const symbols = documentSymbols(parseBrief(text));
  assert.deepEqual(outline(symbols), ['Summary [summary]', '(untitled section) [section]', 'Key judgement 1 (no statement) [judgement]']);
  checkRanges(text, symbols);
  assert.deepEqual(documentSymbols(parseBrief('')), []);
});

test('folding: front matter, sections to their last non-blank line, lists, comments', () => {
  const folds = foldingRanges(parseBrief(BRIEF));
  const lines = BRIEF.split('\n');
  const show = folds.map((f) => `${f.startLine}-${f.endLine}${f.kind ? ' ' + f.kind : ''}: ${lines[f.startLine]}`);
  assert.deepEqual(show, [
    '0-3: ---',
    '5-33: # Ferries',
    '7-9: ## Summary',
    '11-21: ## Key Judgement 1',
    '15-17: - Crews were hired in June.[^a]',
    '19-21: ### Evidence from the unions',
    '23-28: ## KJ 2: Fares may rise before the 2027 budget',
    '27-28 comment: <!-- reviewer: check',
    '30-33: ## Sources',
  ]);
  for (const f of folds) assert.ok(lines[f.endLine].trim() !== '', 'ends on a non-blank line');
});

test('folding: list items with nested content, code blocks, CRLF', () => {
  const text = '# T\r\n\r\n## Evidence\r\n\r\n- one\r\n  - nested\r\n- two\r\n\r\n```\r\ncode\r\n```\r\n\r\n- solo\r\n';
  const folds = foldingRanges(parseBrief(text));
  assert.deepEqual(folds, [
    {startLine: 0, endLine: 12},
    {startLine: 2, endLine: 12},
    {startLine: 4, endLine: 6},
    {startLine: 8, endLine: 10},
  ]);
  const item = foldingRanges(parseBrief('# T\n\nIntro.\n- one\n  - nested\n  more\n- two\n'));
  assert.ok(item.some((f) => f.startLine === 3 && f.endLine === 6), 'the list');
  assert.deepEqual(foldingRanges(parseBrief('')), []);
  const regions = foldingRanges(parseBrief('Intro.\n\n<!-- #region drafts -->\n\nOne.\n\nTwo.\n\n<!-- #endregion -->\n'));
  assert.deepEqual(regions, [{startLine: 2, endLine: 8, kind: 'region'}]);
  assert.deepEqual(foldingRanges(parseBrief('# Only a title\n')), []);
});
