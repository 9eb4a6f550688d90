import {test} from 'node:test';
import assert from 'node:assert/strict';
import {testRule, brief, lintWith} from '../../testing/rule-tester.js';
import {stripMarkers} from '../../testing/rule-tester.js';

const KJ = 'The ferry operators are likely to resume the night service within the next three months.';
const cites = (...ids: string[]) => brief({judgements: [{statement: KJ, evidence: ids.map((id, i) => `Crews returned to pier ${i + 1} in June.${id}`)}]});
const withSources = (ids: string[], sources: Record<string, string>, extra?: string) =>
  brief({judgements: [{statement: KJ, evidence: ids.map((id) => `Crews returned in June.${id}`)}], sources, extra});
const entries = (...lines: string[]) => `\n## Sources\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`;

testRule('source-duplicate', {
  valid: [
    brief(),
    cites(),
    {
      name: 'same publisher, different articles',
      text: withSources(['[^a]', '[^b]'], {a: 'Harbour Gazette, "Crew hiring", 2026-10-01. B2.', b: 'Harbour Gazette, "Fuel deliveries", 2026-10-04. B2.'}),
    },
    {
      name: 'same URL at different pages',
      text: withSources(['[^a]', '[^b]'], {
        a: 'Port authority annual report, p. 4, https://port.example/report-2026.pdf',
        b: 'Port authority annual report, p. 9, https://port.example/report-2026.pdf',
      }),
    },
    {
      name: 'ibid. repeated',
      text: withSources(['[^a]', '[^b]', '[^c]'], {a: 'Harbour Gazette, "Crew hiring", 2026-10-01. B2.', b: 'Ibid.', c: 'Ibid.'}),
    },
    {
      name: 'a bibliography may repeat a footnote',
      text: withSources(['[^a]'], {a: 'Harbour Gazette, "Crew hiring", 2026-10-01. B2.'}, '\n## Bibliography\n\n- Harbour Gazette, "Crew hiring", 2026-10-01. B2.\n'),
    },
    {
      name: 'two numbered bibliography lists that both start at 1',
      text: withSources(['[^a]'], {a: 'Harbour Gazette, 2026-10-01. B2.'}, '\n## References\n\n### Primary\n\n1. Port authority notice, 2026-09-30.\n\n### Secondary\n\n1. Union bulletin, 2026-10-02.\n'),
    },
    {
      name: 'short identical notes are not sources',
      text: withSources(['[^a]', '[^b]'], {a: 'Interview.', b: 'Interview.'}),
    },
  ],
  invalid: [
    {
      name: 'the same footnote id defined twice',
      text: withSources(['[^s1]'], {s1: 'Harbour Gazette, "Crew hiring", 2026-10-01. B2.'}, '[^⟦s1⟧]: Union bulletin, 2026-10-02. C3.\n'),
      messages: ['[^s1] is defined twice'],
    },
    {
      name: 'two footnotes with the same URL',
      text: withSources(['[^a]', '[^b]'], {
        a: 'Harbour Gazette, crew hiring, https://gazette.example/crew-hiring',
        '⟦b⟧': 'Gazette story on hiring, <https://www.gazette.example/crew-hiring/>',
      }),
      messages: ['[^b] points to the same URL as [^a]'],
    },
    {
      name: 'the same text under two ids, up to case and punctuation',
      text: withSources(['[^a]', '[^b]'], {a: 'Harbour Gazette, "Crew hiring", 2026-10-01. B2.', '⟦b⟧': 'harbour gazette — “Crew Hiring” 2026-10-01, B2'}),
      messages: ['[^b] repeats the source [^a]'],
    },
    {
      name: 'Sources entries cited by id',
      text: withSources(['[S1]', '[S2]'], {}, entries('[S1] Union bulletin, 2026-10-02. C3.', '[⟦S2⟧] Union bulletin, 2026-10-02. C3.')),
    },
    {
      name: 'a link definition and a footnote to the same page',
      text: brief({
        judgements: [{statement: KJ, evidence: ['Crews returned in June.[^s1]', 'Fuel arrived in July, says the [Gazette][gz].']}],
        sources: {s1: 'Harbour Gazette, https://gazette.example/crew'},
        extra: '\n[⟦gz⟧]: https://gazette.example/crew\n',
      }),
    },
  ],
});

test('source-duplicate: related information points to the first definition', () => {
  const {text} = stripMarkers(withSources(['[^a]', '[^b]'], {a: 'Harbour Gazette, "Crew hiring", 2026-10-01. B2.', b: 'Harbour Gazette: crew hiring; 2026-10-01; B2'}));
  const [finding] = lintWith('source-duplicate', text);
  assert.ok(finding.related?.length);
  assert.equal(text.slice(finding.related![0].start, finding.related![0].end), 'a');
});
