import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {semanticTokens, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES} from './tokens.js';
import {bandClass} from './context.js';
import {parseBrief} from '../parse/document.js';
import {brief} from '../testing/rule-tester.js';
import type {SemanticToken} from './types.js';

function tokens(text: string): string[] {
  const list = semanticTokens(parseBrief(text));
  checkInvariants(text, list);
  return list.map((t) => `${t.type}${t.modifiers.length ? '.' + t.modifiers.join('.') : ''} ${text.slice(t.start, t.end)}`);
}

function checkInvariants(text: string, list: SemanticToken[]) {
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    assert.ok(t.end > t.start, 'no empty tokens');
    assert.ok(!/[\r\n]/.test(text.slice(t.start, t.end)), `token ${JSON.stringify(text.slice(t.start, t.end))} spans a line break`);
    assert.ok(SEMANTIC_TOKEN_TYPES.includes(t.type));
    for (const m of t.modifiers) assert.ok(SEMANTIC_TOKEN_MODIFIERS.includes(m));
    if (i > 0) assert.ok(t.start >= list[i - 1].end, `tokens overlap or are out of order at ${t.start}`);
    // Never splits a surrogate pair.
    const first = text.charCodeAt(t.start);
    assert.ok(!(first >= 0xdc00 && first <= 0xdfff), 'starts inside a surrogate pair');
  }
}

test('legend: types and modifiers the server and the client share', () => {
  assert.deepEqual([...SEMANTIC_TOKEN_TYPES], ['likelihood', 'confidence', 'citation', 'judgementHeading', 'hedge']);
  assert.deepEqual([...SEMANTIC_TOKEN_MODIFIERS], ['remote', 'unlikely', 'even', 'likely', 'certain', 'offScale', 'unresolved', 'declaration']);
});

test('band classes by band midpoint', () => {
  assert.equal(bandClass([0, 5]), 'remote');
  assert.equal(bandClass([10, 20]), 'unlikely', 'midpoint 15');
  assert.equal(bandClass([25, 35]), 'unlikely');
  assert.equal(bandClass([40, 50]), 'even');
  assert.equal(bandClass([55, 75]), 'likely');
  assert.equal(bandClass([80, 90]), 'certain');
  assert.equal(bandClass([2, 12]), 'remote');
});

test('likelihood, confidence, hedges, citations and judgement headings, in order', () => {
  const text = brief({
    summary: 'The operators are highly likely to resume the service; fares are very likely to rise. We have high confidence in this.',
    judgements: [
      {statement: 'The operators are likely to resume the night service within three months.[^s1]', evidence: ['Crews say it is likely and may happen soon.[^s1]']},
      {statement: 'Fares may rise, a remote chance.[^nope]'},
    ],
  });
  assert.deepEqual(tokens(text), [
    'likelihood.certain highly likely',
    'likelihood.certain.offScale very likely',
    'confidence high confidence',
    'judgementHeading Key Judgement 1',
    'likelihood.likely likely',
    'citation [^s1]',
    'citation [^s1]',
    'judgementHeading Key Judgement 2',
    'hedge may',
    'likelihood.remote remote chance',
    'citation.unresolved [^nope]',
    'citation.declaration s1',
  ]);
});

test('no likelihood or hedge tokens in evidence, quotations or other sections', () => {
  const text = '# T\n\n## Background\n\nIt is likely and may happen. We have high confidence.\n\n## Summary\n\n> It is highly likely.\n';
  assert.deepEqual(tokens(text), []);
});

test('a judgement carried by its heading: the heading is cut around the tokens inside it', () => {
  const text = '# T\n\n## KJ 2: Fares are unlikely to rise [S1] and may fall\n\n- The regulator froze fares.\n\n## Sources\n\n1. S1. Notice, 2026.\n';
  assert.deepEqual(tokens(text), [
    'judgementHeading KJ 2: Fares are',
    'likelihood.unlikely unlikely',
    'judgementHeading to rise',
    'citation [S1]',
    'judgementHeading and',
    'hedge may',
    'judgementHeading fall',
    'citation.declaration S1',
  ]);
});

test('a term across a line break is split into one token per line (LF, CRLF, list indentation)', () => {
  assert.deepEqual(tokens('# T\n\n## Summary\n\nThe ferry is highly\nlikely to sail.\n'), ['likelihood.certain highly', 'likelihood.certain likely']);
  assert.deepEqual(tokens('# T\r\n\r\n## Summary\r\n\r\nThe ferry is highly\r\nlikely to sail. We have moderate\r\nconfidence.\r\n'), [
    'likelihood.certain highly',
    'likelihood.certain likely',
    'confidence moderate',
    'confidence confidence',
  ]);
  assert.deepEqual(tokens('# T\n\n## Key Judgements\n\n- The ferry is a remote\n  chance.\n- Fares are likely to rise.\n'), [
    'likelihood.remote remote',
    'likelihood.remote chance',
    'likelihood.likely likely',
  ]);
});

test('offsets stay right after astral characters (emoji) and CRLF', () => {
  const text = '# 🚢 T\r\n\r\n## Summary\r\n\r\n🚢🚢 The ferry is 🚢 likely to sail.[^a]\r\n\r\n## Key Judgement 1: 🚢 fares are unlikely to rise\r\n\r\n- Fact.[^a]\r\n\r\n[^a]: Gazette 🚢, 2026.\r\n';
  assert.deepEqual(tokens(text), [
    'likelihood.likely likely',
    'citation [^a]',
    'judgementHeading Key Judgement 1: 🚢 fares are',
    'likelihood.unlikely unlikely',
    'judgementHeading to rise',
    'citation [^a]',
    'citation.declaration a',
  ]);
});

test('invariants hold on the example briefs and on an empty document', () => {
  assert.deepEqual(semanticTokens(parseBrief('')), []);
  const dir = new URL('../../../../examples/', import.meta.url);
  const names = readdirSync(dir).filter((f) => f.endsWith('.md'));
  assert.ok(names.length > 0, 'example briefs found');
  for (const name of names) {
    const text = readFileSync(new URL(name, dir), 'utf8');
    checkInvariants(text, semanticTokens(parseBrief(text)));
    const crlf = text.replace(/\n/g, '\r\n');
    checkInvariants(crlf, semanticTokens(parseBrief(crlf)));
  }
});
