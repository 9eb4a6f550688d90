import {test} from 'node:test';
import assert from 'node:assert/strict';
import {builtinScales, commonTerms} from './index.js';
import {Lexicon, equivalentTerms, formClass} from './lexicon.js';

/** The published tables (shared/notes/estimative-standards.md), restated independently of the data files. */
const EXPECTED: Record<string, Array<[string, number, number]>> = {
  phia: [
    ['remote chance', 0, 5], ['highly unlikely', 10, 20], ['unlikely', 25, 35], ['realistic possibility', 40, 50],
    ['likely', 55, 75], ['highly likely', 80, 90], ['almost certain', 95, 100],
  ],
  icd203: [
    ['almost no chance', 1, 5], ['remote', 1, 5], ['very unlikely', 5, 20], ['highly improbable', 5, 20], ['unlikely', 20, 45],
    ['improbable', 20, 45], ['roughly even chance', 45, 55], ['roughly even odds', 45, 55], ['likely', 55, 80], ['probable', 55, 80],
    ['very likely', 80, 95], ['highly probable', 80, 95], ['almost certain', 95, 99], ['nearly certain', 95, 99],
  ],
  nato: [['highly unlikely', 0, 10], ['unlikely', 10, 40], ['even chance', 40, 60], ['likely', 60, 90], ['highly likely', 90, 100]],
  kent: [
    ['certain', 100, 100], ['almost certain', 87, 99], ['probable', 63, 87], ['chances about even', 40, 60], ['probably not', 20, 40],
    ['almost certainly not', 2, 12], ['impossible', 0, 0],
  ],
};

for (const [id, terms] of Object.entries(EXPECTED)) {
  test(`scale ${id}: every term has the published band, and nothing else is listed`, () => {
    const scale = builtinScales.get(id)!;
    assert.ok(scale, `no scale ${id}`);
    assert.ok(scale.source.length > 20, 'the scale cites its source');
    assert.deepEqual(scale.terms.map((t) => [t.term, t.band[0], t.band[1]]), terms);
    for (const t of scale.terms) {
      assert.ok(t.forms.length > 0);
      assert.ok(t.label.includes('%'));
    }
  });
}

test('PHIA accepts "probable" and "probably" as the likely band', () => {
  const likely = builtinScales.get('phia')!.terms.find((t) => t.term === 'likely')!;
  assert.ok(likely.forms.includes('probably') && likely.forms.includes('probable'));
});

test('NATO figures are marked unverified; the others verified', () => {
  assert.equal(builtinScales.get('nato')!.verified, false);
  for (const id of ['phia', 'icd203', 'kent']) assert.equal(builtinScales.get(id)!.verified, true);
});

test('ICD 203 terms carry their row', () => {
  const icd = builtinScales.get('icd203')!;
  assert.deepEqual(icd.terms.filter((t) => t.row === 1).map((t) => t.term), ['almost no chance', 'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely', 'almost certain']);
});

test('the lexicon matches longest phrases first, whole words only, across line breaks', () => {
  const lex = new Lexicon([...builtinScales.values()], commonTerms);
  const found = (s: string) => [...s.matchAll(lex.regex)].map((m) => m[0].toLowerCase().replace(/\s+/g, ' '));
  assert.deepEqual(found('It is highly unlikely, not unlikely, and almost certainly not likely.'), ['highly unlikely', 'unlikely', 'almost certainly not', 'likely']);
  assert.deepEqual(found('the likelihood is likelyish; unlikelihood'), []);
  assert.deepEqual(found('very\nlikely'), ['very likely']);
});

test('equivalent terms: ICD "very likely" maps to PHIA "highly likely"; an even chance to a realistic possibility', () => {
  const phia = builtinScales.get('phia')!;
  assert.equal(equivalentTerms(phia, [80, 95])[0].term, 'highly likely');
  assert.equal(equivalentTerms(phia, [45, 55])[0].term, 'realistic possibility');
  assert.equal(equivalentTerms(phia, [5, 20])[0].term, 'highly unlikely');
});

test('form classes', () => {
  assert.equal(formClass('probably'), 'adverb');
  assert.equal(formClass('likely'), 'adjective');
  assert.equal(formClass('realistic possibility'), 'noun');
  assert.equal(formClass('almost certainly not'), 'adverb');
});
