import type {Rule} from '../types.js';
import {judgementName} from '../util.js';

export const judgementNoEvidence: Rule = {
  id: 'judgement-no-evidence',
  category: 'judgement',
  defaultLevel: 'error',
  description: 'Key judgement with no evidence under it.',
  fixable: false,
  unitScoped: true,
  docs: {
    rationale:
      'A key judgement is only as good as the evidence behind it. In the heading layout each key judgement is followed by the evidence that supports it; a judgement with nothing under it asks the reader to take it on trust. (In the "Key Judgements" list layout the evidence sits elsewhere in the body, and this rule does not apply.)',
    standard: 'ICD 203 standard 3 (distinguishes information from judgements) and standard 6 (clear and logical argumentation)',
    bad: `## Key Judgement 1\n\nThe ferry operators are likely to resume the night service within the next three months.\n\n## Key Judgement 2\n\nFares are unlikely to rise before the summer.\n\n- The regulator froze fares until June.[^1]\n\n[^1]: Transport regulator, fare notice, 2026-09-02.\n`,
    good: `## Key Judgement 1\n\nThe ferry operators are likely to resume the night service within the next three months.\n\n- The operators have hired new crew since June.[^1]\n\n## Key Judgement 2\n\nFares are unlikely to rise before the summer.\n\n- The regulator froze fares until June.[^1]\n\n[^1]: Transport regulator, fare notice, 2026-09-02.\n`,
  },
  check({doc, report}) {
    for (const j of doc.judgements) {
      if (j.layout !== 'heading' || j.evidence.length > 0) continue;
      const range = j.statement ? {start: j.statement.start, end: j.statement.end} : {start: j.section.heading!.start, end: j.section.heading!.end};
      report({
        message: `${judgementName(j)} has no evidence under it. Add the evidence that supports it, as bullets that cite their sources.`,
        ...range,
      });
    }
  },
};
