import {testRule, brief} from '../../testing/rule-tester.js';

const kj = (statement: string, frontMatter?: string) => brief({frontMatter, judgements: [{statement, evidence: ['Crews were hired in June.[^s1]']}]});

testRule('judgement-no-timeframe', {
  valid: [
    kj('The operators are likely to resume service over the next 12 months.'),
    kj('The operators are likely to resume service by 2028.'),
    kj('The operators are likely to resume service before the end of 2027.'),
    kj('The operators are likely to keep the service whilst the current board remains in power.'),
    kj('The operators are likely to resume service before the March election.'),
    kj('The operators are likely to resume service within six months.'),
    kj('The operators are likely to resume service in the coming weeks.'),
    kj('The operators are likely to resume service next year.'),
    kj('The operators are likely to run the service until at least the 2027 budget review.'),
    kj('The operators are likely to run the service through the 2027 winter season.'),
    {name: 'a judgement about a fact, with confidence only', text: kj('We judge with high confidence that the operators have already sold two ferries.')},
    {name: 'front matter timeframe with the option on', text: kj('The operators are likely to resume service.', 'timeframe: next 12 months'), options: {frontMatterCounts: true}},
  ],
  invalid: [
    {text: kj('⟦The operators are likely to resume the night service.⟧'), messages: ['Key judgement 1 has no time bound']},
    {name: 'front matter timeframe does not count by default', text: kj('⟦The operators are likely to resume service.⟧', 'timeframe: next 12 months')},
    {name: 'a year without a preposition is not a bound', text: kj('⟦The 2026 crews are likely to resume the night service.⟧')},
  ],
});
