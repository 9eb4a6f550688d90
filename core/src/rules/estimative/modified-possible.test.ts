import {testRule, brief} from '../../testing/rule-tester.js';

const kj = (statement: string) => brief({judgements: [{statement, evidence: ['Crews were hired in June.[^s1]']}]});

testRule('modified-possible', {
  valid: [
    kj('It is a realistic possibility that the operators resume service within the next three months.'),
    kj('The operators are likely to resume service within the next three months.'),
    {name: 'in evidence', text: brief({judgements: [{statement: 'The operators are likely to resume service within the next three months.', evidence: ['The board called a return a serious possibility.[^s1]']}]})},
  ],
  invalid: [
    {
      text: kj('There is a ⟦serious possibility⟧ that the operators resume service within the next three months.'),
      messages: ['‘serious possibility’ modifies "possible"'],
      suggestions: ['Replace with ‘realistic possibility’'],
    },
    {text: kj('It is ⟦highly possible⟧ that the operators resume service within the next three months.')},
    {text: kj('A return is a ⟦distinct possibility⟧ within the next three months.')},
  ],
});
