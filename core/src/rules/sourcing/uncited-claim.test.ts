import {testRule, brief} from '../../testing/rule-tester.js';

const KJ = 'The ferry operators are likely to resume the night service within the next three months.';
const ev = (...evidence: string[]) => brief({judgements: [{statement: KJ, evidence}]});
/** Evidence written as paragraphs (no list) after the judgement statement. */
const prose = (...paragraphs: string[]) => brief({judgements: [{statement: `${KJ}\n\n${paragraphs.join('\n\n')}`}]});

testRule('uncited-claim', {
  valid: [
    brief(),
    {name: 'cited figure', text: ev('Sailings fell by 40% in September.[^s1]')},
    {name: 'citation elsewhere in the same list item', text: ev('Sailings fell by 40% in September. The union blamed fuel costs.[^s1]')},
    {name: 'citation in a nested item of the same top-level item', text: ev('Sailings fell by 40% in September.\n  - Port authority data.[^s1]')},
    {name: 'citation in the next sentence of a paragraph', text: prose('Sailings fell by 40% in September. The port authority published the figures on 2 October.[^s1]')},
    {name: 'a sentence that is only a link joins the one before', text: prose('Fares rose by 12% in November. The union published the figures. [Port data](https://port.example/stats).')},
    {name: 'footnotes and links in one paragraph', text: prose('Sailings fell by 40% in September.[^s1] The union met in October. Fares rose by 12% in November, according to [port data](https://port.example/stats). The council met in December.')},
    {name: 'bracket citation after the sentence', text: prose('Sailings fell by 40% in September. [S1]') + '\n## References\n\n- [S1] Port authority statistics, 2026-10-02.\n'},
    {name: 'inline link as the citation', text: ev('Sailings fell by 40% in September, according to [port data](https://port.example/stats).')},
    {name: 'years and dates are not figures', text: ev('The night service ran from 2019 until 3 March 2026, and stopped again on 2026-09-14.')},
    {name: 'durations are not figures', text: ev('The operators plan a 12-month trial, starting within 6 weeks, after a 24-hour stoppage.')},
    {name: 'ranges of durations', text: ev('Repairs usually take 3–6 months, or 2 to 4 weeks for minor work.')},
    {name: 'labels and designations', text: ev('Article 5 of the 2024 harbour code and Resolution 2231 apply; the F-16 escorts stayed at Pier #3 during Phase 2.')},
    {name: 'ordinals', text: ev('The 3rd Battalion relieved the 58th Brigade at the port.')},
    {name: 'likelihood with its band', text: ev('Staff said a return was likely (55–75%) once fuel arrives.[^s1]', 'A full return is highly likely (80–90%) after the fuel deliveries, and there is a 60% chance of a strike.')},
    {name: 'an estimate the analyst makes', text: ev('We assess that sailings will recover to about 300 a week once crews return.')},
    {name: 'a figure after a likelihood term', text: ev('Sailings are likely to recover to about 300 a week once crews return.')},
    {name: 'quotation in a block quote', text: ev('Sailings resumed in June.[^s1]').replace('## Sources', '> The harbour master said "we will reopen soon enough" after 40 days.\n\n## Sources')},
    {name: 'figures in the Summary are not evidence', text: brief({summary: `${KJ} Sailings fell by 40% in September.`})},
    {name: 'figures in the Sources section', text: brief({sources: {s1: 'Port authority statistics: 1,200 sailings in 2025, p. 14. B2.'}})},
    {name: 'two-word and naming quotes', text: ev('Crews call it the "night shift" in June.', 'The so-called "ferry recovery plan for winter" began in June.')},
    {name: 'a cited lead-in covers its list', text: prose('Port statistics for September show:[^s1]\n\n- sailings down 40%;\n- 1,200 passengers stranded.')},
    {name: 'a table with a cited caption', text: prose('Sailings by month, from port statistics:[^s1]\n\n| Month | Sailings |\n|---|---|\n| August | 410 |\n| September | 246 |')},
    {name: 'a short quoted term after a possessive', text: ev('Varennia\'s "border security operation" entered its second month in June.')},
    {name: 'designations and codes', text: ev('Two Type 055 destroyers, 5G masts and 9M729 launchers were seen at the port in June.[^s1]', 'The S-400 and F-16 units stayed at Route 7 in June.')},
    {
      name: 'figures in a scope note or outlook are the analyst\'s own',
      text: brief({extra: '\n## Scope note\n\nThis brief draws on 14 open sources and 3 interviews.\n\n## Outlook\n\nIf premiums exceed 1% of hull value, carriers would re-route, adding 9 days per voyage.\n'}),
    },
    {
      name: 'author–date citation of a listed reference',
      text: prose('Sailings fell by 40% in September (Port Authority of Kessel, 2026).') + '\n## References\n\n- Port Authority of Kessel, monthly statistics, October 2026.\n',
    },
    {name: 'a source named in words', text: ev('Sailings fell by 40% in September (source: port authority statistics).', 'About 1,200 passengers were stranded. Source: Harbour Gazette.')},
    {name: 'a byline under the title', text: brief().replace('# Test Brief\n', '# Test Brief\n\nPrepared by Team 4 for the 12 November review.\n')},
    {name: 'figure in code', text: ev('The timetable field `sailings_per_week: 300` stays empty in June.')},
  ],
  invalid: [
    {name: 'uncited percentage', text: ev('Sailings fell by ⟦40%⟧ in September.'), messages: ['The figure ‘40%’ has no source']},
    {name: 'uncited amount', text: ev('The operators spent ⟦$4m⟧ on new crew in June.')},
    {name: 'uncited count', text: ev('Some ⟦1,200⟧ passengers were stranded with 300 vehicles in September.')},
    {name: 'uncited quotation', text: ev('The harbour master said ⟦"we will reopen soon enough"⟧ in June.'), messages: ['The quotation "we will reopen soon enough" has no source']},
    {name: 'one finding per sentence, two sentences', text: ev('About ⟦300⟧ crew left in June. Another ⟦40⟧ joined in July.')},
    {name: 'citation two sentences later is too far', text: prose('Sailings fell by ⟦40%⟧ in September. The union blamed fuel costs. The port published its data on 2 October.[^s1]')},
    {
      name: 'a long paragraph: each figure by its own sentence and the next',
      text: prose('Sailings fell by 40% in September.[^s1] The union met in October. Fares rose by ⟦12%⟧ in November. The harbour closed for a week. The council met in December. Fuel costs rose by 9% in January. [^s1] Crews fell by ⟦300⟧ in February. The port reopened.'),
    },
    {name: 'a citation in the previous sentence does not cover the next', text: prose('The union met on 2 October.[^s1] Sailings fell by ⟦40%⟧ in September.')},
    {name: 'a figure before a likelihood term is still reporting', text: ev('Sailings fell by ⟦40%⟧ in September, likely because of fuel shortages.')},
    {name: 'an uncited table row', text: prose('| Month | Sailings |\n|---|---|\n| August | ⟦410⟧ |')},
    {name: 'evidence in a background section', text: brief({judgements: [{statement: KJ}], extra: '\n## Background\n\nThe port handled ⟦1.5 million⟧ passengers last year.\n'})},
    {name: 'a quotation after a verb is speech, even when short', text: ev('The minister promised ⟦"a swift return to service"⟧ in June.')},
    {name: 'a short quotation after "said that"', text: ev('The minister said that ⟦"crews will return soon"⟧ in June.')},
    {
      name: 'a parenthesis with a year is not a citation unless it names a listed source',
      text: prose('Sailings fell by ⟦40%⟧ in September (Kessel Herald, 2026).') + '\n## References\n\n- Port Authority of Kessel, monthly statistics, October 2026.\n',
    },
    {name: 'a quotation containing a figure is reported once, as a quotation', text: ev('The mayor said ⟦"40 ferries will sail by spring"⟧ in June.'), messages: ['quotation']},
  ],
});
