import {testRule, brief} from '../../testing/rule-tester.js';

const judgements = [
  {statement: 'The ferry operators are highly likely to resume the night service within the next three months.', evidence: ['Crews were hired in June.[^s1]']},
  {statement: 'Harbour fees are unlikely to rise before the 2027 budget.', evidence: ['The council froze fees.[^s1]']},
];

testRule('summary-mismatch', {
  valid: [
    brief({judgements, summary: 'The ferry operators are highly likely to resume the night service within three months, and harbour fees are unlikely to rise before the 2027 budget.'}),
    {
      name: 'a sentence restating a judgement that states no likelihood is not compared with another judgement',
      text: brief({
        judgements: [
          {statement: 'The ferry operators are highly likely to resume the night service within the next three months.', evidence: ['Crews were hired in June.[^s1]']},
          {statement: 'Fuel costs may stay high through 2027.', evidence: ['Oil futures rose.[^s1]']},
        ],
        summary: 'Fuel costs will probably stay high through 2027.',
      }),
    },
    {name: 'an unrelated sentence is not compared', text: brief({judgements, summary: 'Tourism is likely to recover before the 2027 summer season.'})},
    {name: 'same band, other words', text: brief({judgements, summary: 'It is highly likely that the ferry operators resume their night service within the next three months.'})},
    // Two judgements restated about equally well: which one the sentence restates is a guess, so it is not compared.
    ...[0, 1].map((first) => {
      const best = {statement: 'The ferry operators are highly likely to resume the night service within three months in winter.', evidence: ['Crews were hired in June.[^s1]']};
      const close = {statement: 'The ferry operators are highly likely to resume the night service within three months.', evidence: ['Crews were hired in July.[^s1]']};
      return {
        name: `a sentence nearly as close to another judgement as to its best match is not compared (${first === 0 ? 'best first' : 'runner-up first'})`,
        text: brief({judgements: [...(first === 0 ? [best, close] : [close, best]), judgements[1]], summary: 'The ferry operators are likely to resume the night service within three months in winter.'}),
      };
    }),
  ],
  invalid: [
    {
      text: brief({judgements, summary: 'The ferry operators are ⟦likely⟧ to resume the night service within three months.'}),
      messages: ['The Summary says ‘likely’ (≈55–≈75%) but Key judgement 1'],
    },
    {
      name: 'second clause, second judgement',
      text: brief({judgements, summary: 'The ferry operators are highly likely to resume the night service, but harbour fees are ⟦highly unlikely⟧ to rise before the 2027 budget.'}),
      messages: ['Key judgement 2'],
    },
  ],
});
