/**
 * Token tests of syntaxes/brief.tmLanguage.json and brief.injection.tmLanguage.json,
 * run through vscode-textmate + vscode-oniguruma with stand-in Markdown and YAML grammars.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {builtinScales, commonTerms} from '../../core/src/scales/index.js';
import {SCOPES, likelihoodForms} from '../../scripts/gen-grammar.js';
import {scopesOf, spans, tokenize} from './tokenize.js';

const {likelihood: LIKELIHOOD, confidence: CONFIDENCE, hedge: HEDGE, citation: CITATION, citationDefinition: DEFINITION, judgementHeading: JUDGEMENT, grade: GRADE, frontMatter: FRONT_MATTER} = SCOPES;

test('every form of every scale and of the common list is one likelihood token', async () => {
  const forms = new Set<string>();
  for (const s of [...builtinScales.values(), commonTerms]) for (const t of s.terms) for (const f of t.forms) forms.add(f);
  assert.ok(forms.size > 40);
  const lines = [...forms].map((f) => `Port traffic: ${f}; nothing else.`);
  // One document, one line per form: each line yields exactly its form.
  assert.deepEqual(await spans(lines.join('\n'), LIKELIHOOD), [...forms]);
});

test('likelihood terms: capitalised, inside emphasis, multi-word with several spaces or a tab, curly apostrophe', async () => {
  assert.deepEqual(await spans('Highly Likely: the ferry *almost certainly* sails and **very unlikely** to stop.', LIKELIHOOD), ['Highly Likely', 'almost certainly', 'very unlikely']);
  assert.deepEqual(await spans('It is highly   likely and a realistic\tpossibility.', LIKELIHOOD), ['highly   likely', 'realistic\tpossibility']);
  assert.deepEqual(await spans('The council probably won’t pay; it almost certainly won\'t.', LIKELIHOOD), ['probably won’t', 'almost certainly won\'t']);
  // The longest phrase wins: not "almost certainly" + "not".
  assert.deepEqual(await spans('The talks will almost certainly not resume.', LIKELIHOOD), ['almost certainly not']);
});

test('words that merely contain a term are not likelihood terms', async () => {
  const text = [
    'The likelihood of a strike is the question.',
    'Its unlikelihood was noted.',
    'A likelyish outcome, a likely-looking deal, a non-likely case.',
    'The improbability of it; probableness; certainty.',
  ].join('\n');
  assert.deepEqual(await spans(text, LIKELIHOOD), []);
});

test('a term at the start of a line does not stop the paragraph from starting (inline code there stays code)', async () => {
  const text = 'Likely outcomes include `highly likely` in code.\n- Unlikely, says `almost certain` here.';
  assert.deepEqual(await spans(text, LIKELIHOOD), ['Likely', 'Unlikely']);
  assert.ok((await scopesOf(text, '`highly likely`')).includes('markup.inline.raw.string.markdown'));
  assert.ok((await scopesOf(text, '`almost certain`')).includes('markup.inline.raw.string.markdown'));
  assert.ok((await scopesOf(text, 'Likely')).includes('meta.paragraph.markdown'));
});

test('no colouring in inline code, fenced code, HTML comments or the front matter', async () => {
  const text = [
    '---',
    'title: Likely unrest',
    'summary: It may be highly likely, with high confidence [^a]',
    '---',
    '',
    'Text with `likely` and `high confidence [S1]` in code.',
    '',
    '```',
    'highly likely, may, [^a], Grade B2',
    '```',
    '',
    '~~~text',
    'almost certain',
    '~~~',
    '',
    '<!-- brief-disable-next-line vague-hedge -- likely, may -->',
  ].join('\n');
  for (const scope of [LIKELIHOOD, CONFIDENCE, HEDGE, CITATION, GRADE]) assert.deepEqual(await spans(text, scope), [], scope);
});

test('front matter is embedded YAML, only at the very top, and wins over Markdown’s own', async () => {
  const text = '---\ntitle: Harbour\nscale: phia\n---\n\n# Harbour\n';
  const tokens = await tokenize(text);
  const title = tokens.find((t) => t.text === 'title')!;
  assert.ok(title.scopes.includes(FRONT_MATTER), title.scopes.join(' '));
  assert.ok(title.scopes.includes('entity.name.tag.yaml'), 'source.yaml is included');
  assert.ok(!tokens.some((t) => t.scopes.includes('stub.markdown.frontmatter')));
  const fences = tokens.filter((t) => t.text === '---');
  assert.equal(fences.length, 2);
  for (const f of fences) assert.ok(!f.scopes.includes(FRONT_MATTER) && f.scopes.includes('meta.frontmatter.brief'));
  const heading = tokens.find((t) => t.text === 'Harbour' && t.line === 5)!;
  assert.ok(!heading.scopes.includes(FRONT_MATTER) && heading.scopes.includes('markup.heading.markdown'));
  // A --- block further down is not front matter; `...` also closes it.
  assert.ok(!(await tokenize('Intro\n\n---\ntitle: x\n---\n')).some((t) => t.scopes.includes(FRONT_MATTER)));
  const dots = await tokenize('---\ntitle: x\n...\nLikely text.\n');
  assert.ok(!dots.find((t) => t.text === 'Likely')!.scopes.includes(FRONT_MATTER));
});

test('without a YAML grammar the front matter is still one embedded block, uncoloured by the injection', async () => {
  const tokens = await tokenize('---\ntitle: Likely unrest [^a]\n---\n\nLikely text.\n', {yaml: false});
  assert.deepEqual(tokens.filter((t) => t.scopes.includes(FRONT_MATTER)).map((t) => t.text), ['title: Likely unrest [^a]']);
  assert.deepEqual(tokens.filter((t) => t.scopes.includes(LIKELIHOOD)).map((t) => [t.line, t.text]), [[4, 'Likely']]);
});

test('confidence phrases', async () => {
  const text = 'We have high confidence in this; moderate confidence there; a low level of confidence; we are highly confident; confidence is low.';
  assert.deepEqual(await spans(text, CONFIDENCE), ['high confidence', 'moderate confidence', 'low level of confidence', 'highly confident', 'confidence is low']);
  assert.deepEqual(await spans('Confidence-building talks; a confident minister; highly confidential files.', CONFIDENCE), []);
});

test('vague hedges, but not the month May, "could not" or words containing a hedge', async () => {
  assert.deepEqual(await spans('The union may strike; it might, could, possibly or perhaps will.', HEDGE), ['may', 'might', 'could', 'possibly', 'perhaps']);
  assert.deepEqual(await spans('In May 2026 the mayor could not attend; Mayday; couldn’t; dismay.', HEDGE), []);
});

test('citations: footnotes and source ids, not links, definitions or other brackets', async () => {
  const text = 'Crew hired[^crew-1] and [S1], [ref 2], [Source 12] and [3]; see [S2](https://example.org) or [the report][r] or [see above].';
  assert.deepEqual(await spans(text, CITATION), ['[^crew-1]', '[S1]', '[ref 2]', '[Source 12]', '[3]']);
  // The citation wins over Markdown's reference-link shortcut at the same place.
  assert.ok(!(await scopesOf(text, '[S1]')).includes('meta.link.reference.markdown'));
});

test('a footnote definition label is a definition, not a citation', async () => {
  const text = '[^crew-1]: Harbour Gazette, 2026-10-01. Grade B2.\n  [^b]: Port notice.';
  assert.deepEqual(await spans(text, DEFINITION), ['[^crew-1]', '[^b]']);
  assert.deepEqual(await spans(text, CITATION), []);
});

test('judgement headings (with Markdown heading scopes), but not other headings or the words in prose', async () => {
  const text = [
    '## Key Judgement 3',
    '',
    '## KJ 2: The militia is likely to withdraw',
    '',
    '### Judgment 4 ###',
    '',
    '## Key Judgements',
    '',
    '## Assessment 2026',
    '',
    '## Summary',
    '',
    'As Key Judgement 2 says, KJ 1 stands.',
  ].join('\n');
  assert.deepEqual(await spans(text, JUDGEMENT), ['Key Judgement 3', 'KJ 2: The militia is likely to withdraw', 'Judgment 4']);
  const scopes = await scopesOf(text, 'Key Judgement 3');
  assert.ok(scopes.includes('markup.heading.markdown') && scopes.includes('heading.2.markdown') && scopes.includes('entity.name.section.markdown'), scopes.join(' '));
  // Terms in a judgement heading are still coloured.
  assert.deepEqual(await spans(text, LIKELIHOOD), ['likely']);
  assert.deepEqual(await spans('## Summary\n', 'markup.heading'), ['## Summary']);
});

test('Admiralty grades in source lines', async () => {
  const text = [
    '[^a]: Harbour Gazette, 2026-10-01. Grade B2.',
    '- [S1] Ministry statement, 2026-04-02. A1',
    '- [S2] Port notice, graded C3, 2026-05-01.',
    '- [S3] Customs data, 2026-05-02 (F6).',
    '[^b]: Admiralty grade: D4.',
  ].join('\n');
  assert.deepEqual(await spans(text, GRADE), ['B2', 'A1', 'C3', 'F6', 'D4']);
  assert.deepEqual(await spans('The B2 bomber flew; Grade G7; Route A4 closed; a grade B22 steel.', GRADE), []);
});

test('the injection reaches tables, block quotes and nested lists, and keeps Markdown’s tokens elsewhere', async () => {
  const text = [
    '> The minister said it was highly likely.',
    '- Item',
    '  - nested: unlikely [^a]',
    '',
    '| Outcome | Likelihood |',
    '| --- | --- |',
    '| Strike | almost certain [S1] |',
    '',
    'Plain *emphasis* text.',
  ].join('\n');
  assert.deepEqual(await spans(text, LIKELIHOOD), ['highly likely', 'unlikely', 'almost certain']);
  assert.deepEqual(await spans(text, CITATION), ['[^a]', '[S1]']);
  assert.deepEqual(await spans(text, 'markup.italic.markdown'), ['*emphasis*']);
});

test('the generated term list covers the lexicon: no scale phrase is missing', () => {
  const forms = new Set(likelihoodForms());
  for (const s of [...builtinScales.values(), commonTerms]) for (const t of s.terms) for (const f of t.forms) assert.ok(forms.has(f.toLowerCase()), f);
});
