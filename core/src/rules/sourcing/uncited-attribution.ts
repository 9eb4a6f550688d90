import type {Rule} from '../types.js';
import {at, quote} from '../util.js';
import {inside} from '../../analysis/sentences.js';
import {SourcingIndex, spanIndexAt} from './units.js';

export const uncitedAttribution: Rule = {
  id: 'uncited-attribution',
  category: 'sourcing',
  defaultLevel: 'warning',
  description: 'A claim is attributed to others ("according to", "reportedly", "officials said") without a citation.',
  fixable: false,
  unitScoped: true,
  docs: {
    rationale:
      '"According to officials", "reportedly" and "sources say" tell the reader that a claim rests on someone else\'s word, then withhold whose. The reader cannot judge the access, record or bias of an unnamed, uncited source. ICD 206 asks for a source reference for the reporting that judgements depend on, and ICD 203 standard 1 asks the product to describe the quality and credibility of its sources. Cite the report the attribution refers to, in the same sentence or the next (anywhere in the same list item), or, if the claim is your own judgement, state it as one. This applies to the Summary and key judgements too, but not to block quotes, footnotes or the Sources section.',
    standard: 'ICD 206 (source reference citations); ICD 203 analytic tradecraft standard 1',
    bad: `## Key Judgement 1\n\nThe ferry strike is likely to end within the next month.\n\n- Union officials said a deal was close.\n`,
    good: `## Key Judgement 1\n\nThe ferry strike is likely to end within the next month.\n\n- Union officials said a deal was close.[^1]\n\n## Sources\n\n[^1]: Union press conference, 3 October 2026. B2.\n`,
  },
  check({doc, report}) {
    const index = SourcingIndex.of(doc);
    // Body blocks, and judgements stated in a heading ("## KJ 2: Officials reportedly…").
    const blocks = doc.sections.flatMap((s) => s.blocks.filter((b) => b.kind !== 'heading'));
    for (const j of doc.judgements) if (j.statement?.kind === 'heading') blocks.push(j.statement);
    for (const block of blocks) {
      if (block.quoted || block.footnote || doc.roleOf(block) === 'sources') continue;
      const f = block.facts;
      if (!f.attributions.length) continue;
      const done = new Set<number>();
      for (const hit of f.attributions) {
        // Words inside a quotation are the speaker's, not the brief's.
        if (inside(f.quotes, hit.start, hit.end)) continue;
        const si = spanIndexAt(f.sentences, hit.start);
        if (si < 0 || done.has(si)) continue;
        done.add(si);
        if (index.isCited(block, f.sentences[si])) continue;
        const phrase = hit.text.replace(/\s+/g, ' ');
        report({
          message: `${quote(phrase)} rests this claim on someone else's word, but no source is cited. Cite the report it refers to (a footnote such as [^1], or a source id such as [S1]), or state the claim as your own judgement.`,
          ...at(block, hit),
        });
      }
    }
  },
};
