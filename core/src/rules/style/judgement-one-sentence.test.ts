import {testRule, brief} from '../../testing/rule-tester.js';

const kj = (statement: string) => brief({judgements: [{statement, evidence: ['Strike pay covers eight more weeks.[^s1]']}]});
const list = (...items: string[]) => brief({judgements: [], extra: `\n## Key Judgements\n\n${items.map((s) => `- ${s}`).join('\n')}\n`});

testRule('judgement-one-sentence', {
  valid: [
    brief(),
    {name: 'abbreviations do not end a sentence', text: kj('The U.S. Navy is likely to escort the convoys, e.g. through the strait, over the next month.')},
    {name: 'a stray split on a reference is not a sentence', text: kj('The strike is likely to continue over the next month (see para. 4).')},
    {name: 'a citation after the full stop', text: kj('The strike is likely to continue over the next month.[^s1]')},
    {
      name: 'a heading that states the judgement after "Key Judgement 1."',
      text: brief({judgements: [{heading: 'Key Judgement 1. The strike is likely to continue over the next month', statement: ''}]}),
    },
    {name: 'several sentences in the evidence are fine', text: brief({judgements: [{statement: 'The strike is likely to continue over the next month.', evidence: ['Strike pay covers eight weeks. The ballot runs to January.[^s1]']}]})},
    {
      name: 'an Evidence subsection under a judgement heading',
      text: brief({judgements: [{statement: 'The strike is likely to continue over the next month.\n\n### Evidence\n\nStrike pay covers eight weeks. The ballot runs to January.[^s1]'}]}),
    },
    {
      name: 'a confidence level in a sentence of its own (ICD 203)',
      text: kj('The strike is likely to continue over the next month. We have moderate confidence in this judgement.'),
    },
    {name: 'one-sentence list items', text: list('The strike is likely to continue over the next month.', 'The port is unlikely to concede before the spring.')},
  ],
  invalid: [
    {
      name: 'a second sentence of reasons',
      text: kj('The strike is likely to continue over the next month. ⟦Strike pay remains available and the ballot runs until January.⟧'),
      messages: ['A key judgement should be one sentence; move the second sentence (‘Strike pay remains available and the ballot runs…’) to the evidence below it.'],
      suggestions: ['Move the rest into its own paragraph, as evidence'],
    },
    {
      name: 'three sentences: one finding over the rest',
      text: kj('The strike is likely to continue over the next month. ⟦The union has funds. The port has no leverage until spring.⟧'),
      messages: ['move the 2 sentences after the first'],
    },
    {
      name: 'a confidence sentence is left alone, the reasons after it are not',
      text: kj('The strike is likely to continue over the next month. We have high confidence in this judgement. ⟦The union has funds for eight weeks.⟧'),
      messages: ['move the sentence (‘The union has funds for eight weeks.’)'],
    },
    {
      name: 'a question then the judgement',
      text: kj('Will the strike end soon? ⟦We judge it unlikely to end within the next month.⟧'),
    },
    {
      name: 'a list-layout judgement',
      text: list('The strike is likely to continue over the next month. ⟦The union has funds for eight weeks.⟧', 'The port is unlikely to concede before the spring.'),
      messages: ['to the supporting text'],
    },
  ],
});
