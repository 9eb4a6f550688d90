import type {Rule} from '../types.js';
import {quote} from '../util.js';
import type {BriefDocument, BriefSection} from '../../parse/document.js';

function hasOwnContent(s: BriefSection): boolean {
  // Link reference definitions produce no block of their own but are content (a list of sources).
  return s.analysis.hasContent || s.analysis.definitions.length > 0;
}

/** True when neither the section nor any of its subsections has content. */
function treeIsEmpty(doc: BriefDocument, s: BriefSection): boolean {
  // Sections are in document order: the subtree is the run starting at `s`.
  for (let k = s.index; k < doc.sections.length && doc.sections[k].start < s.treeEnd; k++) {
    if (hasOwnContent(doc.sections[k])) return false;
  }
  return true;
}

export const emptySection: Rule = {
  id: 'empty-section',
  category: 'structure',
  defaultLevel: 'warning',
  description: 'A heading with nothing under it before the next heading of the same or a higher level.',
  fixable: false,
  docs: {
    rationale:
      'An empty section is usually a template heading never filled in ("## Outlook" with nothing under it) or text that was moved away. Readers take a heading as a promise of content; an empty one makes the brief look unfinished and can hide a missing judgement or missing sources. A heading followed by subsections that have content is not empty, and neither is the title heading when sections follow it.',
    bad: `# Harbour strike\n\n## Summary\n\nThe strike is likely to continue over the next month.\n\n## Outlook\n\n## Sources\n\n[^s1]: Harbour Gazette, 2026-10-01.\n`,
    good: `# Harbour strike\n\n## Summary\n\nThe strike is likely to continue over the next month.\n\n## Outlook\n\nTalks resume in December.\n\n## Sources\n\n[^s1]: Harbour Gazette, 2026-10-01.\n`,
  },
  check({doc, report}) {
    const empty = new Map<BriefSection, boolean>();
    const isEmpty = (s: BriefSection) => {
      let v = empty.get(s);
      if (v === undefined) empty.set(s, (v = treeIsEmpty(doc, s)));
      return v;
    };
    let statedInHeading: Set<BriefSection> | undefined;
    for (const s of doc.sections) {
      if (!s.heading || !isEmpty(s)) continue;
      const hasSubsections = s.treeEnd > s.end;
      // The title heading is followed by the whole brief; its subsections are checked one by one.
      if (s.role === 'title' && hasSubsections) continue;
      // An empty parent is reported once, for it and its subsections.
      if (s.parent && s.parent.heading && !(s.parent.role === 'title') && isEmpty(s.parent)) continue;
      // "## Key Judgement 2: The strike is likely to…" states the judgement in its heading.
      // (A set of those sections, made at the first empty one: a scan of every judgement per empty
      // section was quadratic in a brief of many of both.)
      statedInHeading ??= new Set(doc.judgements.filter((j) => j.statement?.kind === 'heading').map((j) => j.section));
      if (statedInHeading.has(s)) continue;
      const name = quote(s.heading.text || '#'.repeat(s.level));
      report({
        message: hasSubsections
          ? `The section ${name} and its subsections are empty. Add the content, or remove the headings.`
          : `The section ${name} is empty: nothing comes before the next heading. Add the content, or remove the heading.`,
        start: s.heading.start,
        end: s.heading.end,
      });
    }
  },
};
