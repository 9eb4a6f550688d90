import {test} from 'node:test';
import assert from 'node:assert/strict';
import {analyseBlock} from './block.js';
import {Lexicon} from '../scales/lexicon.js';
import {builtinScales, commonTerms} from '../scales/index.js';
import {splitSentences} from './sentences.js';
import {ATTRIBUTION, ATTRIBUTION_BRANCHES, ACCORDING_TO, TIMEFRAME, TIMEFRAME_BRANCHES, CONFIDENCE, B0, B1} from './patterns.js';
import fc from 'fast-check';

const lex = new Lexicon([...builtinScales.values()], commonTerms);
const facts = (s: string) => analyseBlock(s, lex);
const texts = (hits: Array<{text: string}>) => hits.map((h) => h.text);

test('timeframes', () => {
  for (const s of [
    'over the next 12 months', 'within the next six months', 'by 2028', 'before the end of 2027', 'by mid-2027', 'in early 2027',
    'whilst President Osei remains in power', 'as long as the ceasefire holds', 'before the March election', 'next year',
    'in the coming weeks', 'within a year', 'through Q3 2027', 'in the near term', 'over the medium term', 'until at least the 2027 review',
  ]) {
    assert.ok(facts(`X is likely to happen ${s}.`).timeframes.length > 0, s);
  }
  for (const s of ['in the region', 'for the government', 'in 12 ports', 'by the army']) {
    assert.equal(facts(`X is likely to happen ${s}.`).timeframes.length, 0, s);
  }
});

test('figures: amounts and counts yes; years, dates, durations, labels no', () => {
  assert.deepEqual(texts(facts('Trade rose 15.5%, to $3bn, with 1,200 trucks and 40 per cent of fuel.').figures), ['15.5%', '$3bn', '1,200', '40 per cent']);
  assert.deepEqual(texts(facts('In 2024, on 3 March and 2024-05-01, over 12 months, Key Judgement 2, Resolution 2231, the 3rd round.').figures), []);
});

test('hedges, certainty, confidence, modified possible, attributions', () => {
  const f = facts('It may rise, could possibly fall, will certainly stall; we have high confidence; a serious possibility; officials said; reportedly.');
  assert.deepEqual(texts(f.hedges), ['may', 'could', 'possibly']);
  assert.deepEqual(texts(f.certainty), ['will', 'certainly']);
  assert.deepEqual(texts(f.confidence), ['high confidence']);
  assert.deepEqual(texts(f.modifiedPossible), ['serious possibility']);
  assert.deepEqual(texts(f.attributions), ['officials said', 'reportedly']);
});

test('words inside quotations are not judgement words, but quotes of 3+ words are found', () => {
  const f = facts('The minister said "an attack may be likely soon" and called it ‘odd’.');
  assert.equal(f.hedges.length, 0);
  assert.equal(f.terms.length, 0);
  assert.deepEqual(texts(f.directQuotes), ['"an attack may be likely soon"']);
});

test('percent ranges', () => {
  const p = facts('likely (55–75%) and 30 per cent').percents.map((x) => [x.low, x.high]);
  assert.deepEqual(p, [[55, 75], [30, 30]]);
});

test('sentence split keeps abbreviations and initials together', () => {
  const s = 'The U.S. envoy met Dr. Osei on 3 Feb. in Accra. Talks failed. J. Smith said e.g. more.';
  assert.deepEqual(splitSentences(s).map((x) => s.slice(x.start, x.end)), ['The U.S. envoy met Dr. Osei on 3 Feb. in Accra.', 'Talks failed.', 'J. Smith said e.g. more.']);
});

test('the attribution pattern finds hearsay in its usual forms, in any case', () => {
  for (const phrase of ['according to officials', 'Reportedly', 'is said to', 'it has been rumoured', 'sources close to the ministry told', 'press reports', 'reporting indicates', 'told reporters', 'The ministry announced that', 'OFFICIALS SAID']) {
    ATTRIBUTION.lastIndex = 0;
    assert.ok(ATTRIBUTION.test(phrase), phrase);
  }
});

test('word guards around an alternation find exactly what guards on every branch find', () => {
  // The patterns put B0/B1 once around their branches (cheaper to compile); each branch
  // guarded on its own is the plain reading. Texts from the patterns' own words must give
  // the same matches, in the same places, either way.
  const distributed = (branches: string[]) => new RegExp(branches.join('|'), 'giu');
  const pairs: Array<[string, RegExp, RegExp]> = [
    ['TIMEFRAME', TIMEFRAME, distributed(TIMEFRAME_BRANCHES.map((b) => B0 + b + B1))],
    ['ATTRIBUTION', ATTRIBUTION, distributed([B0 + ACCORDING_TO, ...ATTRIBUTION_BRANCHES.map((b) => B0 + b + B1)])],
    ['CONFIDENCE', CONFIDENCE, distributed([
      `${B0}(?:high|moderate|medium|low)(?:[-\\s]+level)?\\s+(?:of\\s+)?confidence${B1}`,
      `${B0}(?:highly|moderately|fairly|reasonably)\\s+confident${B1}`,
      `${B0}confidence\\s+(?:is|remains|level\\s+is)\\s+(?:high|moderate|medium|low)${B1}`,
      `${B0}we\\s+are\\s+confident${B1}`,
    ])],
  ];
  for (const [name, factored, plain] of pairs) {
    const vocabulary = [...new Set(plain.source.match(/[a-z]{2,}/gi))];
    const word = fc.oneof(
      {weight: 4, arbitrary: fc.constantFrom(...vocabulary)},
      fc.constantFrom('the', 'x', 'Vienna', '2027', 'Q3', '12', 'mid', 'ÉTÉ', 'año', '3rd', 'self-term', 'sources’', 'our', 'having'),
      // Whole phrases and their near misses, so that every pattern matches often.
      fc.constantFrom('within the next', 'six months', 'by 2028', 'the end of', 'next year', 'in the near future', 'before the', 'election', 'whilst the', 'remains', 'long-term', 'officials', 'said that', 'according to', 'is said to', 'press reports', 'high confidence', 'we are confident'),
    );
    const sep = fc.constantFrom(' ', ' ', ' ', '  ', '\n', ', ', '. ', '-', '', 'é');
    const text = fc.array(fc.tuple(word, sep), {minLength: 1, maxLength: 14}).map((parts) => parts.map(([w, s]) => w + s).join(''));
    let matched = 0;
    fc.assert(
      fc.property(text, (t) => {
        factored.lastIndex = 0; // matchAll starts where the last search on the shared pattern left off
        const a = [...t.matchAll(factored)].map((m) => `${m.index}:${m[0]}`);
        const b = [...t.matchAll(plain)].map((m) => `${m.index}:${m[0]}`);
        matched += a.length;
        assert.deepEqual(a, b, `${name} on ${JSON.stringify(t)}`);
      }),
      {numRuns: 2000, seed: 20261205},
    );
    assert.ok(matched > 200, `${name}: the generator should produce matches (made ${matched})`);
  }
});

/** splitSentences as it was before its ASCII fast paths: the reference for the property below. */
function splitSentencesByPatterns(text: string): Array<{start: number; end: number}> {
  const ABBREVIATIONS = new Set([
    'e.g', 'i.e', 'etc', 'vs', 'cf', 'al', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'approx', 'est', 'gen', 'lt', 'col',
    'maj', 'capt', 'sgt', 'adm', 'gov', 'sen', 'rep', 'pres', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
    'nov', 'dec', 'inc', 'ltd', 'co', 'corp', 'dept', 'fig', 'p', 'pp', 'vol', 'ed', 'u.s', 'u.k', 'u.n', 'e.u',
  ]);
  const out: Array<{start: number; end: number}> = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) out.push({start, end});
  };
  let start = 0;
  const re = /[.!?…]+["”’')\]]*(?=\s+|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, m.index - 12), m.index));
    if (m[0][0] === '.' && before) {
      const word = before[1].toLowerCase().replace(/^\.+/, '');
      if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before[1]) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    const next = /^\s+(\S)/u.exec(text.slice(end, end + 20));
    if (next && !/[\p{Lu}\p{N}"“‘'(\[]/u.test(next[1])) continue;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return out;
}

test('splitSentences reads ASCII where it stands and gives what the patterns give, on any text', () => {
  // Pieces that meet every branch: abbreviations, initials, dotted abbreviations, long words, accented and
  // astral letters, Unicode spaces and quotes, stops of every kind, digits and brackets after a stop.
  const piece = fc.constantFrom(
    'e.g', 'U.S', 'Dr', 'J', 'approx', 'Approximately', 'talks', 'failed', 'café', 'Éire', '𝐀bc', 'ſ', 'DR', 'x.y.z', '..', 'Sept', 'No',
    '.', '. ', '.\n', '!', '?', '…', '."', '.”', '.’', ".'", '.)', '.]', '?!', '...',
    ' ', '  ', '\t', '\n', '\u00a0', '\u2028', '\u3000', '\ufeff',
    'A', 'a', '3', '"', '“', '‘', "'", '(', '[', 'ü', 'Ü', 'Ω', '-', ',', '\ud800', '\udc00',
  );
  const text = fc.array(piece, {maxLength: 40}).map((xs) => xs.join(''));
  fc.assert(
    fc.property(text, (s) => {
      assert.deepEqual(splitSentences(s), splitSentencesByPatterns(s));
    }),
    {numRuns: 5000, seed: 6},
  );
  // And on long runs of letters before a stop (the 12-character window) and 20 characters of space after one.
  for (const s of ['Abbreviationsarelong. next', 'See the U.S. report. Then', `Stop.${' '.repeat(19)}Next`, `Stop.${' '.repeat(20)}next`, 'x'.repeat(30) + 'e.g. more']) {
    assert.deepEqual(splitSentences(s), splitSentencesByPatterns(s), s);
  }
});
