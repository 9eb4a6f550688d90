import type {Rule} from '../types.js';

export const nestingTooDeep: Rule = {
  id: 'nesting-too-deep',
  category: 'structure',
  defaultLevel: 'warning',
  description: 'Lists or quotations nested so deep (about 50 levels) that the rest of the section cannot be checked.',
  fixable: false,
  unitScoped: true,
  // A brief-disable comment on that line would sit in the text that is not read.
  unsuppressible: true,
  docs: {
    rationale:
      'Past about 50 levels of nested lists or block quotes the Markdown parser stops reading, and nothing after that point in the section is checked: not its claims, citations or estimative language. No brief needs that depth; it usually comes from pasted or generated text. The finding marks the first line that was not read, so nothing goes unchecked without a word. It cannot be silenced with a `brief-disable` comment (the comment would sit in the text that is not read): flatten the nesting.',
    bad: `## Key Judgement 1\n\nThe ferry strike is likely to end within the next month.\n\n${'- '.repeat(60)}Sailings fell by 40% in September.\n`,
    good: `## Key Judgement 1\n\nThe ferry strike is likely to end within the next month.\n\n- Sailings fell by 40% in September.[^1]\n\n## Sources\n\n[^1]: Port authority sailing statistics, October 2026. A2.\n`,
  },
  check({doc, report}) {
    for (const s of doc.sections) {
      const at = s.analysis.tooDeep;
      if (at === undefined) continue;
      const start = s.start + at;
      const nl = doc.text.indexOf('\n', start);
      report({
        message: 'Lists or quotations are nested too deep here (about 50 levels) to be read: nothing from this line to the end of the section is checked. Flatten the nesting.',
        start,
        end: nl < 0 || nl > s.end ? s.end : nl,
      });
    }
  },
};
