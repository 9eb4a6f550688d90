import {testRule, brief} from '../../testing/rule-tester.js';

const FM = '---\ntitle: Harbour strike\ndate: 2026-11-01\nscale: phia\n---\n\n';
const SUMMARY = '## Summary\n\nThe strike is likely to continue over the next month.\n\n';
const KJ = '## Key Judgement 1\n\nThe strike is likely to continue over the next month.\n\n- Strike pay covers eight more weeks.[^s1]\n\n';
const SOURCES = '## Sources\n\n[^s1]: Harbour Gazette, 2026-10-01.\n';

testRule('required-sections', {
  valid: [
    brief(),
    {name: 'title from the front matter only', text: `${FM}${SUMMARY}${KJ}${SOURCES}`},
    {name: 'a BLUF instead of a Summary', text: `${FM}# Harbour strike\n\n## BLUF\n\nThe strike is likely to continue.\n\n${KJ}${SOURCES}`},
    {
      name: 'judgements as items of a Key Judgments section',
      text: `${FM}${SUMMARY}## Key Judgments\n\n- The strike is likely to continue over the next month.\n- The port authority is unlikely to concede before the spring.\n`,
    },
    {name: 'sources as footnotes, with no Sources heading', text: `${FM}${SUMMARY}${KJ}[^s1]: Harbour Gazette, 2026-10-01.\n`, options: {sections: ['sources']}},
    {
      name: 'sources as inline links',
      text: `${FM}${SUMMARY}## Key Judgement 1\n\nThe strike is likely to continue over the next month.\n\n- The [Harbour Gazette](https://example.org/gazette) reported the ballot.\n`,
      options: {sections: ['sources']},
    },
    {name: 'a required custom section, numbered', text: brief({extra: '\n## 5. Outlook:\n\nTalks resume in December.\n'}), options: {sections: ['outlook']}},
    {name: 'nothing required by config', text: '# Harbour strike\n', config: {requiredSections: []}},
  ],
  invalid: [
    {
      name: 'no Summary',
      text: `${FM}⟦# Harbour strike⟧\n\n${KJ}${SOURCES}`,
      messages: [/no Summary.*headed ‘Summary’ \(also accepted: bluf, bottom line/],
    },
    {
      name: 'a summary under a name not in the template',
      text: `${FM}⟦# Harbour strike⟧\n\n## Digest\n\nThe strike is likely to continue.\n\n${KJ}${SOURCES}`,
    },
    {
      name: 'no title and no Summary: two findings on the first line',
      text: `---\nscale: phia\n---\n\n⟦⟦${KJ.trimEnd().split('\n')[0]}⟧⟧\n${KJ.slice(KJ.indexOf('\n'))}${SOURCES}`,
      messages: ['no title', 'no Summary'],
    },
    {
      name: 'a Key Judgements heading with nothing under it',
      text: `${FM}⟦# Harbour strike⟧\n\n${SUMMARY}## Key Judgements\n\n${SOURCES}`,
      messages: ['states no key judgements'],
    },
    {
      name: 'sources required but none given',
      text: `${FM}⟦# Harbour strike⟧\n\n${SUMMARY}## Key Judgement 1\n\nThe strike is likely to continue over the next month.\n`,
      options: {sections: ['title', 'summary', 'judgements', 'sources']},
      messages: ['lists no sources'],
    },
    {
      name: 'sources required by config',
      text: `${FM}⟦# Harbour strike⟧\n\n${SUMMARY}## Key Judgement 1\n\nThe strike is likely to continue over the next month.\n`,
      config: {requiredSections: ['sources']},
    },
    {
      name: 'a required custom section',
      text: brief({rawFrontMatter: ''}).replace('# Test Brief', '⟦# Test Brief⟧'),
      options: {sections: ['Outlook']},
      messages: ['no ‘Outlook’ section'],
    },
    {
      name: 'front matter and nothing else: zero-width where the body starts',
      text: '---\ntitle: Harbour strike\n---\n⟦⟧⟦⟧',
      messages: ['no Summary', 'no key judgements'],
    },
  ],
});
