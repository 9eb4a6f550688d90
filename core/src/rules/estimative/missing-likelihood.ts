import type {Rule} from '../types.js';
import {at, judgementName, judgementStatements, quote} from '../util.js';

export const missingLikelihood: Rule = {
  id: 'missing-likelihood',
  category: 'estimative',
  defaultLevel: 'warning',
  description: 'Key judgement that states no likelihood and no confidence level.',
  fixable: false,
  unitScoped: true,
  docs: {
    rationale:
      'A key judgement is an estimate, and the reader needs to know how sure the analyst is. Stated as a bare fact ("will", "certainly"), it claims a certainty the evidence rarely supports. Say how likely the outcome is with a term from the brief\'s scale, or, for a judgement about a fact rather than an event, state your confidence level (ICD 203 uses confidence for facts and likelihood for events: one of the two is enough).',
    standard: 'ICD 203 standard 2 (expresses and explains uncertainties); PHIA Probability Yardstick',
    bad: `## Key Judgement 1\n\nThe port authority will raise fees before the March budget.\n`,
    good: `## Key Judgement 1\n\nThe port authority is likely to raise fees before the March budget.\n`,
  },
  check({doc, report}) {
    const examples = doc.scale.terms.filter((t) => t.band[0] >= 50).slice(0, 2).map((t) => quote(t.term)).join(', ');
    for (const {judgement, block} of judgementStatements(doc)) {
      const f = block.facts;
      if (f.terms.length || f.confidence.length || f.hedges.length || f.modifiedPossible.length) continue;
      const certain = f.certainty[0];
      const range = certain ? at(block, certain) : {start: block.start, end: block.end};
      const how = certain ? `states its outcome as certain (${quote(certain.text)})` : 'states no likelihood';
      report({
        message: `${judgementName(judgement)} ${how}. Say how likely it is with a term from the ${doc.scale.name} (such as ${examples}), or state a confidence level if it is a judgement about a fact.`,
        ...range,
      });
    }
  },
};
