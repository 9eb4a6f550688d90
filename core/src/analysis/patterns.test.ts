import {test} from 'node:test';
import assert from 'node:assert/strict';
import {analyseBlock} from './block.js';
import {Lexicon} from '../scales/lexicon.js';
import {builtinScales, commonTerms} from '../scales/index.js';
import {splitSentences} from './sentences.js';

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
