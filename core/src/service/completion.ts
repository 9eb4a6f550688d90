import type {BriefDocument, BriefSection} from '../parse/document.js';
import type {Block} from '../parse/section.js';
import {FRONT_MATTER_KEYS} from '../rules/structure/frontmatter-keys.js';
import {matchCase} from '../rules/util.js';
import {bandBar, blockAt, effectiveRole, md, sectionAt, serviceIndex, shorten} from './context.js';
import {frontMatterLineAt, presentKeys, selectableScales, type FrontMatterLine} from './frontmatter.js';
import {scaleMarkdown} from './hover.js';
import {entryText} from './symbols.js';
import type {CompletionItem, CompletionResult} from './types.js';

/**
 * Completion at `offset`: footnote ids after `[^`, Sources ids after `[`, front-matter
 * keys and `scale:` values, and the brief's likelihood terms where a judgement or the
 * Summary is being written. Empty everywhere else (evidence, code, headings…).
 */
export function completions(doc: BriefDocument, offset: number): CompletionResult {
  const at0 = Math.max(0, Math.min(offset, doc.text.length));
  const none: CompletionResult = {items: [], replaceStart: at0, replaceEnd: at0};
  if (offset < 0 || offset > doc.text.length) return none;
  const fmLine = frontMatterLineAt(doc, offset);
  if (fmLine) return frontMatterCompletions(doc, offset, fmLine) ?? none;
  if (doc.frontMatter && offset < doc.frontMatter.range.end) return none;
  for (const c of doc.code) if (offset > c.start && offset <= c.end) return none;
  for (const c of doc.comments) if (offset > c.start && offset < c.end) return none;

  const lines = doc.lines;
  const line = lines.positionAt(offset).line;
  const lineStart = lines.starts[line];
  const linePrefix = doc.text.slice(lineStart, offset);
  const at = blockAt(doc, offset);
  const section = at?.section ?? sectionAt(doc, offset);
  // Inside an inline code span (or one being typed).
  if (inCodeSpan(doc.text.slice(at ? at.block.base : lineStart, offset))) return none;
  if (at?.block.kind === 'heading' && offset < at.block.start) return none; // among the # markers

  const footnote = /\[\^([^\]\s[]*)$/.exec(linePrefix);
  if (footnote) return footnoteCompletions(doc, offset, footnote[1], /^ {0,3}(?:>[ \t]?)*\[\^[^\]\s[]*$/.test(linePrefix));
  const bracket = /(?<!\\)(!?)\[([^\]\s[^]*)$/.exec(linePrefix);
  if (bracket?.[1]) return none; // image alt text
  if (bracket && section && effectiveRole(section) !== 'sources') return sourceCompletions(doc, offset, bracket[2]) ?? none;

  if (section && termContext(doc, offset, at?.block, section, linePrefix)) return termCompletions(doc, offset, linePrefix);
  return none;
}

/** True when the text ends inside a code span: an opening run of backticks not yet closed. */
export function inCodeSpan(text: string): boolean {
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 92 /* \ */) {
      i++;
      continue;
    }
    if (text.charCodeAt(i) !== 96) continue;
    let run = 1;
    while (text.charCodeAt(i + run) === 96) run++;
    if (open === 0) open = run;
    else if (open === run) open = 0;
    i += run - 1;
  }
  return open > 0;
}

// ---------------------------------------------------------------- citations

function idExtent(doc: BriefDocument, offset: number, typed: string): {start: number; end: number} {
  let end = offset;
  while (end < doc.text.length && /[^\]\s[]/.test(doc.text[end])) end++;
  return {start: offset - typed.length, end};
}

function footnoteCompletions(doc: BriefDocument, offset: number, typed: string, lineStart: boolean): CompletionResult {
  const {start, end} = idExtent(doc, offset, typed);
  const closed = doc.text[end] === ']';
  const items: CompletionItem[] = [];
  if (lineStart) {
    // Writing a definition: offer the ids that are cited but not defined yet.
    const seen = new Set<string>();
    for (const c of doc.citations) {
      if (c.kind !== 'footnote' || c.resolved || !c.id || seen.has(c.id)) continue;
      // The definition being typed may itself read as a citation of the partial id.
      if (offset >= c.start && offset <= c.end) continue;
      seen.add(c.id);
      const line = doc.lines.positionAt(c.start).line + 1;
      items.push({
        label: c.id,
        kind: 'footnote',
        detail: `cited on line ${line}, not yet defined`,
        insertText: closed ? c.id : `${c.id}]: `,
        sortText: String(c.start).padStart(9, '0'),
      });
    }
    if (items.length) return {items, replaceStart: start, replaceEnd: end};
  }
  const seen = new Set<string>();
  for (const s of doc.sources) {
    if (s.kind !== 'footnote' || !s.id || seen.has(s.id)) continue;
    seen.add(s.id);
    items.push({
      label: s.id,
      kind: 'footnote',
      detail: shorten(s.text, 70) || '(empty footnote)',
      documentation: sourceDoc(s),
      insertText: closed ? s.id : `${s.id}]`,
      sortText: String(s.start).padStart(9, '0'),
    });
  }
  return {items, replaceStart: start, replaceEnd: end};
}

function sourceDoc(s: {text: string; grade?: string; date?: string}): string {
  const extra = [s.grade && `grade ${s.grade}`, s.date && `dated ${s.date}`].filter(Boolean).join(', ');
  return md(shorten(s.text, 600)) + (extra ? `\n\n*${extra}*` : '');
}

function sourceCompletions(doc: BriefDocument, offset: number, typed: string): CompletionResult | undefined {
  const {start, end} = idExtent(doc, offset, typed);
  const closed = doc.text[end] === ']';
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const s of doc.sources) {
    if ((s.kind !== 'entry' && s.kind !== 'link') || !s.id) continue;
    const key = s.id.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      label: s.id,
      kind: 'source',
      detail: shorten(entryText(s), 70),
      documentation: sourceDoc(s),
      insertText: closed ? s.id : `${s.id}]`,
      sortText: String(s.start).padStart(9, '0'),
    });
  }
  return items.length ? {items, replaceStart: start, replaceEnd: end} : undefined;
}

// ---------------------------------------------------------------- likelihood terms

const MARKER_ONLY = /^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?$/;

/** Is `offset` where a judgement or a Summary sentence is being written? */
function termContext(doc: BriefDocument, offset: number, block: Block | undefined, section: BriefSection, linePrefix: string): boolean {
  const index = serviceIndex(doc);
  const role = effectiveRole(section);
  if (block) {
    if (block.quoted || block.footnote || block.kind === 'tableRow') return false;
    for (const e of index.estimative) {
      // A judgement carried by its heading ("## KJ 2: Fares are…") starts after the label.
      if (e.block.base === block.base) return e.block.kind !== 'heading' || offset >= e.block.start;
    }
    if (block.kind === 'heading') return false;
    // A paragraph straight under a judgement heading, while it is being typed.
    if (section.role === 'judgement' && block.listDepth === 0) {
      const first = section.blocks.find((b) => b.kind !== 'heading' && !b.footnote);
      return first === block;
    }
    return false;
  }
  // A blank line or a bare list marker.
  if (!MARKER_ONLY.test(linePrefix)) return false;
  if (role === 'summary') return true;
  if (section.role === 'judgement') {
    const content = section.blocks.find((b) => b.kind !== 'heading' && !b.footnote);
    return !content || content.base >= offset;
  }
  if (section.role === 'judgements') return /[-+*]|\d[.)]/.test(linePrefix);
  return false;
}

function termCompletions(doc: BriefDocument, offset: number, linePrefix: string): CompletionResult {
  const scale = doc.scale;
  const forms: string[] = [];
  for (const t of scale.terms) for (const f of t.forms) forms.push(f.toLowerCase());
  // The partial phrase: the longest run of trailing words that starts a form ("highly li").
  const word = /[\p{L}'’-]*$/u.exec(linePrefix)![0];
  let replaceStart = offset - word.length;
  const tail = linePrefix.slice(-60);
  const tailStart = offset - tail.length;
  const wordStarts: number[] = [];
  const re = /(?<![\p{L}'’-])[\p{L}'’-]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tail))) {
    const s = tailStart + m.index;
    if (s >= replaceStart) break;
    if (m.index === 0 && s > 0 && /[\p{L}'’-]/u.test(doc.text[s - 1])) continue;
    wordStarts.push(s);
  }
  for (const s of wordStarts.slice(-3)) {
    const typed = doc.text.slice(s, offset);
    if (!/^[\p{L}'’-]+(?:[ \t]+[\p{L}'’-]*)*$/u.test(typed)) continue;
    const key = typed.toLowerCase().replace(/[ \t]+/g, ' ');
    if (forms.some((f) => f.startsWith(key))) {
      replaceStart = s;
      break;
    }
  }
  let replaceEnd = offset;
  while (replaceEnd < doc.text.length && /[\p{L}'’-]/u.test(doc.text[replaceEnd])) replaceEnd++;
  const typed = doc.text.slice(replaceStart, offset);

  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  scale.terms.forEach((term, ti) => {
    term.forms.forEach((raw, fi) => {
      const form = raw.toLowerCase();
      if (seen.has(form)) return;
      seen.add(form);
      const row = term.row ? ` (row ${term.row})` : '';
      items.push({
        label: form,
        kind: 'term',
        detail: `${term.term} — ${term.label}`,
        documentation: `${form !== term.term ? `*${md(form)}* expresses ` : ''}**${md(term.term)}**${row} · ${md(term.label)}\n\n\`${bandBar(term.band)}\`\n\n${md(scale.name)}`,
        insertText: typed ? matchCase(typed, form) : form,
        sortText: `${pad(term.band[0])}-${pad(term.band[1])}-${pad(ti)}-${pad(fi)}`,
      });
    });
  });
  return {items, replaceStart, replaceEnd};
}

function pad(n: number): string {
  return String(Math.round(n)).padStart(3, '0');
}

// ---------------------------------------------------------------- front matter

function frontMatterCompletions(doc: BriefDocument, offset: number, line: FrontMatterLine): CompletionResult | undefined {
  const prefix = doc.text.slice(line.lineStart, offset);
  if (/^[A-Za-z_]?[\w-]*$/.test(prefix) && (!line.key || offset <= line.keyEnd)) {
    const present = presentKeys(doc);
    if (line.key) present.delete(line.key);
    const items: CompletionItem[] = FRONT_MATTER_KEYS.filter((k) => !present.has(k.key)).map((k, i) => ({
      label: k.key,
      kind: 'key',
      detail: `e.g. ${k.example}`,
      documentation: `${k.description}\n\nExample: \`${k.key}: ${k.example}\``,
      insertText: line.hasColon ? k.key : `${k.key}: `,
      sortText: pad(i),
    }));
    return {items, replaceStart: line.lineStart, replaceEnd: line.key ? line.keyEnd : offset};
  }
  const value = /^scale([ \t]*):([ \t]*)(["']?)([\w-]*)$/.exec(prefix);
  if (value) {
    const replaceStart = offset - value[4].length;
    let replaceEnd = offset;
    while (replaceEnd < line.lineEnd && /[\w-]/.test(doc.text[replaceEnd])) replaceEnd++;
    const space = value[2] || value[3] ? '' : ' ';
    const items: CompletionItem[] = selectableScales(doc).map((s, i) => ({
      label: s.id,
      kind: 'value',
      detail: s.name + (s === doc.scale ? ' (current)' : ''),
      documentation: scaleMarkdown(s),
      insertText: space + s.id,
      filterText: s.id,
      sortText: pad(i),
    }));
    return {items, replaceStart, replaceEnd};
  }
  return undefined;
}
