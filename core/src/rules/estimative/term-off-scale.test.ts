import {testRule, brief} from '../../testing/rule-tester.js';

const kj = (statement: string, scale = 'phia') => brief({scale, judgements: [{statement, evidence: ['Crew numbers rose in June.[^s1]']}]});

testRule('term-off-scale', {
  valid: [
    kj('The ferry operators are highly likely to resume the night service within the next three months.'),
    kj('The ferry operators are very likely to resume the night service within the next three months.', 'icd203'),
    kj('The operators will probably resume the night service within the next three months.'),
    {name: 'terms in evidence are not judgements', text: brief({judgements: [{statement: 'The operators are likely to resume service within the next three months.', evidence: ['Staff said a return was very likely.[^s1]']}]})},
    {name: 'terms in quotes are not judgements', text: kj('The operators are likely to resume what they call "a very likely return to normal" within the next three months.')},
    {name: 'terms in code are not judgements', text: kj('The operators are likely to resume the `very likely` service within the next three months.')},
  ],
  invalid: [
    {
      name: 'ICD term under PHIA',
      text: kj('The ferry operators are ⟦very likely⟧ to resume the night service within the next three months.'),
      messages: ['highly likely'],
      output: kj('The ferry operators are highly likely to resume the night service within the next three months.'),
    },
    {
      name: 'PHIA term under ICD 203, article adjusted',
      text: kj('There is a ⟦realistic possibility⟧ that the operators resume the night service within the next three months.', 'icd203'),
      suggestions: ['Replace with ‘roughly even chance’ (45–55% on US ODNI ICD 203 expressions of likelihood)'],
    },
    {
      name: 'phrase on no scale, capitalised',
      text: kj('⟦Extremely likely⟧, the operators will resume the night service within the next three months.'),
      messages: ['on no published scale'],
      output: kj('Highly likely, the operators will resume the night service within the next three months.'),
    },
    {
      name: 'summary is checked too',
      text: brief({summary: 'The operators are ⟦very likely⟧ to resume the night service within the next three months.'}),
    },
    {
      name: 'an article follows the new term',
      text: kj('There is an ⟦even chance⟧ that the operators resume the night service within the next three months.'),
      suggestions: ['Replace with ‘realistic possibility’ (≈40–<50% on UK PHIA Probability Yardstick)'],
    },
  ],
});
