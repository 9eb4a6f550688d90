import type {Block} from '../parse/section.js';
import type {BriefDocument, Judgement} from '../parse/document.js';
import type {Hit} from '../analysis/block.js';
import type {Span} from '../analysis/sentences.js';

/** Absolute range of a hit found in a block. */
export function at(block: Block, hit: Span): {start: number; end: number} {
  return {start: block.base + hit.start, end: block.base + hit.end};
}

/** The sentence (relative span) of `block` that contains `hit`. */
export function sentenceOf(block: Block, hit: Span): Span | undefined {
  return block.facts.sentences.find((s) => hit.start >= s.start && hit.start < s.end);
}

/** Hits of one kind inside a span. */
export function within<T extends Span>(hits: T[], span: Span): T[] {
  return hits.filter((h) => h.start >= span.start && h.end <= span.end);
}

/** Text of a block's content (masked: code and markup blanked), white space folded. */
export function blockText(block: Block): string {
  return block.masked.slice(block.start - block.base, block.end - block.base).replace(/\s+/g, ' ').trim();
}

export function spanText(block: Block, span: Span): string {
  return block.masked.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}

/** A judgement as people refer to it: "Key judgement 2". */
export function judgementName(j: Judgement): string {
  return j.number !== undefined ? `Key judgement ${j.number}` : `Key judgement ${j.index + 1}`;
}

/** Blocks that state judgements: key judgement statements. */
export function judgementStatements(doc: BriefDocument): Array<{judgement: Judgement; block: Block}> {
  const out: Array<{judgement: Judgement; block: Block}> = [];
  for (const j of doc.judgements) if (j.statement) out.push({judgement: j, block: j.statement});
  return out;
}

/** Prose blocks of the Summary (and its subsections). */
export function summaryBlocks(doc: BriefDocument): Block[] {
  const out: Block[] = [];
  for (const s of doc.sections) {
    if (doc.summary && s.start >= doc.summary.start && s.start < doc.summary.treeEnd) {
      for (const b of s.blocks) if (b.kind !== 'heading' && !b.quoted && !b.footnote) out.push(b);
    }
  }
  return out;
}

/** Blocks where analysts state judgements: key judgements and the Summary. */
export function estimativeBlocks(doc: BriefDocument): Block[] {
  // Built by push, not from spreads of mapped lists (text/packed.ts): one hidden class for the list.
  const out: Block[] = [];
  for (const s of judgementStatements(doc)) out.push(s.block);
  for (const b of summaryBlocks(doc)) out.push(b);
  return out;
}

export function quote(s: string): string {
  return `‘${s}’`;
}

/** Keeps the first letter's case of `original` in `replacement`. */
export function matchCase(original: string, replacement: string): string {
  if (/^\p{Lu}/u.test(original)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}
