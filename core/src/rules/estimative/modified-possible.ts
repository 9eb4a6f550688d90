import type {Rule, Fix} from '../types.js';
import {at, estimativeBlocks, matchCase, quote} from '../util.js';
import {equivalentTerms} from '../../scales/lexicon.js';
import {replacementForm} from './term-off-scale.js';

export const modifiedPossible: Rule = {
  id: 'modified-possible',
  category: 'estimative',
  defaultLevel: 'warning',
  description: '"Possible" modified ("serious possibility", "highly possible").',
  fixable: false,
  unitScoped: true,
  docs: {
    rationale:
      'Sherman Kent\'s rule: the word "possible" and its cognates must not be modified. His colleagues read "serious possibility" as anything from 20% to 80%. Replace the phrase with a term of the brief\'s scale that says how likely the outcome is.',
    standard: 'Sherman Kent, "Words of Estimative Probability" (1964)',
    bad: `## Key Judgement 1\n\nThere is a serious possibility that the strike spreads to the rail depots before the summer.\n`,
    good: `## Key Judgement 1\n\nIt is likely that the strike spreads to the rail depots before the summer.\n`,
  },
  check({doc, report}) {
    for (const block of estimativeBlocks(doc)) {
      for (const hit of block.facts.modifiedPossible) {
        const range = at(block, hit);
        const noun = /possibility$/i.test(hit.text);
        const suggestions: Fix[] = equivalentTerms(doc.scale, [20, 80])
          .map((t) => replacementForm(t, noun ? 'realistic possibility' : 'likely') ?? (noun ? undefined : t.term))
          .filter((f): f is string => !!f)
          .map((form) => ({title: `Replace with ${quote(form)}`, edits: [{...range, text: matchCase(hit.text, form)}]}));
        report({
          message: `${quote(hit.text)} modifies "possible", so readers cannot tell how likely you mean (Kent's colleagues read "serious possibility" as 20–80%). Use a term from the ${doc.scale.name}.`,
          ...range,
          suggestions,
        });
      }
    }
  },
};
