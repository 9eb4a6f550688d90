import {testRule, brief} from '../../testing/rule-tester.js';

const KJ = 'The ferry operators are likely to resume the night service within the next three months.';
const withEvidence = (evidence: string[], parts: Parameters<typeof brief>[0] = {}) => brief({judgements: [{statement: KJ, evidence}], ...parts});
const entries = (...lines: string[]) => `\n## Sources\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`;

testRule('source-unused', {
  valid: [
    brief(),
    {
      name: 'a footnote cited only in the Summary',
      text: withEvidence(['Twelve crew members were hired in June.[^s1]'], {
        summary: `${KJ}[^s2]`,
        sources: {s1: 'Harbour Gazette, 2026-10-01. B2.', s2: 'Union bulletin, 2026-10-02. C3.'},
      }),
    },
    {
      name: 'an uncited Sources list is a bibliography',
      text: withEvidence(['Twelve crew members were hired in June.[^s1]'], {
        extra: '\n## References\n\n- Harbour Gazette, "Crew hiring", 2026-10-01.\n- Port authority, annual report, 2025.\n',
      }),
    },
    {
      name: 'numbered bibliography with no bracket citations',
      text: withEvidence(['Twelve crew members were hired in June.'], {sources: {}, extra: '\n## Sources\n\n1. Harbour Gazette, 2026-10-01.\n2. Union bulletin, 2026-10-02.\n'}),
    },
    {
      name: 'every Sources entry cited by id, one of them in a list of ids',
      text: withEvidence(['Twelve crew members were hired in June [S1, S3].', 'Training began in July. [S2]'], {
        sources: {},
        extra: entries('[S1] Harbour Gazette, 2026-10-01. B2.', '[S2] Union bulletin, 2026-10-02. C3.', '[S3] Port authority notice, 2026-10-03. A2.'),
      }),
    },
    {
      name: 'adjacent bracket ids',
      text: withEvidence(['Twelve crew members were hired in June [S1][S2].'], {
        sources: {},
        extra: entries('[S1] Harbour Gazette, 2026-10-01. B2.', '[S2] Union bulletin, 2026-10-02. C3.'),
      }),
    },
    {name: 'a footnote label cited without its caret', text: withEvidence(['Twelve crew members were hired in June [s1].'])},
    {
      name: 'prose in the Sources section has no id',
      text: withEvidence(['Twelve crew members were hired in June. [S1]'], {
        sources: {},
        extra: '\n## Sources\n\nSources are graded with the Admiralty code.\n\n- [S1] Harbour Gazette, 2026-10-01. B2.\n',
      }),
    },
    {
      name: 'a reference link that is used',
      text: withEvidence(['Crew numbers rose in June, says the [Harbour Gazette][gazette].'], {sources: {}, extra: '\n[gazette]: https://gazette.example/crew\n'}),
    },
  ],
  invalid: [
    {
      name: 'footnote defined but never cited',
      text: brief({sources: {s1: 'Harbour Gazette, 2026-10-01. B2.', '⟦s2⟧': 'Union bulletin, 2026-10-02. C3.'}}),
      messages: ['Footnote [^s2] is defined but never cited'],
    },
    {
      name: 'the evidence lost its citation',
      text: withEvidence(['Twelve crew members were hired in June.'], {sources: {'⟦s1⟧': 'Harbour Gazette, 2026-10-01. B2.'}}),
    },
    {
      name: 'Sources entry never cited when the brief cites entries by id',
      text: withEvidence(['Twelve crew members were hired in June. [S1]'], {
        sources: {},
        extra: entries('[S1] Harbour Gazette, 2026-10-01. B2.', '[⟦S2⟧] Union bulletin, 2026-10-02. C3.'),
      }),
      messages: ['Source [S2]'],
    },
    {
      name: 'numbered entries cited as [1]',
      text: withEvidence(['Twelve crew members were hired in June [1].'], {
        sources: {},
        extra: '\n## Sources\n\n1. Harbour Gazette, 2026-10-01.\n⟦2⟧. Union bulletin, 2026-10-02.\n',
      }),
    },
    {
      name: 'an unused link definition',
      text: brief({extra: '\n[⟦gazette⟧]: https://gazette.example/crew\n'}),
      messages: ['Link reference [gazette]'],
    },
  ],
});
