import type {Rule} from '../types.js';
import {at, estimativeBlocks, quote} from '../util.js';
import type {Block} from '../../parse/section.js';
import type {TermHit} from '../../analysis/block.js';

const DISCLAIMER = /\b(?:terms?|words?|expressions?)\b[^.]{0,120}\b(?:same|equivalent|identical)\b[^.]{0,60}\b(?:probability|likelihood)\b/i;

export const mixedScales: Rule = {
  id: 'mixed-scales',
  category: 'estimative',
  defaultLevel: 'warning',
  description: 'Likelihood terms from different scales, or from different rows of ICD 203, in one brief.',
  fixable: false,
  docs: {
    rationale:
      'Readers learn one vocabulary per product. ICD 203 strongly encourages analysts not to mix terms from its two rows ("likely" and "probable") and requires a disclaimer that they mean the same probability when they do. A brief that declares no scale and uses terms from several (PHIA "highly likely" beside ICD "very likely") leaves the reader to guess which bands apply: declare `scale:` in the front matter.',
    standard: 'ICD 203 D.6.e (mixing rows); PHIA Probability Yardstick',
    bad: `---\nscale: icd203\n---\n\n## Summary\n\nThe rebels are likely to hold the valley through 2027, and it is highly probable that they keep the airport through 2027.\n`,
    good: `---\nscale: icd203\n---\n\n## Summary\n\nThe rebels are likely to hold the valley through 2027, and it is very likely that they keep the airport through 2027.\n`,
  },
  check({doc, report}) {
    const hits: Array<{block: Block; hit: TermHit}> = [];
    for (const block of estimativeBlocks(doc)) for (const hit of block.facts.terms) hits.push({block, hit});
    hits.sort((a, b) => a.block.base + a.hit.start - (b.block.base + b.hit.start));
    if (doc.scale.terms.some((t) => t.row !== undefined) && !DISCLAIMER.test(doc.text)) {
      // Rows of the document's own scale.
      let first: {block: Block; hit: TermHit; row: number} | undefined;
      for (const {block, hit} of hits) {
        const term = doc.scale.terms.find((t) => t.forms.some((f) => f.toLowerCase() === hit.form));
        if (!term || term.row === undefined) continue;
        if (!first) first = {block, hit, row: term.row};
        else if (term.row !== first.row) {
          report({
            message: `${quote(hit.text)} is from row ${term.row} of ${doc.scale.name}, but this brief already uses row ${first.row} (${quote(first.hit.text)}). Keep to one row, or add a note that the terms mean the same probability.`,
            ...at(block, hit),
            related: [{...at(first.block, first.hit), message: `First term, from row ${first.row}`}],
          });
          break;
        }
      }
    }
    if (doc.scaleOrigin !== 'default') return;
    // No scale declared: do the terms used share a scale?
    let common: Set<string> | undefined;
    let firstHit: {block: Block; hit: TermHit; scales: string[]} | undefined;
    for (const {block, hit} of hits) {
      const entry = doc.lexicon.lookup(hit.form);
      if (!entry || entry.homes.length === 0) continue;
      const scales = entry.homes.map((h) => h.scale.id);
      if (!common) {
        common = new Set(scales);
        firstHit = {block, hit, scales};
        continue;
      }
      const next = new Set([...common].filter((s) => scales.includes(s)));
      if (next.size === 0) {
        const names = (ids: string[]) => entry.homes.filter((h) => ids.includes(h.scale.id)).map((h) => h.scale.name);
        report({
          message: `This brief declares no scale and mixes likelihood terms: ${quote(firstHit!.hit.text)} and ${quote(hit.text)} are not on one scale (${quote(hit.text)} is ${names(scales).join(' / ')}). Declare \`scale:\` in the front matter and use its terms.`,
          ...at(block, hit),
          related: [{...at(firstHit!.block, firstHit!.hit), message: `Earlier term ${quote(firstHit!.hit.text)}`}],
        });
        return;
      }
      common = next;
    }
  },
};
