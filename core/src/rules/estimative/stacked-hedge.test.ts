import {testRule, brief} from '../../testing/rule-tester.js';

const kj = (statement: string, evidence = ['Crews were hired in June.[^s1]']) => brief({judgements: [{statement, evidence}]});

testRule('stacked-hedge', {
  valid: [
    kj('The operators are likely to resume service within the next three months.'),
    kj('The operators may resume service within the next three months.'),
    {name: 'far apart in one sentence', text: kj('The operators may resume the service within the next three months and the new timetable could then cut fares.')},
    {name: 'in evidence', text: kj('The operators are likely to resume service within the next three months.', ['Staff said they could possibly return.[^s1]'])},
  ],
  invalid: [
    {text: kj('The operators ⟦could possibly⟧ resume service within the next three months.'), messages: ['‘could possibly’ stacks hedges']},
    {text: kj('The operators ⟦might perhaps⟧ resume service within the next three months.')},
    {name: 'a hedge on a likelihood term', text: kj('The operators are ⟦likely to potentially⟧ resume service within the next three months.')},
    {name: 'in the summary', text: brief({summary: 'The operators ⟦may possibly⟧ resume the service within the next three months.'})},
  ],
});
