import {testRule, brief} from '../../testing/rule-tester.js';

const kj = (statement: string, evidence = ['Crews were hired in June.[^s1]']) => brief({judgements: [{statement, evidence}]});

testRule('vague-hedge', {
  valid: [
    kj('The operators are likely to resume service within the next three months.'),
    {name: 'hedges in evidence are not judgements', text: kj('The operators are likely to resume service within the next three months.', ['The board said it might hire more crew.[^s1]'])},
    {name: 'the month May', text: kj('The operators are likely to resume service by May 2027.')},
    {name: 'in May', text: kj('The operators are likely to resume service in May.')},
    {name: 'could not', text: kj('The operators are unlikely to resume service within three months, as the yard could not finish repairs.')},
    {name: 'as soon as possible', text: kj('The operators are likely to resume service as soon as possible within the next three months.')},
    {name: 'realistic possibility is a scale term', text: kj('It is a realistic possibility that the operators resume service within the next three months.')},
    {name: 'quoted hedge', text: kj('The operators are likely to resume what the board calls "a service that may return" within the next three months.')},
    {name: 'code span', text: kj('The operators are likely to resume the `may` timetable within the next three months.')},
  ],
  invalid: [
    {text: kj('The operators ⟦may⟧ resume service within the next three months.'), messages: ['‘may’ in Key judgement 1 is a vague hedge']},
    {text: kj('The operators ⟦might⟧ resume service within the next three months.')},
    {text: kj('⟦Perhaps⟧ the operators will resume service within the next three months.')},
    {text: kj('The operators are likely to resume service within three months, which ⟦could⟧ reduce fares.')},
    {name: 'sentence-initial May', text: kj('⟦May⟧ the operators resume service within the next three months?')},
    {name: 'stacked hedges are left to stacked-hedge', text: kj('The operators ⟦may⟧ resume service within three months and could possibly cut fares.')},
  ],
});
