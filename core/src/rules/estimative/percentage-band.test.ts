import {testRule, brief} from '../../testing/rule-tester.js';

const kj = (statement: string, scale = 'phia') => brief({scale, judgements: [{statement, evidence: ['Crews were hired in June.[^s1]']}]});

testRule('percentage-band', {
  valid: [
    kj('The operators are likely (55–75%) to resume service within the next three months.'),
    kj('The operators are likely (60%) to resume service within the next three months.'),
    kj('The operators are highly likely (80-90%) to resume service within the next three months.'),
    {name: 'a figure far from the term is not its band', text: kj('The operators, which cut 30% of routes, are likely to resume service within the next three months.')},
    kj('The operators are very likely (85%) to resume service within the next three months.', 'icd203'),
  ],
  invalid: [
    {
      text: kj('The operators are likely (⟦30%⟧) to resume service within the next three months.'),
      messages: ['‘likely’ means ≈55–≈75%', 'x'].slice(0, 1),
      suggestions: ['Replace the figure with ‘55–75%’', 'Replace ‘likely’ with ‘unlikely’'],
    },
    {text: kj('The operators are highly likely (⟦50–60%⟧) to resume service within the next three months.')},
    {text: kj('The operators are unlikely, around ⟦60 per cent⟧, to resume service within the next three months.')},
    {name: 'on the document scale', text: kj('The operators are likely (⟦85%⟧) to resume service within the next three months.', 'icd203')},
  ],
});
