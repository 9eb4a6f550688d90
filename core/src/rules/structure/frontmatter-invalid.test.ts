import {testRule, brief} from '../../testing/rule-tester.js';

const fm = (yaml: string) => brief({rawFrontMatter: `---\n${yaml}---\n\n`});

testRule('frontmatter-invalid', {
  valid: [
    brief(),
    {name: 'no front matter', text: brief({rawFrontMatter: ''})},
    {name: 'a quoted value with a colon', text: fm('title: "Ports: the winter outlook"\nscale: phia\n')},
    {name: 'a colon with no space after it', text: fm('title: Ports:outlook\nscale: phia\n')},
    {name: 'empty front matter', text: fm('')},
    {name: 'a comment line', text: fm('# drafted by the ports desk\nscale: phia\n')},
    {name: 'a thematic break later in the body is not front matter', text: `# Ports\n\n---\n\nThe strike is likely to continue.\n`},
    {name: 'closed with ...', text: brief({rawFrontMatter: '---\ntitle: Ports\n...\n\n'})},
  ],
  invalid: [
    {
      name: 'unquoted value containing ": "',
      text: fm('title: ⟦P⟧orts: the winter outlook\nscale: phia\n'),
      messages: [/^Front matter is not valid YAML: .*must be quoted/],
    },
    {
      name: 'a repeated key',
      text: fm('title: Ports\nscale: phia\n⟦s⟧cale: icd203\n'),
      messages: ['Front matter is not valid YAML: map keys must be unique. Each key may appear only once'],
    },
    {
      name: 'tab indentation',
      text: fm('title: Ports\n⟦\t⟧scale: phia\n'),
      messages: ['Indent with spaces'],
    },
    {
      name: 'a quotation mark never closed (zero-width, where the YAML ends)',
      text: fm('title: "Ports\n⟦⟧'),
      messages: ['Close the quotation mark'],
    },
    {
      name: 'a list rather than key: value lines',
      text: fm('⟦- Ports\n- phia\n⟧'),
      messages: ['must be a set of `key: value` lines'],
    },
    {
      name: 'no closing fence',
      text: `⟦---⟧\ntitle: Ports\nscale: phia\n\n# Ports\n\n## Summary\n\nThe strike is likely to continue.\n`,
      messages: ['no closing `---` line'],
    },
  ],
});
