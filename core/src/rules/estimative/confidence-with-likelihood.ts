import type {Rule} from '../types.js';
import {at, estimativeBlocks, quote, within} from '../util.js';

export const confidenceWithLikelihood: Rule = {
  id: 'confidence-with-likelihood',
  category: 'estimative',
  defaultLevel: 'warning',
  description: 'A confidence level and a likelihood term in the same sentence.',
  fixable: false,
  unitScoped: true,
  docs: {
    rationale:
      'Confidence is about the basis of a judgement (sources, reasoning); likelihood is about the event. ICD 203 requires that a confidence level and a degree of likelihood are not combined in the same sentence, and PHIA keeps the two frameworks apart, because readers merge them into one number. Put the confidence statement in its own sentence.',
    standard: 'ICD 203 D.6.e(2)(b); PHIA analytical confidence ratings',
    bad: `## Key Judgement 1\n\nWe assess with high confidence that the junta is likely to delay the vote beyond 2027.\n`,
    good: `## Key Judgement 1\n\nThe junta is likely to delay the vote beyond 2027. We have high confidence in this judgement.\n`,
  },
  check({doc, report}) {
    for (const block of estimativeBlocks(doc)) {
      for (const sentence of block.facts.sentences) {
        const confidence = within(block.facts.confidence, sentence);
        const terms = within(block.facts.terms, sentence);
        if (!confidence.length || !terms.length) continue;
        const c = confidence[0];
        const t = terms[0];
        report({
          message: `This sentence combines a confidence level (${quote(c.text)}) with a likelihood (${quote(t.text)}); ICD 203 says not to. State the likelihood here and the confidence in a separate sentence.`,
          ...at(block, c),
          related: [{...at(block, t), message: `Likelihood term ${quote(t.text)}`}],
        });
      }
    }
  },
};
