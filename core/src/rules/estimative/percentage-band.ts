import type {Rule} from '../types.js';
import {at, estimativeBlocks, matchCase, quote} from '../util.js';
import {equivalentTerms} from '../../scales/lexicon.js';
import {replacementForm} from './term-off-scale.js';
import {readTerm} from './bands.js';

export const percentageBand: Rule = {
  id: 'percentage-band',
  category: 'estimative',
  defaultLevel: 'error',
  description: "A stated percentage outside the band of the likelihood term it accompanies.",
  fixable: false,
  unitScoped: true,
  docs: {
    rationale:
      'Putting the band next to the word ("likely (55–75%)") helps readers, but only if the figure agrees with the term. "Likely (20%)" contradicts itself: the reader cannot tell which one the analyst meant. Quick fixes offer the term\'s band in place of the figure, or the scale\'s term for the figure.',
    standard: 'PHIA Probability Yardstick; ICD 203 D.6.e',
    bad: `---\nscale: phia\n---\n\n## Key Judgement 1\n\nThe rebels are likely (30%) to take the airport before the rainy season.\n`,
    good: `---\nscale: phia\n---\n\n## Key Judgement 1\n\nThe rebels are likely (55–75%) to take the airport before the rainy season.\n`,
  },
  check({doc, report}) {
    for (const block of estimativeBlocks(doc)) {
      for (const term of block.facts.terms) {
        // A figure right after the term ("likely (20%)", "likely, around 20%,") or right before it ("a 20% (unlikely)").
        const percent = block.facts.percents.find((p) => {
          const gap = p.start >= term.end ? block.masked.slice(term.end, p.start) : p.end <= term.start ? block.masked.slice(p.end, term.start) : null;
          return gap !== null && gap.length <= 16 && /^[\s(,–—-]*(?:about|around|roughly|approximately|c\.|~|≈)?[\s(]*$/.test(gap.replace(/[)\s]+$/, ' '));
        });
        if (!percent) continue;
        const reading = readTerm(doc, term.form);
        if (!reading) continue;
        const [lo, hi] = reading.term.band;
        if (percent.low >= lo && percent.high <= hi) continue;
        const stated = percent.low === percent.high ? `${percent.low}%` : `${percent.low}–${percent.high}%`;
        const band = lo === hi ? `${lo}%` : `${lo}–${hi}%`;
        report({
          message: `${quote(term.text)} means ${reading.term.label} on the ${reading.scale.name}, but the figure next to it says ${stated}. Make the word and the figure agree.`,
          ...at(block, percent),
          suggestions: [
            {title: `Replace the figure with ${quote(band)}`, edits: [{...at(block, percent), text: band}]},
            ...equivalentTerms(doc.scale, [percent.low, percent.high])
              .slice(0, 1)
              .filter((t) => t.term !== reading.term.term)
              .map((t) => {
                const form = replacementForm(t, term.form) ?? t.term;
                return {title: `Replace ${quote(term.text)} with ${quote(form)}`, edits: [{...at(block, term), text: matchCase(term.text, form)}]};
              }),
          ],
          related: [{...at(block, term), message: `Likelihood term ${quote(term.text)}`}],
        });
      }
    }
  },
};
