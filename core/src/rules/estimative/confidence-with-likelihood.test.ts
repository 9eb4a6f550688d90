import {testRule, brief} from '../../testing/rule-tester.js';

const kj = (statement: string) => brief({judgements: [{statement, evidence: ['Crews were hired in June.[^s1]']}]});

testRule('confidence-with-likelihood', {
  valid: [
    kj('The operators are likely to resume service within the next three months. We have moderate confidence in this judgement.'),
    kj('We judge with high confidence that the operators sold two ferries in 2025.'),
  ],
  invalid: [
    {text: kj('We assess with ⟦high confidence⟧ that the operators are likely to resume service within the next three months.'), messages: ['combines a confidence level']},
    {text: kj('We are ⟦moderately confident⟧ the operators will probably resume service within the next three months.')},
    {name: 'summary too', text: brief({summary: 'With ⟦low confidence⟧, we judge it unlikely that the ferry fares rise within the next three months.'})},
  ],
});
