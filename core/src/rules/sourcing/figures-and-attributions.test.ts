/** Cases for the parts of core/src/analysis/patterns.ts the sourcing rules rely on: NUMBER/isFigure and ATTRIBUTION. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {ATTRIBUTION, NUMBER, isFigure} from '../../analysis/patterns.js';

function figures(text: string): string[] {
  const out: string[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(text))) if (isFigure(text, m.index, m.index + m[0].length)) out.push(m[0]);
  return out;
}

function attributions(text: string): string[] {
  return [...text.matchAll(ATTRIBUTION)].map((m) => m[0]);
}

const FIGURES: Array<[string, string[]]> = [
  ['Exports fell 30% in 2025.', ['30%']],
  ['The port has 300 tonnes of grain with 12 cranes.', ['300', '12']],
  ['About 1.5 million people and $4m and £3bn.', ['1.5 million', '$4m', '£3bn']],
  ['Troop numbers rose to 4,500.', ['4,500']],
  ['Between 1,000 and 2,000 troops; 1,000–2,000 more.', ['2,000', '2,000']],
  ['USD 300 was paid.', ['300']],
  ['which 3 ships, each 5 units, both 2 parties', ['3', '5', '2']],
  // Not figures: years, dates, durations, ranges of durations, labels, designations, probabilities.
  ['In 2024–25 and the 1990s, on 2025-05-01 at 14:00, on 1–3 March, May 5.', []],
  ['A 24-hour ceasefire, a 12-month plan, within 48 hours, 3 to 6 months, 3–6 months.', []],
  ['F-16 jets, Su-35 fighters, S-400 batteries, COVID-19, MH17, 5G, 9M729.', []],
  ['ICD 203, UNSCR 2231, STANAG 2511, Article 5, Reactor #3, Route 7, Type 055, KJ 2, Key Judgement 3.', []],
  ['The 58th Army and the 1st Brigade.', []],
  ['It is likely (55–75%), highly likely (80–90%), a 60% chance, 50-50 odds.', []],
  ['24/7 coverage', []],
];

for (const [text, expected] of FIGURES) {
  test(`isFigure: ${text}`, () => assert.deepEqual(figures(text), expected));
}

const ATTRIBUTIONS: Array<[string, string[]]> = [
  ['According to officials, the port reopened.', ['According to']],
  ['Officials familiar with the talks said the port would reopen.', ['Officials familiar with the talks said']],
  ['Officials in the capital said so.', ['Officials in the capital said']],
  ['A senior official told reporters.', ['official told']],
  ['The ministry said that exports fell.', ['said that']],
  ['Media reporting suggests a delay; reporting indicates a delay.', ['Media reporting', 'reporting indicates']],
  ['The vessel is believed to be in port; it is reported that crews left.', ['is believed to', 'it is reported']],
  ['Sources say so, reportedly.', ['Sources say', 'reportedly']],
  // Not attribution.
  ['The plan proceeded according to schedule and according to plan.', []],
  ['According to our assessment, the port reopens.', []],
  ['Having said that, the port reopened. That said, crews left.', []],
  ['Our analysts note a delay. We believe the port is open.', []],
  ['The official in charge resigned. Officials from the ministry visited.', []],
];

for (const [text, expected] of ATTRIBUTIONS) {
  test(`ATTRIBUTION: ${text}`, () => assert.deepEqual(attributions(text), expected));
}

test('ATTRIBUTION and NUMBER give sane answers on long repetitive input (their speed is measured in bench/, not here)', () => {
  assert.equal(attributions('officials '.repeat(5000)).length, 0);
  assert.equal(attributions('according to '.repeat(5000)).length, 5000);
  assert.ok(figures('1,'.repeat(20000) + 'x').length <= 1);
  assert.equal(attributions(('sources close to ' + 'a '.repeat(30)).repeat(500)).length, 0);
});
