import {testRule, brief} from '../../testing/rule-tester.js';

const statement = 'The operators are likely to resume service within the next three months.';

testRule('judgement-unsourced', {
  valid: [
    brief(),
    {name: 'one cited item is enough', text: brief({judgements: [{statement, evidence: ['Crews were hired in June.', 'Night berths were repaired.[^s1]']}]})},
    {name: 'a link is a citation', text: brief({judgements: [{statement, evidence: ['Crews were hired in [June](https://example.org/hiring).']}]}), config: {rules: {'source-unused': {level: 'off', options: {}}}}},
    {name: 'no evidence is a different rule', text: brief({judgements: [{statement}]})},
  ],
  invalid: [
    {
      text: brief({judgements: [{statement: `⟦${statement}⟧`, evidence: ['Crews were hired in June.', 'Night berths were repaired.']}]}),
      messages: ['None of the 2 evidence items'],
    },
    {
      name: 'an undefined bracket word is not a citation',
      text: brief({judgements: [{statement: `⟦${statement}⟧`, evidence: ['Crews were hired in [June].']}]}),
    },
  ],
});
