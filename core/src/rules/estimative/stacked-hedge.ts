import type {Rule} from '../types.js';
import type {Block} from '../../parse/section.js';
import type {Span} from '../../analysis/sentences.js';
import {at, estimativeBlocks, quote} from '../util.js';

/** Hedges (or a hedge and a likelihood term) within three words of each other, as spans of the block. */
export function stackedHedges(block: Block): Span[] {
  // One list built by push (text/packed.ts): spreads of mapped lists made lists of several hidden classes.
  const words: Array<{start: number; end: number; hedge: boolean}> = [];
  for (const h of block.facts.hedges) words.push({start: h.start, end: h.end, hedge: true});
  for (const t of block.facts.terms) words.push({start: t.start, end: t.end, hedge: false});
  words.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i];
    const b = words[i + 1];
    if (!a.hedge && !b.hedge) continue;
    const between = block.masked.slice(a.end, b.start);
    if (/[.;:!?]/.test(between)) continue;
    const gap = between.trim() ? between.trim().split(/\s+/).length : 0;
    if (gap <= 2) {
      const last = out[out.length - 1];
      if (last && last.end >= a.start) last.end = b.end;
      else out.push({start: a.start, end: b.end});
    }
  }
  return out;
}

export const stackedHedge: Rule = {
  id: 'stacked-hedge',
  category: 'estimative',
  defaultLevel: 'warning',
  description: 'Two hedges stacked on one claim ("could possibly", "likely may").',
  fixable: false,
  unitScoped: true,
  docs: {
    rationale:
      'Stacking hedges ("could possibly", "may perhaps", "is likely to potentially") blurs the estimate twice: the reader cannot tell which uncertainty the analyst means, or how large it is. Keep one expression of likelihood, from the brief\'s scale.',
    standard: 'ICD 203 standard 2 (expresses and explains uncertainties)',
    bad: `## Key Judgement 1\n\nThe ceasefire could possibly collapse before the April talks.\n`,
    good: `## Key Judgement 1\n\nThe ceasefire is unlikely to collapse before the April talks.\n`,
  },
  check({doc, report}) {
    for (const block of estimativeBlocks(doc)) {
      for (const span of stackedHedges(block)) {
        const words = block.masked.slice(span.start, span.end).replace(/\s+/g, ' ');
        report({
          message: `${quote(words)} stacks hedges on one claim, which blurs the estimate. Keep a single likelihood term from the ${doc.scale.name}.`,
          ...at(block, span),
        });
      }
    }
  },
};
