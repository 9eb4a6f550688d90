/** Small HTML readers for the renderer tests (our output is regular: escaped text, double-quoted attributes). Test support only. */

export interface Tag {
  name: string;
  attrs: Map<string, string>;
  /** Offset of the tag in the HTML. */
  at: number;
}

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"} as Record<string, string>)[e.toLowerCase()];
  });
}

/** Every opening tag, with its attributes (values decoded). */
export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(TAG)) {
    const attrs = new Map<string, string>();
    for (const a of m[2].matchAll(ATTR)) attrs.set(a[1].toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? ''));
    out.push({name: m[1].toLowerCase(), attrs, at: m.index});
  }
  return out;
}

export function hasClass(t: Tag, c: string): boolean {
  return (t.attrs.get('class') ?? '').split(/\s+/).includes(c);
}

export function byClass(html: string, c: string): Tag[] {
  return tags(html).filter((t) => hasClass(t, c));
}

/** The body of the brief (the `article`), without the header, summary and cards. */
export function article(html: string): string {
  const i = html.indexOf('<article');
  const j = html.indexOf('</article>');
  return i < 0 ? html : html.slice(i, j < 0 ? undefined : j);
}

/** The `data-line` of the block whose text starts with `snippet` (the nearest block opened before it), in the article. */
export function lineOf(html: string, snippet: string): number {
  html = article(html);
  const i = html.indexOf(snippet);
  if (i < 0) throw new Error(`not in the HTML: ${snippet}`);
  const before = [...html.slice(0, i).matchAll(/data-line="(\d+)"/g)];
  if (!before.length) throw new Error(`no block before: ${snippet}`);
  return Number(before[before.length - 1][1]);
}

/** The block opened just before `snippet`, in the article. */
export function tagBefore(html: string, snippet: string): Tag {
  html = article(html);
  const i = html.indexOf(snippet);
  if (i < 0) throw new Error(`not in the HTML: ${snippet}`);
  const list = tags(html.slice(0, i + snippet.length)).filter((t) => t.attrs.has('data-line'));
  return list[list.length - 1];
}

/** 0-based line of the first line of `text` containing `snippet`. */
export function sourceLine(text: string, snippet: string): number {
  const lines = text.split(/\r\n|\n|\r/);
  const i = lines.findIndex((l) => l.includes(snippet));
  if (i < 0) throw new Error(`not in the source: ${snippet}`);
  return i;
}
