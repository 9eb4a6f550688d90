import type {Rule} from '../types.js';
import type {BriefDocument, Judgement} from '../../parse/document.js';

/** Range of the number as written: in the heading text, or in the ordered-list marker. */
export function judgementNumberRange(doc: BriefDocument, j: Judgement): {start: number; end: number} | undefined {
  if (j.number === undefined) return undefined;
  if (j.layout === 'heading') {
    const h = j.section.heading;
    if (!h) return undefined;
    const m = /\d{1,3}/.exec(doc.text.slice(h.textStart, h.textEnd));
    if (!m || Number(m[0]) !== j.number) return undefined;
    return {start: h.textStart + m.index, end: h.textStart + m.index + m[0].length};
  }
  const b = j.statement;
  if (!b) return undefined;
  const m = /^(\s*(?:>\s*)*)(\d{1,9})[.)]/.exec(doc.text.slice(b.base, b.start));
  if (!m || Number(m[2]) !== j.number) return undefined;
  const start = b.base + m[1].length;
  return {start, end: start + m[2].length};
}

function ordinal(n: number): string {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  if (n >= 1 && n <= words.length) return words[n - 1];
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

export const judgementNumbering: Rule = {
  id: 'judgement-numbering',
  category: 'structure',
  defaultLevel: 'warning',
  description: 'Key judgements numbered out of sequence: repeated, skipped, or not starting at 1.',
  fixable: true,
  docs: {
    rationale:
      'Readers and later products cite key judgements by number ("as KJ 3 assessed…"). A repeated or skipped number makes those references ambiguous and suggests a judgement was cut or pasted in without the brief being re-read. Key judgements should run 1, 2, 3… in the order they appear; the fix renumbers them. A Markdown ordered list written `1.` `1.` `1.` (which renders as 1, 2, 3) is accepted.',
    standard: 'ICD 203 analytic standard 6 (clear and logical argumentation)',
    bad: `# Harbour strike\n\n## Key Judgement 1\n\nThe strike is likely to continue over the next month.\n\n## Key Judgement 3\n\nThe port authority is unlikely to concede before the spring.\n`,
    good: `# Harbour strike\n\n## Key Judgement 1\n\nThe strike is likely to continue over the next month.\n\n## Key Judgement 2\n\nThe port authority is unlikely to concede before the spring.\n`,
  },
  check({doc, report}) {
    const numbered = doc.judgements.filter((j) => j.number !== undefined);
    if (numbered.length === 0) return;
    // "1. 1. 1." in an ordered list renders as 1, 2, 3: a common Markdown habit, not an error.
    if (numbered.length > 1 && numbered.every((j) => j.layout === 'list' && j.number === 1)) return;
    let first = true;
    const used = new Set<number>();
    numbered.forEach((j, i) => {
      const prev = i > 0 ? numbered[i - 1] : undefined;
      const n = j.number!;
      const repeated = used.has(n);
      used.add(n);
      // Report where the written sequence breaks, not every judgement after a break.
      if (n === (prev ? prev.number! + 1 : 1)) return;
      const expected = i + 1;
      // In its right place already ("0, 2": the 0 is the break): renumbering it would change nothing.
      if (n === expected) return;
      const range = judgementNumberRange(doc, j);
      if (!range) return;
      let why: string;
      if (!prev) why = `key judgements should be numbered from 1, but the first is numbered ${n}`;
      else if (repeated) why = `number ${n} is already used by an earlier key judgement`;
      else if (n > prev.number! + 1) why = `the numbering skips from ${prev.number} to ${n}`;
      else why = `it comes after key judgement ${prev.number}`;
      // The first break's fix renumbers this judgement and every one after it; later breaks
      // fix their own number only (so the fixes stay linear in the number of judgements).
      const edits = first
        ? numbered
            .slice(i)
            .map((k, d) => ({k, want: expected + d, r: judgementNumberRange(doc, k)}))
            .filter((x) => x.r && x.k.number !== x.want)
            .map((x) => ({...x.r!, text: String(x.want)}))
        : [{...range, text: String(expected)}];
      first = false;
      const prevRange = prev ? (judgementNumberRange(doc, prev) ?? (prev.statement ? {start: prev.statement.start, end: prev.statement.end} : undefined)) : undefined;
      const more = edits.length > 1 ? ` and the ${edits.length - 1} after it` : '';
      report({
        message: `Key judgement ${n} is out of sequence: ${why}. As the ${ordinal(expected)} key judgement, number it ${expected}.`,
        ...range,
        fix: {title: `Renumber as ${expected}${more}`, edits},
        related: prev && prevRange ? [{...prevRange, message: `The previous key judgement is numbered ${prev.number}.`}] : undefined,
      });
    });
  },
};
