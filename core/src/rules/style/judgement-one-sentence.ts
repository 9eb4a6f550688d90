import type {Rule} from '../types.js';
import {at, quote, spanText, within} from '../util.js';
import {wordCount, type Span} from '../../analysis/sentences.js';

/** "Key Judgement 2:" at the start of a heading that states the judgement. */
const HEADING_LABEL = /^(?:key\s+judge?ments?|kj|judge?ments?|key\s+assessments?|assessment)\s*(?:no\.?\s*)?#?\s*\d{1,3}\b\s*[:.)\-–—]?\s*/i;

/** A sentence must have this many words to count: guards against stray splits ("para. 3", "(B2).") */
const MIN_WORDS = 3;

function excerpt(s: string, words = 8): string {
  const w = s.split(/\s+/);
  return w.length <= words ? s : w.slice(0, words).join(' ') + '…';
}

export const judgementOneSentence: Rule = {
  id: 'judgement-one-sentence',
  category: 'style',
  defaultLevel: 'info',
  description: 'A key judgement stated in more than one sentence.',
  fixable: false,
  unitScoped: true,
  docs: {
    rationale:
      'A key judgement is the bottom line a reader takes away, and readers quote it on its own. One sentence keeps it to a single claim with its likelihood and time frame; reasons, caveats and background belong in the evidence beneath it. ICD 203 standard 6 asks for the main analytic message up front and clearly stated.',
    standard: 'ICD 203 analytic standard 6 (clear and logical argumentation; main analytic message up front)',
    bad: `# Harbour strike\n\n## Key Judgement 1\n\nThe strike is likely to continue over the next month. Strike pay remains available and the union's ballot runs until January.\n\n- The union's hardship fund covers eight more weeks.[^s1]\n\n[^s1]: Harbour Gazette, 2026-10-01.\n`,
    good: `# Harbour strike\n\n## Key Judgement 1\n\nThe strike is likely to continue over the next month.\n\n- Strike pay remains available and the union's ballot runs until January.\n- The union's hardship fund covers eight more weeks.[^s1]\n\n[^s1]: Harbour Gazette, 2026-10-01.\n`,
  },
  check({doc, report}) {
    for (const j of doc.judgements) {
      const block = j.statement;
      if (!block) continue;
      // A subsection under a judgement heading ("### Evidence") is not a judgement of its own.
      if (j.layout === 'heading' && j.number === undefined) continue;
      let from = block.start - block.base;
      if (block.kind === 'heading') {
        const label = HEADING_LABEL.exec(block.masked.slice(from));
        if (label) from += label[0].length;
      }
      const sentences: Span[] = block.facts.sentences.filter(
        (s) => s.end > from && wordCount(block.masked.slice(Math.max(s.start, from), s.end)) >= MIN_WORDS,
      );
      if (sentences.length < 2) continue;
      // ICD 203 wants a confidence level in a sentence of its own, apart from the likelihood:
      // "We have moderate confidence in this judgement." after the judgement is not extra matter.
      const extra = sentences.slice(1).filter((sp) => !(within(block.facts.confidence, sp).length > 0 && within(block.facts.terms, sp).length === 0));
      if (extra.length === 0) continue;
      const rest = {start: extra[0].start, end: extra[extra.length - 1].end};
      const range = at(block, rest);
      const count = extra.length;
      const where = j.layout === 'heading' ? 'the evidence below it' : 'the supporting text';
      // Moving the rest into its own paragraph makes it the first item of evidence (heading layout only).
      const gap = {start: block.base + sentences[0].end, end: block.base + sentences[1].start};
      const canSplit = j.layout === 'heading' && block.kind === 'paragraph' && block.listDepth === 0 && !block.quoted;
      report({
        message: `A key judgement should be one sentence; move ${count === 1 ? (extra[0] === sentences[1] ? 'the second sentence' : 'the sentence') : count === sentences.length - 1 ? `the ${count} sentences after the first` : `${count} of the later sentences`} (${quote(excerpt(spanText(block, extra[0])))}) to ${where}.`,
        ...range,
        suggestions: canSplit
          ? [{title: 'Move the rest into its own paragraph, as evidence', edits: [{...gap, text: '\n\n'}]}]
          : undefined,
      });
    }
  },
};
