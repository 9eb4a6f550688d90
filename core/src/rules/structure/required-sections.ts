import type {Rule} from '../types.js';
import {quote} from '../util.js';
import type {BriefDocument} from '../../parse/document.js';

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function normaliseHeading(text: string): string {
  return text.toLowerCase().replace(/^[\d.\s]+/, '').replace(/[:.\s]+$/, '').replace(/\s+/g, ' ').trim();
}

/** "Add a section headed ‘Summary’ (also accepted: bluf, bottom line, …)". */
function headedBy(names: string[], fallback: string): string {
  const [first, ...rest] = names.length ? names : [fallback];
  return `a section headed ${quote(capitalise(first))}${rest.length ? ` (also accepted: ${rest.join(', ')})` : ''}`;
}

/** Whether the brief has the section, and what to tell the analyst when it does not. */
function presence(doc: BriefDocument, name: string): {present: boolean; message: string} {
  const names = doc.config.sections;
  switch (name.toLowerCase()) {
    case 'title':
      return {
        present: !!doc.title,
        message: 'This brief has no title. Add a `# Title` heading at the top, or `title:` in the front matter.',
      };
    case 'summary':
      return {
        present: !!doc.summary,
        message: `This brief has no Summary: the main message should come first. Add ${headedBy(names.summary, 'summary')} before the key judgements.`,
      };
    case 'judgements':
    case 'judgments':
    case 'key judgements':
    case 'key judgments':
      return {
        present: doc.judgements.length > 0,
        message: `This brief states no key judgements. Add ${headedBy(names.judgements, 'key judgements')} with one judgement per paragraph or list item, or one heading per judgement ("## Key Judgement 1").`,
      };
    case 'sources':
      return {
        present:
          !!doc.sourcesSection ||
          doc.sources.length > 0 ||
          doc.citations.some((c) => c.kind === 'link' || c.kind === 'url'),
        message: `This brief lists no sources. Add ${headedBy(names.sources, 'sources')}, or cite with footnotes (\`[^1]\` … \`[^1]: Source, date\`).`,
      };
    default: {
      const wanted = normaliseHeading(name);
      return {
        present: doc.sections.some((s) => s.heading && normaliseHeading(s.heading.text) === wanted),
        message: `This brief has no ${quote(name)} section, which this project's configuration requires. Add a heading named ${quote(capitalise(name))}.`,
      };
    }
  }
}

/** The first non-blank line of the body, or an empty range where the body starts. */
function bodyStartRange(doc: BriefDocument): {start: number; end: number} {
  const text = doc.text;
  let p = Math.min(doc.bodyStart, text.length);
  while (p < text.length && /\s/.test(text[p])) p++;
  if (p >= text.length) {
    const at = Math.min(doc.bodyStart, text.length);
    return {start: at, end: at};
  }
  let end = text.indexOf('\n', p);
  if (end < 0) end = text.length;
  if (text[end - 1] === '\r') end--;
  return {start: p, end};
}

export const requiredSections: Rule = {
  id: 'required-sections',
  category: 'structure',
  defaultLevel: 'warning',
  description: 'A section the brief template requires (title, Summary, key judgements, sources) is missing.',
  fixable: false,
  optionsSchema: {
    type: 'object',
    properties: {
      sections: {
        type: 'array',
        items: {type: 'string'},
        description:
          'Sections every brief must have: title, summary, judgements, sources, or the name of any other heading. Defaults to `requiredSections` in the configuration (title, summary, judgements).',
      },
    },
    additionalProperties: false,
  },
  docs: {
    rationale:
      "A reader should find the bottom line first and the judgements where they expect them. ICD 203 standard 6 asks for clear and logical argumentation with the main analytic message up front; a brief without a Summary or without key judgements buries it. Which sections are required is configurable (`requiredSections`, or this rule's `sections` option): title, summary, judgements and sources, or any other heading name. The title may come from a `# Title` heading or the front matter; key judgements may be headings (\"Key Judgement 1\") or the items of a Key Judgements section; sources may be a Sources section, footnotes or links.",
    standard: 'ICD 203 analytic standard 6 (main analytic message up front)',
    bad: `---\ntitle: Harbour strike\nscale: phia\n---\n\n# Harbour strike\n\n## Key Judgement 1\n\nThe strike is likely to continue over the next month.\n`,
    good: `---\ntitle: Harbour strike\nscale: phia\n---\n\n# Harbour strike\n\n## Summary\n\nThe strike is likely to continue over the next month.\n\n## Key Judgement 1\n\nThe strike is likely to continue over the next month.\n`,
  },
  check({doc, options, report}) {
    const wanted = Array.isArray(options.sections)
      ? options.sections.filter((s): s is string => typeof s === 'string')
      : doc.config.requiredSections;
    const range = bodyStartRange(doc);
    const seen = new Set<string>();
    for (const name of wanted) {
      const key = name.trim().toLowerCase();
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const {present, message} = presence(doc, name.trim());
      if (!present) report({message, ...range});
    }
  },
};
