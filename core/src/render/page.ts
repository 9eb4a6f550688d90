/**
 * The brief as a reader will see it, with its findings: HTML for the live preview
 * (a fragment + stylesheet for the webview) and for `brief render` (a standalone,
 * self-contained page with a script-free CSP). Pure: no file system, no editor.
 *
 * The Markdown body goes through unified and rehype-sanitize one section at a time
 * (a long section in content-defined pieces), cached by text (markdown.ts), so
 * re-rendering after an edit parses the edited piece only; line numbers, anchors and
 * findings are filled in by string concatenation. The renderer's own markup (header,
 * findings summary, judgement cards) is built here with every piece of brief text
 * escaped. No inline `style` attributes anywhere (the yardstick is SVG geometry), so a
 * nonce-only `style-src` works.
 *
 * HTML contract (what the webview script relies on):
 * - `div.brief-root[data-theme]` wraps everything: `header.brief-header`,
 *   `nav.brief-findings-summary`, `section.brief-judgements`, `article.brief-body`
 *   (sections as `div.brief-section[data-section][data-role]`), and a
 *   `footer.brief-footer` when there is a classification.
 * - Every block element of the body (h1–h6, p, li, blockquote, table, tr, pre,
 *   footnote entry `div.brief-footnote`, link definition `p.brief-definition`) has
 *   `data-line="<0-based line in the whole document>"`; the first (outermost) block
 *   starting on a line also has `id="L<line>"`. The header is `data-line="0" id="L0"`
 *   when the brief has front matter (`id="brief-header"` otherwise).
 * - A block with findings: class `brief-finding brief-finding-<worst severity>`,
 *   `data-findings="<count>"`, `data-severity`, `data-rules="<ids>"`, `tabindex="0"`,
 *   `title` (one finding a line) and a visually hidden `span.brief-finding-msg` of
 *   `span.brief-finding-item[data-severity][data-rule]` (shown on focus and in print).
 * - Findings summary: `a.brief-count[data-severity|data-category][data-count][href="#L<line>"]`
 *   and `details.brief-findings-list`; judgement cards
 *   `li.brief-card[data-judgement][data-target-line]` with `a.brief-card-link[href="#L<line>"]`,
 *   `svg.brief-yardstick-bar[role=img][aria-label]` of `rect.brief-yardstick-seg[data-term]`
 *   (`.brief-yardstick-active` for the judgement's band, `rect.brief-yardstick-offscale`
 *   for a term of another scale), `li.brief-card-summary[data-summary=agrees|disagrees|absent|no-summary]`.
 * - Keyed lists (`RenderResult.parts`): `ol[data-keyed=findings]` (the findings list's `li`s),
 *   `ol.brief-cards[data-keyed=cards]` and `article.brief-body[data-keyed=sections]`; a
 *   preview replaces only the items whose HTML changed.
 * - Citations `a.brief-cite[href="#user-content-fn-<slug>"]` (`.brief-cite-unresolved`,
 *   no href, when nothing defines the footnote); entries `div.brief-footnote#user-content-fn-<slug>`.
 */
import type {BriefDocument, BriefSection} from '../parse/document.js';
import type {Finding} from '../rules/types.js';
import {CATEGORIES} from '../rules/types.js';
import {chunkCuts, type Piece, type SectionTemplate, type TemplateSource} from './template.js';
import {composeBody, type PageParts} from './parts.js';
import {judgementCards, SEVERITY_ORDER, worst} from './cards.js';
import {CSS} from './css.js';
import {esc, slug} from './escape.js';


export type Theme = 'light' | 'dark' | 'auto';

export interface RenderOptions {
  /**
   * For `brief render`: the page to write. `html` is always a complete, self-contained
   * page (script-free CSP, CSS inlined, built only when read); a webview uses `body` and
   * `css` under its own CSP instead.
   */
  standalone?: boolean;
  /** Page title; the front matter's title (or the first heading) when absent. */
  title?: string;
  /** Nonce for the page's `<style>`: the CSP then allows that style element only. */
  cspNonce?: string;
  /** `auto` (default) follows `prefers-color-scheme`; VS Code theme variables win in a webview. */
  theme?: Theme;
  /** Where each piece's template comes from: `renderBrief` defaults to a cache shared by the process. */
  cache?: TemplateSource;
  /**
   * The section items of the last page made with this memo (one per document): a section
   * whose templates, lines, findings and unresolved citations are the same is given the same
   * string as last time instead of being put together again.
   */
  memo?: PageMemo;
}

/**
 * The section items of the last page rendered for one document, by what they are made of.
 * A keystroke changes one section: the other items come back as the same strings, which is
 * cheaper to make and cheaper to compare (the server's answer looks items up by their HTML:
 * the same string object is found without reading its ~4–12 kB again).
 */
export class PageMemo {
  private last = new Map<string, {html: string; idLines: number[]}>();
  private next = new Map<string, {html: string; idLines: number[]}>();
  private readonly ids = new WeakMap<SectionTemplate, number>();
  private count = 0;

  /** A number per template object (the template cache gives the same object for the same piece). */
  idOf(t: SectionTemplate): number {
    let id = this.ids.get(t);
    if (id === undefined) {
      id = ++this.count;
      this.ids.set(t, id);
    }
    return id;
  }

  get(key: string): {html: string; idLines: number[]} | undefined {
    const hit = this.next.get(key) ?? this.last.get(key);
    if (hit) this.next.set(key, hit);
    return hit;
  }

  set(key: string, value: {html: string; idLines: number[]}): void {
    this.next.set(key, value);
  }

  /** A page is done: keep its items only. */
  done(): void {
    this.last = this.next;
    this.next = new Map();
  }
}

export interface RenderResult {
  /** A complete HTML page. */
  html: string;
  /** The page's body content: one `div.brief-root`. */
  body: string;
  /** The body in parts, for a client that updates only what changed (`composeBody(parts)` is `body`). */
  parts: PageParts;
  /** The stylesheet. */
  css: string;
}

const SEVERITY_LABEL: Record<string, string> = {error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint'};
const THEMES = new Set<Theme>(['light', 'dark', 'auto']);

interface Placed {
  finding: Finding;
  /** Line of the block that shows it. */
  line: number;
}

/**
 * The page for `doc` with `findings`, each piece's template from `options.cache` (which must
 * be given: `renderBrief` in index.ts gives the shared cache).
 */
export function renderPage(doc: BriefDocument, findings: readonly Finding[], options: RenderOptions & {cache: TemplateSource}): RenderResult {
  const cache = options.cache;
  const theme: Theme = options.theme && THEMES.has(options.theme) ? options.theme : 'auto';
  const sorted = [...findings].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const fm = doc.frontMatter;
  const placed: Placed[] = [];
  const idLines: number[] = [];
  const headerFindings: Finding[] = [];

  // Findings in the front matter (or with nowhere else to go) belong to the header.
  let fi = 0;
  while (fi < sorted.length && fm && sorted[fi].start < doc.bodyStart) headerFindings.push(sorted[fi++]);

  const unresolved = new Map<BriefSection, Set<string>>();
  for (const c of doc.citations) {
    if (c.kind !== 'footnote' || c.resolved || !c.id) continue;
    const set = unresolved.get(c.section);
    if (set) set.add(c.id);
    else unresolved.set(c.section, new Set([c.id]));
  }

  const sectionItems: string[] = [];
  const last = doc.sections.length - 1;
  const memo = options.memo;
  const bySection = piecesOf(doc);
  doc.sections.forEach((section, si) => {
    const pieces = bySection[si];
    const filled: Array<{template: SectionTemplate; lineBase: number; own: Map<number, Finding[]>}> = [];
    // What the item is made of, when there is a memo: equal keys, equal HTML.
    let key = memo ? `${si} ${section.role}` : '';
    pieces.forEach(({start, end, text, definitions, unrendered}, c) => {
      const template = cache.get(text, definitions, unrendered);
      const lineBase = doc.lines.positionAt(start).line;
      const own = new Map<number, Finding[]>();
      const lastPiece = si === last && c + 1 === pieces.length;
      while (fi < sorted.length && (sorted[fi].start < end || (lastPiece && sorted[fi].start <= end))) {
        const f = sorted[fi++];
        const k = slotFor(template, f.start - start);
        if (k < 0) {
          headerFindings.push(f);
          continue;
        }
        const list = own.get(k);
        if (list) list.push(f);
        else own.set(k, [f]);
        placed.push({finding: f, line: lineBase + template.slots[k].line});
      }
      filled.push({template, lineBase, own});
      if (memo) {
        key += `\u0001${memo.idOf(template)}@${lineBase}`;
        // Everything fill() reads of a finding: its block, severity, rule and message.
        for (const [k, list] of own) for (const f of list) key += `\u0002${k}\u0003${f.severity}\u0003${f.ruleId}\u0003${f.message}`;
      }
    });
    const missing = unresolved.get(section);
    if (memo && missing) for (const id of missing) key += `\u0004${id}`;
    const hit = memo?.get(key);
    if (hit) {
      sectionItems.push(hit.html);
      for (const line of hit.idLines) idLines.push(line);
      return;
    }
    const firstId = idLines.length;
    let html = '';
    for (const f of filled) html += fill(f.template, f.lineBase, f.own, idLines);
    for (const id of missing ?? []) {
      // A citation of a footnote nobody defined: no dead link, and say so.
      html = html.replaceAll(`<a href="#user-content-fn-${slug(id)}" class="brief-cite">`, `<a class="brief-cite brief-cite-unresolved" title="${esc(`[^${id}] is not defined`)}">`);
    }
    const item = `<div class="brief-section" data-section="${si}" data-role="${section.role}">${html}</div>\n`;
    sectionItems.push(item);
    memo?.set(key, {html: item, idLines: idLines.slice(firstId)});
  });
  memo?.done();
  // Findings past the last section (none in practice) and findings with no block: the header.
  while (fi < sorted.length) headerFindings.push(sorted[fi++]);
  const headerLine = fm ? 0 : -1;
  for (const f of headerFindings) placed.push({finding: f, line: headerLine});

  const anchor = (line: number): string => {
    if (line < 0 || !idLines.length) return fm ? '#L0' : '#brief-header';
    // The nearest anchored line at or before `line`.
    let lo = 0;
    let hi = idLines.length - 1;
    if (idLines[0] > line) return fm ? '#L0' : `#L${idLines[0]}`;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (idLines[mid] <= line) lo = mid;
      else hi = mid - 1;
    }
    return `#L${idLines[lo]}`;
  };
  const anchorLine = (offset: number): number => {
    const href = anchor(doc.lines.positionAt(offset).line);
    return href.startsWith('#L') ? Number(href.slice(2)) : 0;
  };

  placed.sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end);
  const title = options.title ?? (typeof fm?.data.title === 'string' ? fm.data.title : undefined) ?? doc.title?.text ?? 'Brief';
  const classification = metaText(fm?.data.classification);

  const summary = findingsSummary(placed, anchor, (o) => doc.lines.positionAt(o).line);
  const cards = judgementCards({doc, findings: sorted, anchorLine});
  const top = `<div class="brief-root" data-theme="${theme}">\n${header(doc, headerFindings, classification)}\n`;
  let end = '</article>\n';
  if (classification) end += `<footer class="brief-footer"><p class="brief-classification">${esc(classification)}</p></footer>\n`;
  end += '</div>';
  const parts: PageParts = {
    segments: [top + summary.before, `${summary.after}\n${cards.before}`, `${cards.after}\n<article class="brief-body" aria-label="${esc(title)}" data-keyed="sections">\n`, end],
    lists: [
      {name: 'findings', items: summary.items},
      {name: 'cards', items: cards.items},
      {name: 'sections', items: sectionItems},
    ],
  };

  let body: string | undefined;
  let html: string | undefined;
  // The body and page are built when asked for: the server sends the parts.
  return {
    get html() {
      return (html ??= standalonePage(this.body, title, theme, options.cspNonce));
    },
    get body() {
      return (body ??= composeBody(parts));
    },
    parts,
    css: CSS,
  };
}

/** Every piece the page for `doc` is made of, in order: what a renderer must have a template for. */
export function renderPieces(doc: BriefDocument): Piece[] {
  return piecesOf(doc).flat();
}

const piecesByDoc = new WeakMap<BriefDocument, PlacedPiece[][]>();

/** Each section's pieces, made once per document (the server asks for them, then renders the page). */
function piecesOf(doc: BriefDocument): PlacedPiece[][] {
  let made = piecesByDoc.get(doc);
  if (!made) {
    const linkDefs = linkDefinitions(doc);
    made = doc.sections.map((section) => sectionPieces(doc, section, linkDefs));
    piecesByDoc.set(doc, made);
  }
  return made;
}

/** Link definitions, which reference links in any section may use. */
function linkDefinitions(doc: BriefDocument) {
  return doc.sources.filter((s) => s.kind === 'link' && s.id);
}

interface PlacedPiece extends Piece {
  /** The piece's range in the document. */
  start: number;
  end: number;
}

/** A section's pieces: a long section renders in pieces (chunkCuts), each cached by its text. */
function sectionPieces(doc: BriefDocument, section: BriefSection, linkDefs: BriefDocument['sources']): PlacedPiece[] {
  const sectionText = doc.text.slice(section.start, section.end);
  const bounds = [0, ...chunkCuts(sectionText), sectionText.length];
  // A section the engine could not read to the end (nested too deep) is shown as its text.
  const unrendered = section.analysis.tooDeep !== undefined;
  const pieces: PlacedPiece[] = [];
  for (let c = 0; c + 1 < bounds.length; c++) {
    const start = section.start + bounds[c];
    const end = section.start + bounds[c + 1];
    const text = sectionText.slice(bounds[c], bounds[c + 1]);
    let definitions = '';
    if (linkDefs.length) {
      const lower = text.toLowerCase();
      const used: string[] = [];
      for (const d of linkDefs) {
        if (d.start >= start && d.start < end) continue;
        if (lower.includes(`[${d.id!.toLowerCase()}]`)) used.push(doc.text.slice(d.start, d.end));
      }
      definitions = used.join('\n');
    }
    pieces.push({start, end, text, definitions, unrendered});
  }
  return pieces;
}

function standalonePage(body: string, title: string, theme: Theme, nonce: string | undefined): string {
  const csp = nonce ? `default-src 'none'; style-src 'nonce-${esc(nonce)}'; img-src data:` : `default-src 'none'; style-src 'unsafe-inline'; img-src data:`;
  const nonceAttr = nonce ? ` nonce="${esc(nonce)}"` : '';
  const scheme = theme === 'auto' ? 'light dark' : theme;
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="color-scheme" content="${scheme}">\n` +
    `<title>${esc(title)}</title>\n<style${nonceAttr}>${CSS}</style>\n</head>\n` +
    `<body class="brief-page" data-theme="${theme}">\n${body}\n</body>\n</html>\n`
  );
}

/** The block a finding at `rel` (offset in the section) is shown on: the innermost block holding it. -1 if the section has none. */
function slotFor(t: SectionTemplate, rel: number): number {
  const slots = t.slots;
  if (!slots.length) return -1;
  // Slots are in document order (pre-order), so starts never decrease.
  let lo = 0;
  let hi = slots.length - 1;
  if (slots[0].start > rel) return slots[0].tag === 'table' && slots[1]?.tag === 'tr' ? 1 : 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (slots[mid].start <= rel) lo = mid;
    else hi = mid - 1;
  }
  // The innermost block holding `rel` is this one or one of its ancestors.
  let k = -1;
  let top = lo;
  for (let p = lo; p >= 0; p = slots[p].parent) {
    top = p;
    if (rel >= slots[p].start && rel <= slots[p].end) {
      k = p;
      break;
    }
  }
  // Between blocks (a comment, a blank line): the next block, which a comment is usually about.
  if (k < 0) k = lo + 1 < slots.length ? lo + 1 : top;
  if (slots[k].tag === 'table' && slots[k + 1]?.tag === 'tr') k++;
  return k;
}

function fill(t: SectionTemplate, lineBase: number, own: Map<number, Finding[]>, idLines: number[]): string {
  const seen = new Set<number>();
  let out = t.chunks[0];
  for (let i = 0; i < t.marks.length; i++) {
    const mark = t.marks[i];
    const k = mark >> 1;
    const slot = t.slots[k];
    const list = own.get(k);
    if (mark & 1) {
      if (list) out += messages(list);
    } else {
      const line = lineBase + slot.line;
      let attrs = '';
      let cls = slot.className;
      if (list) cls = `${cls ? cls + ' ' : ''}brief-finding brief-finding-${worst(list)}`;
      if (cls) attrs += ` class="${esc(cls)}"`;
      attrs += ` data-line="${line}"`;
      if (!slot.ownId && !seen.has(line)) {
        seen.add(line);
        idLines.push(line);
        attrs += ` id="L${line}"`;
      }
      if (list) attrs += findingAttrs(list);
      out += `<${slot.tag}${attrs}`;
    }
    out += t.chunks[i + 1];
  }
  return out;
}

function findingAttrs(list: readonly Finding[]): string {
  const rules = [...new Set(list.map((f) => f.ruleId))].join(' ');
  const title = list.map((f) => `${SEVERITY_LABEL[f.severity] ?? f.severity}: ${f.message} (${f.ruleId})`).join('\n');
  return ` data-findings="${list.length}" data-severity="${worst(list)}" data-rules="${esc(rules)}" tabindex="0" title="${esc(title)}"`;
}

function messages(list: readonly Finding[]): string {
  let out = '<span class="brief-finding-msg">';
  for (const f of list) {
    out +=
      `<span class="brief-finding-item" data-severity="${esc(f.severity)}" data-rule="${esc(f.ruleId)}">` +
      `<span class="brief-sev brief-sev-${esc(f.severity)}">${esc(SEVERITY_LABEL[f.severity] ?? f.severity)}:</span> ${esc(f.message)} ` +
      `<span class="brief-rule">(${esc(f.ruleId)})</span></span>`;
  }
  return out + '</span>';
}

/** Front matter values as text: scalars, and lists of scalars joined with commas. */
function metaText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    const parts = value.map((v) => metaText(v)).filter((v): v is string => !!v);
    return parts.length ? parts.join(', ') : undefined;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const name = (value as Record<string, unknown>).name;
    return typeof name === 'string' ? name : undefined;
  }
  const s = String(value).trim();
  return s || undefined;
}

function header(doc: BriefDocument, list: readonly Finding[], classification: string | undefined): string {
  const fm = doc.frontMatter;
  const data = fm?.data ?? {};
  const rows: Array<[string, string | undefined]> = [
    ['Title', metaText(data.title)],
    ['Date', metaText(data.date)],
    ['Classification', classification],
    [Array.isArray(data.authors) && data.authors.length > 1 ? 'Authors' : 'Author', metaText(data.authors ?? data.author)],
    ['Time frame', metaText(data.timeframe)],
    ['Scale', doc.scale.name],
  ];
  let attrs = fm ? ' data-line="0" id="L0"' : ' id="brief-header"';
  if (list.length) attrs = ` class="brief-header brief-finding brief-finding-${worst(list)}"${attrs}${findingAttrs(list)}`;
  else attrs = ` class="brief-header"${attrs}`;
  let out = `<header${attrs}>`;
  if (classification) out += `<p class="brief-classification">${esc(classification)}</p>`;
  out += '<dl class="brief-meta">';
  for (const [k, v] of rows) if (v) out += `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`;
  out += '</dl>';
  if (list.length) out += messages(list);
  return out + '</header>';
}

/** The findings summary: `before` + the list of findings (`items`, one `li` each) + `after`. */
function findingsSummary(placed: readonly Placed[], anchor: (line: number) => string, lineOf: (offset: number) => number): {before: string; items: string[]; after: string} {
  let out = '<nav class="brief-findings-summary" aria-labelledby="brief-findings-title"><h2 class="brief-panel-title" id="brief-findings-title">Findings</h2>';
  if (!placed.length) return {before: out + '<p class="brief-findings-none">No findings.</p></nav>', items: [], after: ''};
  const first = <K extends string>(key: (f: Finding) => K) => {
    const counts = new Map<K, {n: number; line: number}>();
    for (const p of placed) {
      const c = counts.get(key(p.finding));
      if (c) c.n++;
      else counts.set(key(p.finding), {n: 1, line: p.line});
    }
    return counts;
  };
  const bySeverity = first((f) => f.severity);
  const byCategory = first((f) => f.category);
  out += '<ul class="brief-counts brief-counts-severity" aria-label="By severity">';
  for (const s of SEVERITY_ORDER) {
    const c = bySeverity.get(s);
    if (!c) continue;
    const label = `${SEVERITY_LABEL[s].toLowerCase()}${c.n === 1 ? '' : s === 'info' ? '' : 's'}`;
    out += `<li><a class="brief-count" data-severity="${s}" data-count="${c.n}" href="${anchor(c.line)}"><span class="brief-count-n">${c.n}</span> ${label}</a></li>`;
  }
  out += '</ul><ul class="brief-counts brief-counts-category" aria-label="By category">';
  for (const cat of CATEGORIES) {
    const c = byCategory.get(cat);
    if (!c) continue;
    out += `<li><a class="brief-count" data-category="${cat}" data-count="${c.n}" href="${anchor(c.line)}"><span class="brief-count-n">${c.n}</span> ${cat}</a></li>`;
  }
  out += `</ul><details class="brief-findings-list"><summary>All ${placed.length} ${placed.length === 1 ? 'finding' : 'findings'}</summary><ol data-keyed="findings">`;
  const items = placed.map((p) => {
    const f = p.finding;
    const where = `Line ${lineOf(f.start) + 1}`;
    return (
      `<li><a href="${anchor(p.line)}" data-severity="${esc(f.severity)}" data-rule="${esc(f.ruleId)}">` +
      `<span class="brief-sev brief-sev-${esc(f.severity)}">${esc(SEVERITY_LABEL[f.severity] ?? f.severity)}</span> ${where}: ${esc(f.message)} <span class="brief-rule">${esc(f.ruleId)}</span></a></li>`
    );
  });
  return {before: out, items, after: '</ol></details></nav>'};
}
