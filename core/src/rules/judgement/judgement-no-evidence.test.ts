import {testRule, brief} from '../../testing/rule-tester.js';

testRule('judgement-no-evidence', {
  valid: [
    brief(),
    {
      name: 'evidence in a subsection counts',
      text: brief({judgements: [{statement: 'The operators are likely to resume service within the next three months.'}], extra: '\n### Evidence\n\n- Crews were hired in June.[^s1]\n'}).replace('\n## Sources', '\n### Evidence\n\n- Crews were hired in June.[^s1]\n\n## Sources').replace(/\n### Evidence\n\n- Crews were hired in June.\[\^s1\]\n$/, ''),
    },
    {
      name: 'list layout does not demand local evidence',
      text: '# Brief\n\n## Summary\n\nThe operators are likely to resume service within the next three months.\n\n## Key Judgements\n\n1. The operators are likely to resume service within the next three months.\n2. Fares are unlikely to rise before the summer.\n\n## Discussion\n\nCrews were hired in June.[^s1]\n\n[^s1]: Gazette, 2026-01-02.\n',
    },
  ],
  invalid: [
    {
      text: brief({judgements: [{statement: '⟦The operators are likely to resume service within the next three months.⟧'}]}),
      messages: ['Key judgement 1 has no evidence'],
    },
    {
      name: 'second of two',
      text: brief({
        judgements: [
          {statement: 'The operators are likely to resume service within the next three months.', evidence: ['Crews were hired in June.[^s1]']},
          {statement: '⟦Fares are unlikely to rise before the summer.⟧'},
        ],
      }),
      messages: ['Key judgement 2'],
    },
    {
      name: 'a heading with nothing under it is reported at the heading',
      text: '# Brief\n\n⟦## Key Judgement 1⟧\n\n## Key Judgement 2\n\nFares are unlikely to rise before the summer.\n\n- The regulator froze fares.[^1]\n\n[^1]: Regulator notice, 2026-01-02.\n',
    },
  ],
});
