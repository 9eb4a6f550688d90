import {testRule, brief} from '../../testing/rule-tester.js';

const KJ = 'The ferry operators are likely to resume the night service within the next three months.';
const withSources = (sources: Record<string, string>, extra?: string) =>
  brief({judgements: [{statement: KJ, evidence: Object.keys(sources).map((id) => `Crews returned in June.[^${id.replace(/[⟦⟧]/g, '')}]`)}], sources, extra});

testRule('source-metadata', {
  valid: [
    brief(),
    {name: 'grade written B/2 and a month date', text: withSources({a: 'Union bulletin, Oct 2026, graded B/2.'})},
    {name: 'reliability and credibility spelled out', text: withSources({a: 'Union bulletin, 03/10/2026. Reliability B, credibility 2.'})},
    {name: 'only the date required', text: withSources({a: 'Union bulletin, 3 October 2026.'}), options: {requireGrade: false}},
    {name: 'only the grade required', text: withSources({a: 'Union bulletin. F6.'}), options: {requireDate: false}},
    {name: 'nothing required', text: withSources({a: 'Union bulletin.'}), options: {requireDate: false, requireGrade: false}},
    {
      name: 'prose in the Sources section is not a source',
      text: brief({sources: {}, judgements: [{statement: KJ, evidence: ['Crews returned in June. [S1]']}], extra: '\n## Sources\n\nSources are graded with the Admiralty code as follows:\n\n- [S1] Harbour Gazette, 2026-10-01. B2.\n'}),
    },
  ],
  invalid: [
    {
      name: 'footnote with neither',
      text: withSources({'⟦a⟧': 'Union bulletin.'}),
      messages: ['Footnote [^a] has no date and no Admiralty grade'],
    },
    {name: 'no grade', text: withSources({'⟦a⟧': 'Union bulletin, 3 October 2026.'}), messages: [/no Admiralty grade\. .*B2/]},
    {name: 'no date', text: withSources({'⟦a⟧': 'Union bulletin. Grade C3.'}), messages: [/has no date\. Add it/]},
    {name: 'grade letter out of range is not a grade', text: withSources({'⟦a⟧': 'Union bulletin, 3 October 2026. Grade G7.'})},
    {name: 'only the date required', text: withSources({'⟦a⟧': 'Union bulletin. B2.'}), options: {requireGrade: false}, messages: ['has no date.']},
    {
      name: 'Sources entries and link definitions',
      text: brief({
        sources: {},
        judgements: [{statement: KJ, evidence: ['Crews returned in June. [S1]', 'Fuel arrived, says the [Gazette][gz].']}],
        extra: '\n## Sources\n\n- [⟦S1⟧] Harbour Gazette, crew hiring.\n\n[⟦gz⟧]: https://gazette.example/fuel\n',
      }),
      messages: ['Source [S1]', 'Link reference [gz]'],
    },
  ],
});
