import {testRule, brief} from '../../testing/rule-tester.js';

const withComment = (comment: string) => brief({extra: `\n## Notes\n\n${comment}\nThe union called a return to work "very likely" this week.\n`});

testRule('suppression-reason', {
  valid: [
    brief(),
    withComment('<!-- brief-disable-next-line term-off-scale -- the union’s words, quoted -->'),
    {name: 'several rules and a reason', text: withComment('<!-- brief-disable-next-line term-off-scale, empty-section -- quoted -->')},
    {name: 'a blanket disable with a reason', text: withComment('<!-- brief-disable -- annex copied from the source -->')},
    {name: 'enable needs no reason', text: withComment('<!-- brief-disable empty-section -- annex -->\n\n<!-- brief-enable empty-section -->')},
    {name: 'ordinary comments are not suppressions', text: withComment('<!-- TODO: check the ballot date -- ports desk -->')},
    {name: 'a comment inside a code block is an example, not a suppression', text: withComment('```\n<!-- brief-disable-next-line term-off-scale -->\n```\n')},
    {name: 'the word brief-disable inside other text', text: withComment('<!-- remember: brief-disable comments need reasons -->')},
  ],
  invalid: [
    {
      name: 'no reason',
      text: withComment('⟦<!-- brief-disable-next-line term-off-scale -->⟧'),
      messages: ['This `brief-disable-next-line` comment gives no reason. Say why the check does not apply after ` -- `'],
    },
    {name: 'a blanket disable with no reason', text: withComment('⟦<!-- brief-disable -->⟧')},
    {name: 'an empty reason', text: withComment('⟦<!-- brief-disable-next-line term-off-scale -- -->⟧')},
    {
      name: 'a misspelt rule id, with a fix',
      text: withComment('<!-- brief-disable-next-line ⟦empty-sectoin⟧ -- annex -->'),
      messages: ['‘empty-sectoin’ is not a rule id; did you mean ‘empty-section’?'],
      output: withComment('<!-- brief-disable-next-line empty-section -- annex -->'),
    },
    {
      name: 'a reason written without -- reads as rule ids',
      text: withComment('⟦<!-- brief-disable-next-line term-off-scale ⟦quoted⟧ ⟦verbatim⟧ -->⟧'),
      messages: ['if ‘quoted’ or ‘verbatim’ is meant as the reason, put ` -- ` before it', '‘quoted’ is not a rule id', '‘verbatim’ is not a rule id'],
    },
    {
      name: 'a comment inside a paragraph',
      text: brief({extra: '\n## Notes\n\nThe union called a return ⟦<!-- brief-disable-next-line term-off-scale -->⟧\nto work "very likely" this week.\n'}),
    },
    {
      name: 'an unknown id on its own, directly before the closing -->',
      text: withComment('<!-- brief-disable-line ⟦hedging⟧-->').replace('<!--', '⟦<!--').replace('-->\n', '-->⟧\n'),
    },
  ],
});
