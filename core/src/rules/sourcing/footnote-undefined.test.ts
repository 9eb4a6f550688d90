import {test} from 'node:test';
import assert from 'node:assert/strict';
import {testRule, brief, lintWith} from '../../testing/rule-tester.js';
import {applyFixes} from '../../fix.js';

const KJ = 'The ferry operators are likely to resume the night service within the next three months.';
const withEvidence = (evidence: string[], parts: Parameters<typeof brief>[0] = {}) => brief({judgements: [{statement: KJ, evidence}], ...parts});
const entries = (...lines: string[]) => `\n## Sources\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`;

testRule('footnote-undefined', {
  valid: [
    brief(),
    {name: 'labels match case-insensitively', text: withEvidence(['Twelve crew members were hired in June.[^S1]'])},
    {
      name: 'bracket id that matches a Sources entry',
      text: withEvidence(['Twelve crew members were hired in June. [S1]'], {sources: {}, extra: entries('[S1] Harbour Gazette, "Crew hiring", 2026-10-01. B2.')}),
    },
    {
      name: 'several ids in one bracket, all defined',
      text: withEvidence(['Twelve crew members were hired in June [S1, S2].'], {
        sources: {},
        extra: entries('[S1] Harbour Gazette, 2026-10-01. B2.', '[S2] Union bulletin, 2026-10-02. C3.'),
      }),
    },
    {name: 'bracketed words are not source ids', text: withEvidence(['The minister called the plan "a [sic] success" in June.[^s1]', 'The crews [the ones hired in June] began training.[^s1]'])},
    {name: 'a footnote label cited without its caret', text: withEvidence(['Twelve crew members were hired in June. [s1]'])},
    {name: 'footnote marker in a code span', text: withEvidence(['Cite sources with `[^id]` markers, as this one does.[^s1]'])},
    {
      name: 'reference link that is defined',
      text: withEvidence(['Crew numbers rose in June, says the [Harbour Gazette][gazette].'], {extra: '\n[gazette]: https://gazette.example/crew "Crew hiring"\n'}),
    },
  ],
  invalid: [
    {
      name: 'footnote never defined',
      text: withEvidence(['Twelve crew members were hired in June.⟦[^s2]⟧']),
      messages: ['[^s2]'],
      suggestions: ['Add a definition stub ‘[^s2]: ’ at the end of the brief'],
    },
    {
      name: 'mistyped label, cited twice',
      text: withEvidence(['Twelve crew members were hired in June.⟦[^sl]⟧', 'Training began in July.⟦[^sl]⟧']),
      messages: ['Footnote [^sl] is cited but never defined', 'Footnote [^sl]'],
    },
    {
      name: 'bracket id with no Sources entry',
      text: withEvidence(['Twelve crew members were hired in June. ⟦[S3]⟧'], {
        sources: {},
        extra: entries('[S1] Harbour Gazette, 2026-10-01. B2.', '[S2] Union bulletin, 2026-10-02. C3.'),
      }),
      messages: ['S3'],
      suggestions: ['Add an entry for [S3] to the Sources section'],
    },
    {
      name: 'one unknown id in a bracket that lists several',
      text: withEvidence(['Twelve crew members were hired in June [S1, ⟦S9⟧].'], {
        sources: {},
        extra: entries('[S1] Harbour Gazette, 2026-10-01. B2.'),
      }),
      messages: ['[S9]'],
    },
    {
      name: 'summary citations are checked too',
      text: brief({summary: `${KJ}⟦[^s9]⟧`}),
    },
  ],
});

function applySuggestion(text: string): string {
  const [finding] = lintWith('footnote-undefined', text);
  assert.ok(finding?.suggestions?.length, 'expected a suggestion');
  return applyFixes(text, [finding.suggestions![0]]).text;
}

test('footnote-undefined: the footnote stub resolves the citation', () => {
  const text = withEvidence(['Twelve crew members were hired in June.[^s2]']);
  const fixed = applySuggestion(text);
  assert.ok(fixed.endsWith('[^s1]: Harbour Gazette, "Crew hiring", 2026-10-01. Grade B2.\n[^s2]: \n'), JSON.stringify(fixed.slice(-80)));
  assert.equal(lintWith('footnote-undefined', fixed).length, 0);
});

test('footnote-undefined: the footnote stub after a paragraph starts a new block', () => {
  const text = '# Brief\n\n## Summary\n\nThe strike is likely to end within a month.[^a]';
  const fixed = applySuggestion(text);
  assert.equal(fixed, text + '\n\n[^a]: \n');
  assert.equal(lintWith('footnote-undefined', fixed).length, 0);
});

test('footnote-undefined: the Sources entry stub follows the list style and resolves the id', () => {
  const text = withEvidence(['Twelve crew members were hired in June. [S3]'], {
    sources: {},
    extra: '\n## Sources\n\n1. [S1] Harbour Gazette, 2026-10-01. B2.\n2. [S2] Union bulletin, 2026-10-02. C3.\n',
  });
  const fixed = applySuggestion(text);
  assert.ok(fixed.includes('2. [S2] Union bulletin, 2026-10-02. C3.\n3. [S3] \n'), fixed);
  assert.equal(lintWith('footnote-undefined', fixed).length, 0);
});

test('footnote-undefined: with no Sources section, the stub adds one', () => {
  const text = withEvidence(['Twelve crew members were hired in June. [S3]'], {sources: {}});
  const fixed = applySuggestion(text);
  assert.ok(fixed.endsWith('\n\n## Sources\n\n- [S3] \n'), fixed);
  assert.equal(lintWith('footnote-undefined', fixed).length, 0);
});

test('footnote-undefined: stubs keep CRLF line endings', () => {
  const text = withEvidence(['Twelve crew members were hired in June.[^s2]']).replace(/\n/g, '\r\n');
  const fixed = applySuggestion(text);
  assert.ok(fixed.endsWith('Grade B2.\r\n[^s2]: \r\n'), JSON.stringify(fixed.slice(-40)));
  assert.equal(lintWith('footnote-undefined', fixed).length, 0);
  const withEntries = withEvidence(['Twelve crew members were hired in June. [S3]'], {sources: {}, extra: entries('[S1] Harbour Gazette, 2026-10-01. B2.')}).replace(/\n/g, '\r\n');
  const fixedEntries = applySuggestion(withEntries);
  assert.ok(fixedEntries.includes('- [S1] Harbour Gazette, 2026-10-01. B2.\r\n- [S3] \r\n'), JSON.stringify(fixedEntries.slice(-60)));
  assert.equal(lintWith('footnote-undefined', fixedEntries).length, 0);
});

test('footnote-undefined: each undefined footnote and id gets a stub of its own, all in the one place', () => {
  const text = withEvidence(['Twelve crew members were hired in June.[^a1]', 'Training began in July.[^b2] [S7]', 'Pay rose in August. [S8]'], {
    sources: {},
    extra: '\n## Sources\n\n- [S1] Harbour Gazette, 2026-10-01. B2.\n',
  });
  const found = lintWith('footnote-undefined', text);
  const stubs = found.map((f) => f.suggestions![0]);
  assert.deepEqual(stubs.map((s) => s.title), [
    'Add a definition stub ‘[^a1]: ’ at the end of the brief',
    'Add a definition stub ‘[^b2]: ’ at the end of the brief',
    'Add an entry for [S7] to the Sources section',
    'Add an entry for [S8] to the Sources section',
  ]);
  assert.equal(new Set(stubs.slice(0, 2).map((s) => s.edits[0].start)).size, 1);
  assert.deepEqual(stubs.slice(2).map((s) => s.edits[0].text), ['\n- [S7] ', '\n- [S8] ']);
  // Applied, a stub resolves its own citation and no other.
  assert.equal(lintWith('footnote-undefined', applyFixes(text, [stubs[0]]).text).length, 3);
});
