import {testRule, brief} from '../../testing/rule-tester.js';

testRule('empty-section', {
  valid: [
    brief(),
    {name: 'a heading followed by a subsection with content', text: brief({extra: '\n## Analysis\n\n### Ports\n\nFreight volumes fell by a third.\n'})},
    {name: 'link reference definitions are content', text: brief({sources: {}, extra: '\n## References\n\n[gazette]: https://example.org/gazette "Harbour Gazette"\n'})},
    {name: 'a table is content', text: brief({extra: '\n## Figures\n\n| Port | Ships |\n|---|---|\n| North | 12 |\n'})},
    {name: 'a code block is content', text: brief({extra: '\n## Data\n\n```\nships,12\n```\n'})},
    {name: 'a quotation is content', text: brief({extra: '\n## In their words\n\n> We will stay out until spring.\n'})},
    {
      name: 'a judgement stated in its heading',
      text: brief({judgements: [{heading: 'Key Judgement 1: The ferry operators are likely to resume the night service within three months', statement: ''}]}),
    },
  ],
  invalid: [
    {
      name: 'a template heading never filled in',
      text: brief({extra: '\n⟦## Outlook⟧\n\n## Annex\n\nShip movements, October.\n'}),
      messages: ['The section ‘Outlook’ is empty: nothing comes before the next heading.'],
    },
    {name: 'the last heading of the brief', text: brief({extra: '\n⟦## Annex⟧\n'})},
    {
      name: 'a parent whose subsections are all empty is reported once',
      text: brief({extra: '\n⟦## Analysis⟧\n\n### Ports\n\n### Rail\n'}),
      messages: ['The section ‘Analysis’ and its subsections are empty'],
    },
    {name: 'an empty subsection of a section with content', text: brief({extra: '\n## Analysis\n\nFreight fell.\n\n⟦### Ports⟧\n\n## Annex\n\nShip movements.\n'})},
    {name: 'only a comment under the heading', text: brief({extra: '\n⟦## Outlook⟧\n\n<!-- TODO: talks in December -->\n'})},
    {name: 'a setext heading', text: brief({extra: '\n⟦Outlook\n-------⟧\n\n## Annex\n\nShip movements.\n'})},
    {name: 'a title with nothing after it', text: '---\ntitle: Ports\n---\n\n⟦# Ports⟧\n'},
    {
      name: 'a key judgement heading with nothing under it',
      text: brief({judgements: [{heading: 'Key Judgement 1', statement: ''}]}).replace('## Key Judgement 1', '⟦## Key Judgement 1⟧'),
    },
  ],
});
