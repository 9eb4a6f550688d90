/**
 * Markdown → sanitized HTML, one section at a time, cached by the section's text.
 *
 * unified: remark-parse + remark-gfm → remark-rehype (raw HTML never passed through)
 * → rehype-sanitize (GitHub schema plus the few classes this renderer adds) →
 * rehype-stringify. The result is not HTML but a *template*: the HTML cut at every
 * block element (heading, paragraph, list item, block quote, table, table row, code
 * block, footnote entry, link definition), so that the absolute `data-line`, the
 * `id="L<line>"` anchors and the finding markers, which change with every edit
 * anywhere above or in the findings, are put in by plain string concatenation
 * (`fillTemplate`) without parsing the section again.
 *
 * Footnote citations: a section is parsed alone, so remark cannot pair `[^id]` with
 * a definition in another section. Citations are rendered here instead, the same way
 * whether or not the section holds the definition: a link to `#user-content-fn-<slug>`,
 * the id the footnote entry gets (see `slug`).
 */
import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, {defaultSchema, type Options as Schema} from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type {Element, ElementContent, Root, RootContent, Properties} from 'hast';
import {slug} from './escape.js';
import {renderUnrendered, TemplateCache, type SectionTemplate, type Slot} from './template.js';

/** Elements that carry `data-line` (and can carry findings). */
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'table', 'tr', 'pre', 'div']);
/** Children of a list item before which its finding messages go (so they follow the item's own text). */
const NESTED_BLOCKS = new Set(['ul', 'ol', 'blockquote', 'pre', 'table']);

export const SCHEMA: Schema = (() => {
  const base = defaultSchema.attributes ?? {};
  const withoutClass = (list: NonNullable<Schema['attributes']>[string] | undefined) => (list ?? []).filter((a) => !(Array.isArray(a) && a[0] === 'className'));
  return {
    ...defaultSchema,
    attributes: {
      ...base,
      a: [...withoutClass(base.a), ['className', 'data-footnote-backref', 'brief-cite']],
      code: [...withoutClass(base.code), ['className', /^language-./, 'brief-raw-html']],
      div: [...withoutClass(base.div), ['className', 'brief-footnote']],
      p: [['className', 'brief-definition']],
      pre: [['className', 'brief-raw-html']],
      span: [['className', 'brief-footnote-label']],
      sup: [['className', 'brief-cite-ref']],
    },
  };
})();

// Handlers are synchronous and the processor runs synchronously, so the length of the
// section being rendered can live here (definitions appended after it are not shown).
let sectionLength = Infinity;

interface Positioned {
  position?: {start: {offset?: number; line: number}; end: {offset?: number; line: number}};
}
interface HandlerState {
  all(node: unknown): ElementContent[];
  patch(from: unknown, to: unknown): void;
}

const FOOTNOTE_CALL = /\[\^([^\]\s]+)\]/g;

function el(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return {type: 'element', tagName, properties, children};
}

function cite(label: string): Element {
  return el('sup', {className: ['brief-cite-ref']}, [el('a', {href: `#user-content-fn-${slug(label)}`, className: ['brief-cite']}, [{type: 'text', value: label}])]);
}

function trimLines(value: string): string {
  return value.replace(/[ \t]*(\r\n|\n|\r)[ \t]*/g, '$1');
}

const handlers = {
  text(state: HandlerState, node: {value: string} & Positioned) {
    const value = trimLines(String(node.value));
    if (!value.includes('[^')) {
      const t = {type: 'text' as const, value};
      state.patch(node, t);
      return t;
    }
    const out: ElementContent[] = [];
    let from = 0;
    for (const m of value.matchAll(FOOTNOTE_CALL)) {
      if (m.index > from) out.push({type: 'text', value: value.slice(from, m.index)});
      out.push(cite(m[1]));
      from = m.index + m[0].length;
    }
    if (from < value.length) out.push({type: 'text', value: value.slice(from)});
    return out;
  },
  footnoteReference(state: HandlerState, node: {label?: string; identifier: string} & Positioned) {
    const e = cite(node.label ?? node.identifier);
    state.patch(node, e);
    return e;
  },
  footnoteDefinition(state: HandlerState, node: {label?: string; identifier: string} & Positioned) {
    const label = node.label ?? node.identifier;
    const children = state.all(node);
    const mark = el('span', {className: ['brief-footnote-label']}, [{type: 'text', value: label}]);
    const first = children.find((c): c is Element => c.type === 'element');
    if (first && first.tagName === 'p') first.children.unshift(mark, {type: 'text', value: ' '});
    else children.unshift(el('p', {}, [mark]));
    const e = el('div', {className: ['brief-footnote'], id: `fn-${slug(label)}`}, children);
    state.patch(node, e);
    return e;
  },
  definition(state: HandlerState, node: {label?: string; identifier: string; url: string; title?: string | null} & Positioned) {
    if ((node.position?.start.offset ?? 0) >= sectionLength) return undefined;
    const label = node.label ?? node.identifier;
    const children: ElementContent[] = [
      el('span', {className: ['brief-footnote-label']}, [{type: 'text', value: label}]),
      {type: 'text', value: ' '},
      el('a', {href: node.url}, [{type: 'text', value: node.url}]),
    ];
    if (node.title) children.push({type: 'text', value: ` “${node.title}”`});
    const e = el('p', {className: ['brief-definition']}, children);
    state.patch(node, e);
    return e;
  },
  html(state: HandlerState, node: {value: string} & Positioned, parent: {type: string} | undefined) {
    // Raw HTML is never rendered as HTML: comments (suppressions) vanish, the rest is shown as inert text.
    const value = String(node.value).replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
    if (!value) return undefined;
    const block = !parent || ['root', 'blockquote', 'listItem', 'footnoteDefinition'].includes(parent.type);
    const code = el('code', {className: ['brief-raw-html']}, [{type: 'text', value}]);
    const e = block ? el('pre', {className: ['brief-raw-html']}, [code]) : code;
    state.patch(node, e);
    return e;
  },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, {allowDangerousHtml: false, handlers: handlers as never})
  .use(rehypeSanitize, SCHEMA)
  .use(rehypeStringify, {characterReferences: {useNamedReferences: true}})
  .freeze();

/** Renders one section's Markdown (plus link definitions from elsewhere, not shown) to a template. */
export function renderSection(text: string, extraDefinitions = ''): SectionTemplate {
  let source = extraDefinitions ? `${text}\n\n${extraDefinitions}\n` : text;
  let mdast = processor.parse(source);
  if (extraDefinitions && mdast.children.some((c) => c.type !== 'definition' && (c.position?.end.offset ?? 0) > text.length)) {
    // The section ends inside an open construct (an unclosed code fence) that swallowed the definitions.
    source = text;
    mdast = processor.parse(source);
  }
  sectionLength = text.length;
  let hast: Root;
  try {
    hast = processor.runSync(mdast) as Root;
  } finally {
    sectionLength = Infinity;
  }
  const slots: Slot[] = [];
  cut(hast, -1, 0, slots);
  const html = processor.stringify(hast);
  return split(html, slots);
}

/**
 * renderSection, or for Markdown the parser cannot take (nesting deep enough to exhaust
 * the stack), the section's source as preformatted text: the preview never fails.
 */
export function renderSectionSafely(text: string, extraDefinitions = ''): SectionTemplate {
  try {
    return renderSection(text, extraDefinitions);
  } catch {
    return renderUnrendered(text);
  }
}

function sentinel(k: number, kind: 'o' | 'm'): {type: 'text'; value: string} {
  // NUL cannot come from a brief: micromark replaces it (and `&#0;`) with U+FFFD.
  return {type: 'text', value: `\0${k}${kind}\0`};
}

function classOf(props: Properties): string {
  const c = props.className;
  delete props.className;
  return Array.isArray(c) ? c.join(' ') : typeof c === 'string' ? c : '';
}

function cut(parent: Root | Element, parentSlot: number, depth: number, slots: Slot[]): void {
  const out: Array<RootContent | ElementContent> = [];
  for (const child of parent.children) {
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    const pos = child.position;
    if (BLOCK_TAGS.has(child.tagName) && pos && pos.start.offset !== undefined) {
      const k = slots.length;
      const slot: Slot = {
        tag: child.tagName,
        line: pos.start.line - 1,
        start: pos.start.offset,
        end: pos.end.offset ?? pos.start.offset,
        className: classOf(child.properties),
        ownId: child.properties.id !== undefined,
        parent: parentSlot,
        depth,
        msg: false,
      };
      slots.push(slot);
      out.push(sentinel(k, 'o'));
      cut(child, k, depth + 1, slots);
      const host = child.tagName === 'table' ? undefined : child.tagName === 'tr' ? child.children.find((c): c is Element => c.type === 'element') : child;
      if (host) {
        slot.msg = true;
        const at = child.tagName === 'li' ? host.children.findIndex((c) => c.type === 'element' && NESTED_BLOCKS.has(c.tagName)) : -1;
        host.children.splice(at < 0 ? host.children.length : at, 0, sentinel(k, 'm'));
      }
      out.push(child);
    } else {
      cut(child, parentSlot, depth, slots);
      out.push(child);
    }
  }
  parent.children = out as typeof parent.children;
}

function split(html: string, slots: Slot[]): SectionTemplate {
  const parts = html.split(/\0(\d+)([om])\0/);
  const chunks: string[] = [parts[0]];
  const marks: number[] = [];
  for (let i = 1; i < parts.length; i += 3) {
    const k = Number(parts[i]);
    const kind = parts[i + 1];
    let next = parts[i + 2];
    if (kind === 'o') {
      const open = `<${slots[k].tag}`;
      if (next.startsWith(open) && /[\s>/]/.test(next.charAt(open.length))) next = next.slice(open.length);
      else {
        // Not the expected tag (never seen): keep the HTML as it is, without the slot's attributes.
        chunks[chunks.length - 1] += next;
        continue;
      }
    }
    marks.push(k * 2 + (kind === 'm' ? 1 : 0));
    chunks.push(next);
  }
  return {chunks, marks, slots};
}

/** A template cache that parses its misses here, in this thread (`brief render`, the API). */
export class RenderCache extends TemplateCache {
  constructor(maxChars?: number) {
    super(renderSectionSafely, maxChars);
  }
}
