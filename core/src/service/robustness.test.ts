import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import * as service from './index.js';
import {parseBrief, type BriefDocument} from '../parse/document.js';
import {brief} from '../testing/rule-tester.js';

const inBounds = (doc: BriefDocument, r: {start: number; end: number}) => 0 <= r.start && r.start <= r.end && r.end <= doc.text.length;

function everyOffset(doc: BriefDocument, step = 1) {
  for (let offset = -1; offset <= doc.text.length + 1; offset += step) {
    const h = service.hover(doc, offset);
    if (h) {
      assert.ok(inBounds(doc, h) && h.markdown.length > 0);
      assert.ok(offset >= h.start && offset <= h.end, 'the hover covers the offset');
    }
    const c = service.completions(doc, offset);
    if (c.items.length) assert.ok(c.replaceStart <= offset && offset <= c.replaceEnd && c.replaceEnd <= doc.text.length);
    for (const d of service.definition(doc, offset)) assert.ok(inBounds(doc, d));
    for (const r of service.references(doc, offset, true)) assert.ok(inBounds(doc, r));
    const p = service.prepareRename(doc, offset);
    if (p) {
      const edits = service.rename(doc, offset, p.placeholder + 'x');
      assert.ok(Array.isArray(edits), JSON.stringify(edits));
      for (const e of edits) assert.ok(inBounds(doc, e));
    }
  }
  for (const fn of [service.documentSymbols, service.foldingRanges, service.documentLinks, service.semanticTokens, service.codeLenses, service.judgementSummaries] as Array<(d: BriefDocument) => unknown>) {
    assert.ok(Array.isArray(fn(doc)));
  }
}

test('every feature at every offset of the example briefs (LF and CRLF) returns ranges in bounds', () => {
  const dir = new URL('../../../../examples/', import.meta.url);
  const names = readdirSync(dir).filter((f) => f.endsWith('.md'));
  assert.ok(names.length > 0);
  for (const name of names) {
    const text = readFileSync(new URL(name, dir), 'utf8');
    everyOffset(parseBrief(text));
    everyOffset(parseBrief(text.replace(/\n/g, '\r\n')), 3);
  }
});

test('a brief typed character by character never makes a feature throw', () => {
  const full = brief({
    frontMatter: 'status: draft',
    summary: 'The operators are highly likely to resume the service [S1]. We have high confidence. 🚢',
    judgements: [
      {statement: 'The operators are likely to resume the night service within three months.[^s1]', evidence: ['Crews were hired.[^s1] `code [^x]` <!-- note -->', 'See [notice](https://example.org/n).']},
      {heading: 'KJ 2: Fares may rise before the budget', statement: '- The regulator froze fares.'},
    ],
    extra: '\n1. S1. Port notice, 2026. B2.\n',
  });
  for (let n = 0; n <= full.length; n += 5) {
    const doc = parseBrief(full.slice(0, n));
    for (const offset of [0, n >> 1, n - 1, n]) {
      service.hover(doc, offset);
      service.completions(doc, offset);
      service.references(doc, offset, true);
    }
    service.semanticTokens(doc);
    service.documentSymbols(doc);
    service.foldingRanges(doc);
  }
});
