import {testRule, brief} from '../../testing/rule-tester.js';

const kj = (statement: string) => brief({judgements: [{statement, evidence: ['Crews were hired in June.[^s1]']}]});

testRule('missing-likelihood', {
  valid: [
    kj('The operators are likely to resume service within the next three months.'),
    kj('The operators will very likely resume service within the next three months.'),
    {name: 'confidence alone', text: kj('We judge with high confidence that the operators halted the night service in 2025.')},
    {name: 'a hedge is another rule', text: kj('The operators may resume service within the next three months.')},
    {name: 'will in evidence is fine', text: brief({judgements: [{statement: 'The operators are likely to resume service within the next three months.', evidence: ['The board said it will hire more crew.[^s1]']}]})},
  ],
  invalid: [
    {text: kj('The operators ⟦will⟧ resume service within the next three months.'), messages: ["states its outcome as certain (‘will’)"]},
    {text: kj('The operators are ⟦certainly⟧ going to resume service within the next three months.')},
    {name: 'no marker word at all', text: kj('⟦The operators resume service within the next three months.⟧'), messages: ['states no likelihood']},
    {name: 'a likelihood word inside a quotation does not count', text: kj('The operators ⟦will⟧ resume what the board calls a "likely return" within the next three months.')},
  ],
});
