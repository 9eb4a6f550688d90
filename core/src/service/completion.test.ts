import {test} from 'node:test';
import assert from 'node:assert/strict';
import {completions, inCodeSpan} from './completion.js';
import {parseMarked} from './marks.js';
import {brief} from '../testing/rule-tester.js';
import {defaultConfig} from '../config/types.js';
import type {Scale} from '../scales/index.js';

function complete(source: string, config = defaultConfig()) {
  const {text, offset, doc} = parseMarked(source, {config});
  assert.ok(offset >= 0, 'no | marker');
  const result = completions(doc, offset);
  return {...result, text, offset, replaced: text.slice(result.replaceStart, result.replaceEnd), labels: result.items.map((i) => i.label)};
}

const PHIA_FORMS = ['remote chance', 'highly unlikely', 'unlikely', 'realistic possibility', 'likely', 'probable', 'probably', 'highly likely', 'almost certain', 'almost certainly'];

/** A brief whose first key judgement statement is `statement`. */
function kj(statement: string, extra: Partial<Parameters<typeof brief>[0]> = {}) {
  return brief({judgements: [{statement, evidence: ['The operators have hired twelve new crew members since June.[^s1]']}], ...extra});
}

function sortedLabels(r: ReturnType<typeof complete>): string[] {
  return r.items.slice().sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
}

test('terms of the brief’s scale in a key judgement, sorted by band, with bands as detail', () => {
  const r = complete(kj('The ferry operators are |'));
  assert.deepEqual(sortedLabels(r), PHIA_FORMS);
  const hl = r.items.find((i) => i.label === 'highly likely')!;
  assert.equal(hl.kind, 'term');
  assert.equal(hl.detail, 'highly likely — ≈80–≈90%');
  assert.match(hl.documentation!, /`0% ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁██▁▁ 100%`/);
  assert.equal(r.items.find((i) => i.label === 'probably')!.detail, 'likely — ≈55–≈75%');
  assert.equal(r.replaced, '');
});

test('the partial phrase being typed is replaced, over several words', () => {
  const r = complete(kj('The ferry operators are highly li| to resume the night service.'));
  assert.equal(r.replaced, 'highly li');
  const one = complete(kj('The ferry operators are lik|'));
  assert.equal(one.replaced, 'lik');
  // "are lik" starts no term: only the word is replaced.
  const mid = complete(kj('The ferry operators are reali|stic'));
  assert.equal(mid.replaced, 'realistic', 'the rest of the word after the cursor is replaced too');
});

test('a capitalised partial word gives capitalised terms', () => {
  const r = complete(kj('Hig|'));
  assert.equal(r.items.find((i) => i.label === 'highly likely')!.insertText, 'Highly likely');
  const lower = complete(kj('The operators are hig|'));
  assert.equal(lower.items.find((i) => i.label === 'highly likely')!.insertText, 'highly likely');
});

test('terms in the Summary, in a list-layout judgement, and in a judgement carried by its heading', () => {
  assert.deepEqual(complete(brief({summary: 'The service is |'})).labels.length, PHIA_FORMS.length);
  assert.equal(complete('# T\n\n## Key Judgements\n\n1. The port is |\n2. Fares are likely to rise.\n').labels.length, PHIA_FORMS.length);
  assert.equal(complete('# T\n\n## Key Judgements\n\n- |\n').labels.length, PHIA_FORMS.length, 'a bare list marker');
  const heading = complete('# T\n\n## KJ 1: The port is lik|\n\n- Evidence one.\n');
  assert.equal(heading.replaced, 'lik');
  assert.equal(heading.labels.length, PHIA_FORMS.length);
});

test('terms on the blank line under a new Key Judgement heading', () => {
  const r = complete('# T\n\n## Summary\n\nThe port is likely to reopen.\n\n## Key Judgement 2\n\n|\n');
  assert.equal(r.labels.length, PHIA_FORMS.length);
  const typed = complete('# T\n\n## Key Judgement 2\n\nThe port is |\n\n- Evidence.\n');
  assert.equal(typed.labels.length, PHIA_FORMS.length);
});

test('terms follow the brief’s scale, including a custom scale', () => {
  const icd = complete(kj('The ferry operators are |', {scale: 'icd203'}));
  assert.ok(icd.labels.includes('very likely'));
  assert.ok(icd.labels.includes('roughly even chance'));
  assert.ok(!icd.labels.includes('realistic possibility'));
  assert.equal(icd.items.find((i) => i.label === 'very likely')!.detail, 'very likely — 80–95%');
  const custom: Scale = {id: 'team', name: 'Team', source: 'Handbook', verified: true, terms: [{term: 'fairly likely', band: [60, 70], label: '60–70%', forms: ['fairly likely']}]};
  const r = complete(kj('The ferry operators are |', {scale: 'team'}), {...defaultConfig(), scales: {team: custom}});
  assert.deepEqual(r.labels, ['fairly likely']);
});

test('no term completion in evidence, nested judgement items, quotations, headings or other sections', () => {
  assert.equal(complete(brief({judgements: [{statement: 'The operators are likely to resume the night service within three months.', evidence: ['Crews say a restart is lik|']}]})).items.length, 0);
  assert.equal(complete('# T\n\n## Key Judgements\n\n- The port is likely to reopen.\n  - evidence li|\n').items.length, 0);
  assert.equal(complete(brief({summary: '> The minister said it is lik|'})).items.length, 0);
  assert.equal(complete('# T\n\n## Key Judgem|\n\nThe port is likely.\n').items.length, 0);
  assert.equal(complete('# T\n\n## Background\n\nThe port is lik|\n').items.length, 0);
  assert.equal(complete('# The port is lik|\n').items.length, 0);
  // A later paragraph of a judgement section is evidence, not the statement.
  assert.equal(complete('# T\n\n## Key Judgement 1\n\nThe port is likely to reopen.\n\nContext: it is lik|\n').items.length, 0);
});

test('no completion in code spans, code blocks and comments', () => {
  assert.equal(complete(kj('The ferry operators are `hig|')).items.length, 0);
  assert.equal(complete(kj('The ferry `x` operators are `hig|` here')).items.length, 0);
  assert.equal(complete(brief({summary: '```\nThe port is lik|\n```'})).items.length, 0);
  assert.equal(complete(brief({summary: '<!-- The port is lik| -->'})).items.length, 0);
  // After a closed code span, terms again.
  assert.equal(complete(kj('The `ferry` operators are hig|')).items.length, PHIA_FORMS.length);
});

test('inCodeSpan pairs backtick runs of equal length', () => {
  assert.equal(inCodeSpan('a `b'), true);
  assert.equal(inCodeSpan('a `b` c'), false);
  assert.equal(inCodeSpan('a ``b ` c'), true);
  assert.equal(inCodeSpan('a ``b ` c`` d'), false);
  assert.equal(inCodeSpan('a \\`b'), false);
});

test('after [^ : defined footnote ids, with their text; the closing bracket is added when missing', () => {
  const source = brief({
    sources: {s1: 'Harbour Gazette, 2026-10-01. Grade B2.', union: 'Union bulletin, 2026-09-03.'},
    judgements: [{statement: 'The operators are likely to resume the night service within three months.', evidence: ['Crews were hired.[^|']}],
  });
  const r = complete(source);
  assert.deepEqual(r.labels, ['s1', 'union']);
  assert.equal(r.items[0].kind, 'footnote');
  assert.equal(r.items[0].insertText, 's1]');
  assert.match(r.items[0].documentation!, /Harbour Gazette/);
  assert.match(r.items[0].documentation!, /grade B2/);
  assert.equal(r.replaced, '');
  const partial = complete(source.replace('[^|', '[^un|x]'));
  assert.equal(partial.replaced, 'unx');
  assert.equal(partial.items[1].insertText, 'union', 'no second bracket');
});

test('footnote ids also complete in a judgement statement and the Summary (citations win over terms)', () => {
  const r = complete(brief({summary: 'The service is likely to resume.[^|'}));
  assert.deepEqual(r.labels, ['s1']);
});

test('at the start of a line, [^ offers ids cited but not yet defined', () => {
  const source = brief({
    judgements: [{statement: 'The operators are likely to resume the night service within three months.', evidence: ['Crews were hired.[^s1]', 'Fares froze.[^regulator]']}],
    extra: '[^|\n',
  });
  const r = complete(source);
  assert.deepEqual(r.labels, ['regulator']);
  assert.equal(r.items[0].insertText, 'regulator]: ');
  assert.match(r.items[0].detail!, /not yet defined/);
});

test('after [ : Sources entry ids when the brief has them', () => {
  const text = `# Ferries

## Summary

The operators are likely to resume the service [|

## Sources

1. S1. Harbour Gazette, 2026-10-01. A1.
2. [S2] Union bulletin, 2026-09-03.
`;
  const r = complete(text);
  assert.deepEqual(r.labels, ['S1', 'S2']);
  assert.equal(r.items[0].kind, 'source');
  assert.equal(r.items[0].insertText, 'S1]');
  assert.equal(r.items[0].detail, 'Harbour Gazette, 2026-10-01. A1.');
  // No ids: nothing.
  assert.equal(complete(brief({summary: 'The service is likely to resume [|'})).items.length, 0);
  // Not for images.
  assert.equal(complete(text.replace('service [|', 'service ![|')).items.length, 0);
});

test('front matter: keys not yet present, at a key position', () => {
  const r = complete(brief({frontMatter: 'st|'}));
  assert.ok(r.labels.includes('status'));
  assert.ok(!r.labels.includes('title') && !r.labels.includes('date') && !r.labels.includes('scale'), 'present keys are left out');
  assert.equal(r.replaced, 'st');
  const status = r.items.find((i) => i.label === 'status')!;
  assert.equal(status.kind, 'key');
  assert.equal(status.insertText, 'status: ');
  assert.match(status.documentation!, /Stage of the brief/);
  // Renaming an existing key: the key itself is offered, without a second colon.
  const rename = complete(brief({frontMatter: 'sta|tus: draft'}));
  assert.ok(rename.labels.includes('status'));
  assert.equal(rename.items.find((i) => i.label === 'status')!.insertText, 'status');
  assert.equal(rename.replaced, 'status');
  // Not in a value, not indented.
  assert.equal(complete(brief({frontMatter: 'status: dr|'})).items.length, 0);
  assert.equal(complete(brief({frontMatter: 'authors:\n  - A|'})).items.length, 0);
});

test('front matter: scale ids (built-in and configured) after scale:', () => {
  const r = complete(brief({scale: 'ic|'}));
  assert.deepEqual(r.labels, ['phia', 'icd203', 'nato', 'kent']);
  assert.equal(r.replaced, 'ic');
  assert.equal(r.items[1].kind, 'value');
  assert.equal(r.items[1].detail, 'US ODNI ICD 203 expressions of likelihood');
  assert.match(r.items[1].documentation!, /very likely/);
  const custom: Scale = {id: 'team', name: 'Team', source: 'Handbook', verified: true, terms: []};
  const withCustom = complete(brief({scale: '|'}), {...defaultConfig(), scales: {team: custom}});
  assert.deepEqual(withCustom.labels, ['phia', 'icd203', 'nato', 'kent', 'team']);
  const noSpace = complete('---\nscale:|\n---\n\n# T\n');
  assert.equal(noSpace.items[0].insertText, ' phia');
  const quoted = complete('---\nscale: "ic|"\n---\n\n# T\n');
  assert.equal(quoted.replaced, 'ic');
  assert.equal(quoted.items[0].insertText, 'phia');
});

test('front matter that does not parse still completes keys', () => {
  const r = complete('---\ntitle: [unclosed\nsc|\n---\n\n# T\n');
  assert.ok(r.labels.includes('scale'));
  assert.ok(!r.labels.includes('title'));
});

test('nothing on the front-matter fences, in plain sections, or out of range', () => {
  const {doc, text} = parseMarked(brief());
  assert.equal(completions(doc, 2).items.length, 0, 'opening fence');
  assert.equal(completions(doc, text.indexOf('---', 4) + 1).items.length, 0, 'closing fence');
  assert.equal(completions(doc, -3).items.length, 0);
  assert.equal(completions(doc, text.length + 3).items.length, 0);
});
