import {testRule, brief} from '../../testing/rule-tester.js';

const noScale = (statement1: string, statement2: string) =>
  brief({rawFrontMatter: '---\ntitle: Test\n---\n\n', judgements: [
    {statement: statement1, evidence: ['Crews were hired in June.[^s1]']},
    {statement: statement2, evidence: ['The council froze fees.[^s1]']},
  ]});

testRule('mixed-scales', {
  valid: [
    noScale('The operators are highly likely to resume service within three months.', 'Fees are unlikely to rise before the 2027 budget.'),
    {name: 'declared scale: off-scale terms are term-off-scale findings', text: brief({judgements: [{statement: 'The operators are very likely to resume service within three months.', evidence: ['Crews were hired.[^s1]']}]})},
    {name: 'ICD rows with a disclaimer', text: brief({scale: 'icd203', judgements: [
      {statement: 'The operators are likely to resume service within three months.', evidence: ['Crews were hired.[^s1]']},
      {statement: 'Fees are improbable to rise before the 2027 budget.', evidence: ['Fees were frozen.[^s1]']},
    ], extra: '\nThe terms likely and probable in this brief indicate the same assessment of probability.\n'})},
  ],
  invalid: [
    {
      name: 'no scale, PHIA and ICD terms',
      text: noScale('The operators are highly likely to resume service within three months.', 'Fees are ⟦very unlikely⟧ to rise before the 2027 budget.'),
      messages: ['declares no scale'],
    },
    {
      name: 'ICD 203 rows',
      text: brief({scale: 'icd203', summary: 'The operators are likely to resume service within three months.', judgements: [
        {statement: 'The operators are likely to resume service within three months.', evidence: ['Crews were hired.[^s1]']},
        {statement: 'Fees are ⟦improbable⟧ to rise before the 2027 budget.', evidence: ['Fees were frozen.[^s1]']},
      ]}),
      messages: ['row 2'],
    },
  ],
});
