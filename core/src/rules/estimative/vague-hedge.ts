import type {Rule} from '../types.js';
import {at, judgementName, judgementStatements, quote} from '../util.js';
import {stackedHedges} from './stacked-hedge.js';

export const vagueHedge: Rule = {
  id: 'vague-hedge',
  category: 'estimative',
  defaultLevel: 'warning',
  description: 'Vague hedge (may, might, could, possibly, perhaps) in a key judgement.',
  fixable: false,
  unitScoped: true,
  docs: {
    rationale:
      'Readers place "may", "might" and "could" anywhere from about 10% to 70% (survey medians around 40%): such words tell a decision-maker almost nothing. A key judgement states its likelihood with a term of the brief\'s scale instead. Hedges in evidence, quotations and sources are not judgements and are not flagged.',
    standard: 'ICD 203 standard 2; PHIA Probability Yardstick; CAPphrase survey',
    bad: `## Key Judgement 1\n\nThe militia may withdraw from the border towns over the next six months.\n`,
    good: `## Key Judgement 1\n\nThe militia is unlikely to withdraw from the border towns over the next six months.\n`,
  },
  check({doc, report}) {
    for (const {judgement, block} of judgementStatements(doc)) {
      const stacked = stackedHedges(block);
      for (const hedge of block.facts.hedges) {
        if (stacked.some((s) => hedge.start >= s.start && hedge.end <= s.end)) continue;
        report({
          message: `${quote(hedge.text)} in ${judgementName(judgement)} is a vague hedge: readers take it to mean anywhere from about 10% to 70%. State the likelihood with a term from the ${doc.scale.name}.`,
          ...at(block, hedge),
        });
      }
    }
  },
};
