import type {Rule} from '../types.js';
import {judgementName} from '../util.js';

export const judgementNoTimeframe: Rule = {
  id: 'judgement-no-timeframe',
  category: 'judgement',
  defaultLevel: 'warning',
  description: 'Key judgement about an outcome with no time bound.',
  fixable: false,
  unitScoped: true,
  optionsSchema: {
    type: 'object',
    properties: {
      frontMatterCounts: {type: 'boolean', description: 'When true, a `timeframe:` in the front matter bounds every judgement (off by default: each key judgement should carry its own).'},
    },
    additionalProperties: false,
  },
  defaultOptions: {frontMatterCounts: false},
  docs: {
    rationale:
      'A likelihood without a time bound cannot be checked or acted on: "likely to hold a referendum" could mean next month or next decade. State the period ("over the next 12 months", "by 2028", "before the March election", "whilst the junta remains in power"). Judgements about facts, qualified by a confidence level alone, need no time bound. With the option `frontMatterCounts`, a `timeframe:` in the front matter bounds every judgement.',
    standard: 'ICD 203 standard 8 (accurate judgements: likelihood, timing and nature of the outcome)',
    bad: `## Key Judgement 1\n\nThe regional government is likely to call a referendum.\n\n- The governing party endorsed a referendum at its congress.[^1]\n\n[^1]: Party congress resolution, 2026-06-11.\n`,
    good: `## Key Judgement 1\n\nThe regional government is likely to call a referendum before the end of 2027.\n\n- The governing party endorsed a referendum at its congress.[^1]\n\n[^1]: Party congress resolution, 2026-06-11.\n`,
  },
  check({doc, report, options}) {
    const fm = doc.frontMatter?.data.timeframe;
    if (options.frontMatterCounts && typeof fm === 'string' && fm.trim()) return;
    for (const j of doc.judgements) {
      const s = j.statement;
      if (!s) continue;
      const f = s.facts;
      if (f.timeframes.length) continue;
      // A judgement about a fact, qualified by confidence alone, is not about a future event.
      if (f.confidence.length && !f.terms.length && !f.hedges.length) continue;
      report({
        message: `${judgementName(j)} has no time bound. Say over what period you expect it (for example "over the next 12 months", "by 2028" or "before the election").`,
        start: s.start,
        end: s.end,
      });
    }
  },
};
