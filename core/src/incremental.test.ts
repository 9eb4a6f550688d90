import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {lintText, type LintResult} from './linter.js';
import {NoSectionCache, SectionCache} from './parse/cache.js';
import {parseBrief} from './parse/document.js';
import {defaultConfig, type ResolvedConfig} from './config/types.js';
import {brief} from './testing/rule-tester.js';

/** A brief of `n` heading-layout judgements, each with cited and uncited evidence. */
function many(n: number): string {
  const judgements = Array.from({length: n}, (_, i) => ({
    statement: `The port authority is ${i % 2 ? 'likely' : 'unlikely'} to change its posture in sector ${i + 1} over the next 12 months.`,
    evidence: [`Arrivals in sector ${i + 1} rose by ${10 + i}% since June.[^s${(i % 3) + 1}]`, 'Officials reportedly expect further movement.'],
  }));
  return brief({judgements, sources: {s1: 'Harbour Gazette, 2026-10-01. B2.', s2: 'Port statistics, 2026. A1.', s3: 'Union bulletin, 3 October 2026. C3.'}});
}

/** Briefs to edit: both judgement layouts, sources of each kind, front matter, suppressions, code. */
const BASES = [
  `---
title: Ferries
scale: phia
timeframe: 12 months
---

# Ferries

## Summary

The operators are highly likely to resume the night ferry within three months. Fares will probably rise.

## Key Judgement 1

The operators are likely to resume the night ferry within three months.

- Crews were hired in June, 40% more than planned.[^a]
  - Twelve of them are licensed for night work.
- Officials said the timetable "is ready" (Harbour Gazette, 2026).

### Evidence from the unions

- The union reportedly endorsed the plan.[^b]

## KJ 2: Fares are unlikely to rise before the 2027 budget

- The regulator froze fares.[^a] [S1, S4]

<!-- brief-disable-next-line uncited-claim -- figures from our own count -->
- 300 passengers a night used the service in 2025.

## Key Judgement 3

We assess with high confidence that it is almost certain that a strike will happen.

\`\`\`
## Not a heading
\`\`\`

## Sources

[^a]: Islands Gazette, 2026-10-01. Grade B2.
[^b]: Union bulletin, 3 October 2026.
[^c]: Unused source, 2026. C3.

- [S1] Harbour Gazette, 2026. A2.
- [S2] Ministry of Ports statistics, 2025.
`,
  `# Grid

Summary
=======

A cyber attack on the grid is a realistic possibility this winter.

## Key Judgements

1. A cyber attack on the grid is a realistic possibility this winter [1].
2. Outages will probably last less than a day over the next year.
3. Attribution is unlikely within weeks.

## Background

Reports say 12 substations were probed in March. See [the report](https://example.org/r "R").

[1]: https://example.org/a
[ref]: https://example.org/a
`,
  many(4),
];

/** Pieces an analyst might type or paste, including ones that change the document's structure. */
const PIECES = [
  'x', ' ', '\n', '\n\n', '\r\n', '## Key Judgement 7\n', '### Evidence\n', '# Title\n', '## Summary\n', '## Sources\n', '## Scope note\n',
  '[^a]', '[^zz]', '[S1]', '[S9]', '[^b]: Another source, 2024. B2.\n', '- [S3] A new entry, 2026.\n', ' likely ', ' highly likely ', ' probably ',
  ' possibly ', ' might ', ' with high confidence ', '"a quoted claim here"', ' 45% ', ' reportedly ', 'Officials said ', '```\n', '---\n', '===\n',
  '- ', '1. ', '> ', '<!-- brief-disable-line -->', '<!-- brief-disable vague-hedge -->', '<!-- brief-enable -->', 'within the next year', ' by 2027',
  '😀', 'עברית', '\u0000', '|a|b|\n|-|-|\n|1|2|\n',
];

const edit = fc.record({
  at: fc.double({min: 0, max: 1, noNaN: true}),
  remove: fc.oneof(fc.constant(0), fc.integer({min: 0, max: 40})),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({maxLength: 6}), fc.constant('')),
});

function configs(): ResolvedConfig[] {
  const icd = defaultConfig();
  icd.scale = 'icd203';
  icd.requireSuppressionReason = true;
  const named = defaultConfig();
  named.sections.summary.push('bottom line');
  named.rules['judgement-no-timeframe'] = {level: 'error', options: {frontMatterCounts: true}};
  // House rules: per judgement and per evidence item (checked per unit), per Summary and document (whole).
  named.customRules = {
    'house/no-very': {kind: 'existence', terms: ['very', 'likely'], scope: 'judgement'},
    'house/think': {kind: 'substitution', swap: {reportedly: 'according to reporting'}, scope: 'evidence'},
    'house/two': {kind: 'occurrence', count: {facts: ['evidence']}, min: 2},
    'house/hedges': {kind: 'occurrence', scope: 'summary', count: {terms: ['probably', 'possibly']}, max: 1},
    'house/doc': {kind: 'existence', terms: ['quoted'], scope: 'document'},
  };
  return [defaultConfig(), icd, named];
}

const plain = (r: LintResult) => JSON.stringify({findings: r.findings, suppressed: r.suppressed});

test('an incremental lint after any sequence of edits equals a lint from scratch', () => {
  let cases = 0;
  fc.assert(
    fc.property(fc.nat(BASES.length - 1), fc.nat(2), fc.array(edit, {minLength: 1, maxLength: 12}), (b, c, edits) => {
      const config = configs()[c];
      const cache = new SectionCache();
      let text = BASES[b];
      let result = lintText(text, {config, cache});
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
        result = lintText(text, {config, cache, previous: result});
        const fresh = lintText(text, {config, cache: new SectionCache()});
        assert.equal(plain(result), plain(fresh), `after inserting ${JSON.stringify(e.insert)} at ${at}`);
        cases++;
      }
    }),
    {numRuns: 100, seed: 20261130},
  );
  assert.ok(cases > 500);
});

test('a parse with the previous document has the same model as a parse from scratch', () => {
  fc.assert(
    fc.property(fc.nat(BASES.length - 1), fc.array(edit, {minLength: 1, maxLength: 8}), (b, edits) => {
      const config = defaultConfig();
      let text = BASES[b];
      let doc = parseBrief(text, {config, cache: new SectionCache()});
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
        doc = parseBrief(text, {config, previous: doc});
        const fresh = parseBrief(text, {config, cache: new SectionCache()});
        const shape = (d: typeof doc) => ({
          sections: d.sections.map((s) => [s.start, s.end, s.treeEnd, s.level, s.role, s.judgementNumber, s.parent?.index, s.blocks.map((x) => [x.start, x.end, x.base])]),
          judgements: d.judgements.map((j) => [j.index, j.number, j.layout, j.statement?.start, j.statement?.end, j.evidence.map((i) => [i.start, i.end, i.citations.map((x) => x.start)]), j.likelihood.map((l) => [l.start, l.end, l.term.term]), j.timeframes.map((t) => t.start)]),
          sources: d.sources.map((s) => [s.kind, s.id, s.start, s.end, s.idStart, s.citedBy.map((x) => x.start)]),
          citations: d.citations.map((x) => [x.kind, x.id, x.start, x.end, x.resolved, x.source?.start]),
          evidence: d.evidenceBlocks.map((x) => x.start),
          comments: d.comments.map((x) => [x.start, x.end]),
          code: d.code.map((x) => [x.start, x.end]),
          title: d.title,
          summary: d.summary?.start,
          roles: d.sections.flatMap((s) => s.blocks.map((x) => d.roleOf(x))),
          sourcesKey: d.sourcesKey,
        });
        assert.deepEqual(shape(doc), shape(fresh));
      }
    }),
    {numRuns: 100, seed: 7},
  );
});

test('a keystroke in one judgement re-checks that judgement only and reuses the document rules', () => {
  const text = many(40);
  const config = defaultConfig();
  const cache = new SectionCache();
  const first = lintText(text, {config, cache});
  assert.ok(first.reuse!.stats.unitsChecked > 40);
  const at = text.indexOf('## Key Judgement 20');
  const line = text.indexOf('\n\n', at) + 2;
  const second = lintText(text.slice(0, line) + 'So ' + text.slice(line), {config, cache, previous: first});
  assert.equal(second.reuse!.stats.unitsChecked, 1);
  assert.ok(second.reuse!.stats.unitsReused > 40);
  for (const id of ['source-unused', 'source-duplicate', 'footnote-undefined']) assert.ok(second.reuse!.stats.rulesReused.includes(id), id);
  // The same text again: nothing to check.
  const third = lintText(second.doc.text, {config, cache, previous: second});
  assert.equal(third.reuse!.stats.unitsChecked, 0);
  assert.equal(plain(third), plain(second));
});

test('editing a source re-runs the sourcing rules; another config lints from scratch', () => {
  const text = many(3);
  const config = defaultConfig();
  const first = lintText(text, {config});
  const at = text.lastIndexOf('[^');
  const second = lintText(text.slice(0, at) + '[^new]: A new source, 2026. B2.\n' + text.slice(at), {config, previous: first});
  assert.ok(!second.reuse!.stats.rulesReused.includes('source-unused'));
  const other = defaultConfig();
  const third = lintText(second.doc.text, {config: other, previous: second});
  assert.equal(third.reuse!.stats.unitsReused, 0);
  assert.equal(third.doc.change, undefined);
});

test('a one-shot lint (no section cache, no reuse bookkeeping) equals the default lint', () => {
  fc.assert(
    fc.property(fc.nat(BASES.length - 1), fc.nat(2), fc.array(edit, {maxLength: 6}), (b, c, edits) => {
      const config = configs()[c];
      let text = BASES[b];
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
      }
      const once = lintText(text, {config, cache: new NoSectionCache(), reuse: false});
      assert.equal(plain(once), plain(lintText(text, {config, cache: new SectionCache()})));
      assert.equal(once.reuse, undefined);
    }),
    {numRuns: 150, seed: 20261130},
  );
  // And it keeps nothing.
  const cache = new NoSectionCache();
  lintText(BASES[0], {config: defaultConfig(), cache, reuse: false});
  lintText(BASES[0], {config: defaultConfig(), cache, reuse: false});
  assert.equal(cache.hits, 0);
  assert.ok(cache.misses > 2);
});
