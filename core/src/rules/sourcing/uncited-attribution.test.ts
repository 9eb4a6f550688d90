import {testRule, brief} from '../../testing/rule-tester.js';

const KJ = 'The ferry operators are likely to resume the night service within the next three months.';
const ev = (...evidence: string[]) => brief({judgements: [{statement: KJ, evidence}]});
const prose = (...paragraphs: string[]) => brief({judgements: [{statement: `${KJ}\n\n${paragraphs.join('\n\n')}`}]});

testRule('uncited-attribution', {
  valid: [
    brief(),
    {name: 'cited attribution', text: ev('According to the port authority, sailings fell in September.[^s1]')},
    {name: 'citation elsewhere in the list item', text: ev('Union officials said a deal was close. The statement followed a vote.[^s1]')},
    {name: 'citation in the next sentence', text: prose('Sailings reportedly fell in September. The port authority confirmed this on 2 October.[^s1]')},
    {name: 'cited in the Summary', text: brief({summary: `According to the operators, ${KJ.toLowerCase()}[^s1]`})},
    {name: 'not attribution: according to plan', text: ev('Repairs went according to plan in June.[^s1]', 'Crews were trained according to the schedule agreed in May.')},
    {name: 'not attribution: the analyst', text: ev('We believe the vessel is in port.', 'That said, the crews are ready.', 'Having said that, fuel remains short.', 'Our analysts note the fuel shortage.')},
    {name: 'attribution words inside a quotation', text: ev('The mayor called the strike "reportedly the worst in years" in June.[^s1]', 'The minister mocked the "sources say" style of the local press.')},
    {name: 'attribution in a block quote', text: ev('Sailings resumed in June.[^s1]').replace('## Sources', '> Officials said the port would reopen.\n\n## Sources')},
    {name: 'attribution in a footnote body or the Sources section', text: brief({sources: {s1: 'Harbour Gazette, officials said the port would reopen, 2026-10-01. B2.'}})},
    {name: 'official without a verb of saying', text: ev('The official in charge of the port resigned in June.[^s1]', 'Officials from the ministry visited the port.')},
  ],
  invalid: [
    {name: 'according to, in the Summary', text: brief({summary: `⟦According to⟧ officials, ${KJ.toLowerCase()}`}), messages: ['‘According to’']},
    {name: 'reportedly, in a judgement statement', text: brief({judgements: [{statement: 'The ferry operators will ⟦reportedly⟧ resume the night service within the next three months.', evidence: ['Crews returned in June.[^s1]']}]})},
    {
      name: 'a judgement stated in its heading',
      text: brief({judgements: [{heading: 'Key Judgement 1: the operators will ⟦reportedly⟧ resume night sailings within three months', statement: '- Crews returned in June.[^s1]'}]}),
    },
    {name: 'officials said', text: ev('Union ⟦officials said⟧ a deal was close.')},
    {name: 'sources close to', text: ev('⟦Sources close to the union say⟧ a deal is close.')},
    {name: 'it is reported', text: ev('⟦It is reported⟧ that fuel deliveries resumed in June.')},
    {name: 'said to', text: ev('The harbour master ⟦is said to⟧ favour reopening.')},
    {name: 'intelligence usage', text: ev('⟦Reporting indicates⟧ that crews are returning.')},
    {name: 'a named actor said that', text: ev('The ministry ⟦said that⟧ fuel deliveries would resume.')},
    {name: 'citation two sentences later is too far', text: prose('Sailings ⟦reportedly⟧ fell in September. The union blamed fuel costs. The port published its data on 2 October.[^s1]')},
    {name: 'one finding per sentence', text: ev('⟦According to⟧ officials, crews were reportedly returning.')},
    {name: 'media reports in a background section', text: brief({extra: '\n## Background\n\nLocal ⟦media reports⟧ describe long queues at the port.\n'})},
  ],
});
