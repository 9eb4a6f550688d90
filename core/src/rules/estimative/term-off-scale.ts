import type {Rule, Fix} from '../types.js';
import {at, estimativeBlocks, matchCase, quote} from '../util.js';
import {equivalentTerms, formClass} from '../../scales/lexicon.js';
import type {ScaleTerm} from '../../scales/index.js';

/** The phrase of `term` to put in place of `form`: same grammatical shape when the scale has one. */
export function replacementForm(term: ScaleTerm, form: string): string | undefined {
  const cls = formClass(form);
  return term.forms.find((f) => formClass(f) === cls);
}

export const termOffScale: Rule = {
  id: 'term-off-scale',
  category: 'estimative',
  defaultLevel: 'warning',
  description: "Likelihood term that is not on the brief's estimative scale.",
  fixable: true,
  unitScoped: true,
  docs: {
    rationale:
      "A brief states likelihood in the words of one published scale, so that every reader maps each word to the same band. A term from another scale (\"very likely\" in a PHIA brief) or from no scale (\"extremely likely\") has no agreed band on the brief's scale. The fix offers the term of the brief's scale whose band is closest.",
    standard: 'UK PHIA Probability Yardstick; ICD 203 D.6.e',
    bad: `---\nscale: phia\n---\n\n## Key Judgement 1\n\nThe strike is very likely to continue over the next month.\n`,
    good: `---\nscale: phia\n---\n\n## Key Judgement 1\n\nThe strike is highly likely to continue over the next month.\n`,
  },
  check({doc, report}) {
    const scale = doc.scale;
    const onScale = new Set(scale.terms.flatMap((t) => t.forms.map((f) => f.toLowerCase())));
    for (const block of estimativeBlocks(doc)) {
      for (const hit of block.facts.terms) {
        if (onScale.has(hit.form)) continue;
        const entry = doc.lexicon.lookup(hit.form);
        if (!entry) continue;
        const reading = entry.reading;
        const candidates = equivalentTerms(scale, reading.term.band);
        const range = at(block, hit);
        const fixes: Fix[] = [];
        for (const term of candidates) {
          const form = replacementForm(term, hit.form) ?? term.term;
          fixes.push({
            title: `Replace with ${quote(form)} (${term.label} on ${scale.name})`,
            edits: [articleAware(doc.text, range.start, range.end, matchCase(hit.text, form))],
          });
        }
        const where = entry.homes.length
          ? `a ${entry.homes.map((h) => h.scale.name).join(' / ')} term (${reading.term.label})`
          : `on no published scale`;
        const offer = candidates.length ? ` Use ${candidates.map((t) => quote(t.term) + ` (${t.label})`).join(' or ')}.` : '';
        // Only a same-shaped replacement is safe to apply without a person reading it.
        const safe = candidates.length > 0 && replacementForm(candidates[0], hit.form) !== undefined;
        report({
          message: `${quote(hit.text)} is not on this brief's scale (${scale.name}); it is ${where}.${offer}`,
          ...range,
          fix: safe ? fixes[0] : undefined,
          suggestions: safe ? fixes.slice(1) : fixes,
        });
      }
    }
  },
};

/** Replaces text and adjusts a preceding "a"/"an" to the new first word. */
function articleAware(text: string, start: number, end: number, replacement: string) {
  const before = /(?<![\p{L}])(a|an|A|An)(\s+)$/u.exec(text.slice(Math.max(0, start - 6), start));
  if (before) {
    const vowel = /^[aeiou]/i.test(replacement);
    const article = before[1];
    const wanted = vowel ? (article[0] === 'A' ? 'An' : 'an') : article[0] === 'A' ? 'A' : 'a';
    if (wanted !== article) {
      const s = start - before[0].length;
      return {start: s, end, text: wanted + before[2] + replacement};
    }
  }
  return {start, end, text: replacement};
}
