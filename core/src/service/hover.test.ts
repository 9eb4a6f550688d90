import {test} from 'node:test';
import assert from 'node:assert/strict';
import {hover, confidenceLevel} from './hover.js';
import {bandBar, explainGrade} from './context.js';
import {parseMarked, slice} from './marks.js';
import {brief} from '../testing/rule-tester.js';
import {defaultConfig} from '../config/types.js';
import type {Scale} from '../scales/index.js';

/** Hover at the `|` marker; asserts the hovered range is the ⟦marked⟧ one. */
function hoverAt(source: string, config = defaultConfig()) {
  const {text, offset, ranges, doc} = parseMarked(source, {config});
  const h = hover(doc, offset);
  if (ranges.length) {
    assert.ok(h, 'expected a hover');
    assert.deepEqual({start: h.start, end: h.end}, ranges[0], `hovered ${JSON.stringify(h && slice(text, h))}`);
  }
  return h;
}

const PHIA_BAR_80_90 = '`0% ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁██▁▁ 100%`';

test('bandBar: 20 cells of 5%, the band filled', () => {
  assert.equal(bandBar([80, 90]), '0% ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁██▁▁ 100%');
  assert.equal(bandBar([0, 5]), '0% █▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁ 100%');
  assert.equal(bandBar([55, 75]), '0% ▁▁▁▁▁▁▁▁▁▁▁████▁▁▁▁▁ 100%');
  assert.equal(bandBar([87, 99]), '0% ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁███ 100%', 'a partial cell counts');
  assert.equal(bandBar([100, 100]), '0% ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁█ 100%', 'a point at 100% fills the last cell');
  assert.equal(bandBar([0, 0]), '0% █▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁ 100%');
  for (const b of [[1, 5], [45, 55], [95, 99]] as Array<[number, number]>) assert.equal(bandBar(b).length, '0% '.length + 20 + ' 100%'.length);
});

test('explainGrade: Admiralty letter and digit', () => {
  const b2 = explainGrade('B2')!;
  assert.match(b2, /usually reliable/);
  assert.match(b2, /probably true/);
  assert.match(explainGrade('F6')!, /cannot be judged", not "low"/);
  assert.equal(explainGrade('G2'), undefined);
  assert.equal(explainGrade('A7'), undefined);
});

test('hover on a likelihood term in a key judgement: band, bar, scale name and source', () => {
  const h = hoverAt(brief({judgements: [{statement: 'The ferry operators are ⟦high|ly likely⟧ to resume the night service within three months.'}]}))!;
  assert.match(h.markdown, /\*\*highly likely\*\* · ≈80–≈90% on the UK PHIA Probability Yardstick/);
  assert.ok(h.markdown.includes(PHIA_BAR_80_90), h.markdown);
  assert.match(h.markdown, /Source: Professional Head of Intelligence Assessment/);
  assert.match(h.markdown, /set by `scale:` in the front matter/);
});

test('hover on a term in the Summary, at its first and last character', () => {
  const source = brief({summary: 'The operators are ⟦|likely⟧ to resume the service.'});
  assert.match(hoverAt(source)!.markdown, /\*\*likely\*\* · ≈55–≈75%/);
  assert.match(hoverAt(brief({summary: 'The operators are ⟦likel|y⟧ to resume the service.'}))!.markdown, /≈55–≈75%/);
  // Just after the term: nothing.
  assert.equal(hoverAt(brief({summary: 'The operators are likely| to resume the service.'})), undefined);
});

test('hover on a form of a term says which term it expresses', () => {
  const h = hoverAt(brief({judgements: [{statement: 'The ferry operators will ⟦prob|ably⟧ resume the night service within three months.'}]}))!;
  assert.match(h.markdown, /\*probably\* expresses \*\*likely\*\*/);
});

test('hover on an off-scale term names its scale and the equivalent term of the brief’s scale', () => {
  const h = hoverAt(brief({judgements: [{statement: 'The ferry operators are ⟦very |likely⟧ to resume the night service within three months.'}]}))!;
  assert.match(h.markdown, /\*very likely\* is \*\*not on this brief's scale\*\* \(UK PHIA Probability Yardstick\)/);
  assert.match(h.markdown, /ICD 203[^:]*: 80–95%/);
  assert.match(h.markdown, /Equivalent on the UK PHIA Probability Yardstick: \*\*highly likely\*\* \(≈80–≈90%\)/);
  assert.ok(h.markdown.includes('`0% ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁███▁ 100%`'), 'the bar of its own band (80–95%)');
  assert.ok(h.markdown.includes(PHIA_BAR_80_90), 'and the bar of the equivalent');
});

test('hover on a phrase of no published scale', () => {
  const h = hoverAt(brief({summary: 'The operators are ⟦extremely| likely⟧ to resume the service.'}))!;
  assert.match(h.markdown, /on no published scale/);
  assert.match(h.markdown, /Equivalent on the UK PHIA Probability Yardstick: \*\*highly likely\*\*/);
});

test('hover follows the brief’s scale (ICD 203 term on an ICD 203 brief)', () => {
  const h = hoverAt(brief({scale: 'icd203', judgements: [{statement: 'The ferry operators are ⟦very| likely⟧ to resume the night service within three months.'}]}))!;
  assert.match(h.markdown, /\*\*very likely\*\* \(row 1\) · 80–95% on the US ODNI ICD 203/);
  assert.doesNotMatch(h.markdown, /not on this brief's scale/);
});

test('hover on a custom scale from the configuration', () => {
  const custom: Scale = {
    id: 'team', name: 'Team yardstick', source: 'Team handbook, 2026', verified: false,
    terms: [{term: 'fairly likely', band: [60, 70], label: '60–70%', forms: ['fairly likely']}],
  };
  const config = {...defaultConfig(), scales: {team: custom}};
  const h = hoverAt(brief({scale: 'team', summary: 'The operators are ⟦fairly| likely⟧ to resume the service.'}), config)!;
  assert.match(h.markdown, /Team yardstick/);
  assert.match(h.markdown, /provisional/);
});

test('no likelihood hover in evidence, quotations or headings', () => {
  assert.equal(hoverAt(brief({judgements: [{statement: 'The operators are likely to resume the night service within three months.', evidence: ['Crews say a restart is lik|ely soon.[^s1]']}]})), undefined);
  assert.equal(hoverAt(brief({summary: 'The minister said the plan was "highly lik|ely to work" but gave no date.'})), undefined);
  assert.equal(hoverAt('# Likely| ferries\n\n## Summary\n\nThe operators are likely to resume the service.\n'), undefined);
});

test('hover on a confidence phrase: the level and what confidence is about', () => {
  const h = hoverAt(brief({summary: 'The service is likely to resume. We have ⟦hig|h confidence⟧ in this judgement.'}))!;
  assert.match(h.markdown, /analytic confidence: \*\*high\*\*/);
  assert.match(h.markdown, /not certainty/);
  assert.match(h.markdown, /\*basis\* of a judgement/);
  assert.match(h.markdown, /not how likely the outcome is/);
  const m = hoverAt(brief({judgements: [{statement: 'We are ⟦moderately |confident⟧ that the ferry operators will resume the night service within three months.'}]}))!;
  assert.match(m.markdown, /\*\*moderate\*\*/);
  // Also in evidence (quoting another assessment).
  const low = hoverAt(brief({judgements: [{statement: 'The operators are likely to resume the night service within three months.', evidence: ['The union has ⟦low| confidence⟧ in the plan.[^s1]']}]}))!;
  assert.match(low.markdown, /\*\*low\*\*/);
});

test('confidenceLevel reads the level from the phrase', () => {
  assert.equal(confidenceLevel('high confidence'), 'high');
  assert.equal(confidenceLevel('highly confident'), 'high');
  assert.equal(confidenceLevel('medium confidence'), 'moderate');
  assert.equal(confidenceLevel('fairly confident'), 'moderate');
  assert.equal(confidenceLevel('confidence is low'), 'low');
  assert.equal(confidenceLevel('we are confident'), undefined);
});

test('hover on a footnote citation shows the source, its grade and date explained', () => {
  const h = hoverAt(brief({judgements: [{statement: 'The operators are likely to resume the night service within three months.', evidence: ['Crews were hired in June.⟦[^s|1]⟧']}]}))!;
  assert.match(h.markdown, /\*\*\\\[\^s1\\\]\*\* · footnote \(line \d+\)/);
  assert.match(h.markdown, /> Harbour Gazette, "Crew hiring", 2026-10-01\. Grade B2\./);
  assert.match(h.markdown, /source reliability \*\*B\*\* — usually reliable; information credibility \*\*2\*\* — probably true/);
  assert.match(h.markdown, /Dated \*\*2026-10-01\*\* — 31 days before the brief's date \(2026-11-01\)/);
  assert.match(h.markdown, /Cited once/);
});

test('hover on an undefined footnote says it is not defined', () => {
  const h = hoverAt(brief({judgements: [{statement: 'The operators are likely to resume the night service within three months.', evidence: ['Crews were hired in June.⟦[^nop|e]⟧']}]}))!;
  assert.match(h.markdown, /is \*\*not defined\*\*/);
  assert.match(h.markdown, /\[\^nope\]: source/);
});

test('source age against the brief’s date: months, years, after, bare years', () => {
  const age = (date: string) => hoverAt(brief({sources: {s1: `Gazette, ${date}.`}, judgements: [{statement: 'The operators are likely to resume the night service within three months.', evidence: ['Crews were hired.[^s|1]']}]}))!.markdown;
  assert.match(age('3 Sep 2025'), /Dated \*\*3 Sep 2025\*\* — about 14 months before/);
  assert.match(age('2023-11-01'), /about 3 years before/);
  assert.match(age('2026-11-05'), /4 days after the brief's date/);
  assert.match(age('2026-11-01'), /— the brief's date\./);
  assert.match(age('2025'), /Dated \*\*2025\*\*\./);
});

test('hover on a source without grade or date says so', () => {
  const h = hoverAt(brief({sources: {s1: 'A conversation with a harbour pilot.'}, judgements: [{statement: 'The operators are likely to resume the night service within three months.', evidence: ['Crews were hired.⟦|[^s1]⟧']}]}))!;
  assert.match(h.markdown, /No Admiralty grade/);
  assert.match(h.markdown, /No date given/);
});

test('hover on a bracketed Sources id and on a reference link', () => {
  const text = `# Ferries

## Summary

The operators are likely to resume the service ⟦[S|2]⟧.

## Sources

1. S1. Harbour Gazette, 2026-10-01. A1.
2. S2. Union bulletin, 2026-09-03. C3.
`;
  const h = hoverAt(text)!;
  assert.match(h.markdown, /Sources entry/);
  assert.match(h.markdown, /Union bulletin/);
  assert.match(h.markdown, /fairly reliable/);
  assert.match(h.markdown, /possibly true/);
  const ref = hoverAt(`# Ferries\n\nSee ⟦[the notice][no|tice]⟧.\n\n[notice]: https://example.org/n "Notice"\n`)!;
  assert.match(ref.markdown, /link definition/);
  assert.match(ref.markdown, /example\.org/);
});

test('hover on a definition id and on a grade in the Sources section', () => {
  const source = brief({judgements: [{statement: 'The operators are likely to resume the night service within three months.', evidence: ['One.[^s1]', 'Two.[^s1]']}]});
  const id = hoverAt(source.replace('[^s1]: Harbour', '[^⟦s|1⟧]: Harbour'))!;
  assert.match(id.markdown, /Cited twice/);
  const grade = hoverAt(source.replace('Grade B2.', 'Grade ⟦B|2⟧.'))!;
  assert.match(grade.markdown, /^Grade \*\*B2\*\* \(Admiralty code\)/);
});

test('hover on a front-matter key: its description; unknown keys say so', () => {
  const h = hoverAt(brief({frontMatter: 'stat|us: draft'}).replace('status', '⟦status⟧'))!;
  assert.match(h.markdown, /\*\*status\*\* · front matter/);
  assert.match(h.markdown, /Stage of the brief/);
  const unknown = hoverAt(brief({frontMatter: '⟦colo|ur⟧: blue'}))!;
  assert.match(unknown.markdown, /not a front-matter key the linter knows/);
});

test('hover on the scale value: the scale’s name, source and terms with bands', () => {
  const h = hoverAt(brief({scale: '⟦ic|d203⟧'}))!;
  assert.match(h.markdown, /\*\*US ODNI ICD 203 expressions of likelihood\*\* \(`icd203`\) — this brief's scale/);
  assert.match(h.markdown, /Source: Office of the Director of National Intelligence/);
  assert.match(h.markdown, /\| very likely \(row 1\) \| 80–95% \|/);
  assert.match(h.markdown, /Analysts are strongly encouraged not to mix/);
  const unknown = hoverAt(brief({scale: '⟦ph|ya⟧'}))!;
  assert.match(unknown.markdown, /not a known estimative scale/);
  assert.match(unknown.markdown, /`phia` \(UK PHIA Probability Yardstick\)/);
});

test('front-matter hover works when the YAML does not parse', () => {
  const h = hoverAt('---\n⟦sca|le⟧: phia\ntitle: [unclosed\n---\n\n# T\n')!;
  assert.match(h.markdown, /Estimative \(likelihood\) scale/);
});

test('no hover on plain prose, fences, out of range', () => {
  assert.equal(hoverAt(brief({summary: 'The operators plan| to resume the service.'})), undefined);
  const {doc} = parseMarked(brief());
  assert.equal(hover(doc, 1), undefined, 'on the opening fence');
  assert.equal(hover(doc, -1), undefined);
  assert.equal(hover(doc, doc.text.length + 5), undefined);
  assert.equal(hover(doc, doc.text.length), undefined);
});
