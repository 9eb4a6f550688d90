import type {BriefDocument} from '../parse/document.js';
import type {DocumentLink} from './types.js';

const SCHEME = /^(?:https?:\/\/|mailto:)/i;

/** An absolute http(s)/mailto target for a written URL, or undefined for anything else. */
export function linkTarget(url: string): string | undefined {
  const u = url.trim();
  if (SCHEME.test(u)) return u.length > 8 ? u : undefined;
  if (/^www\.[\w-]+\.\S+$/i.test(u)) return 'http://' + u;
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(u)) return 'mailto:' + u;
  return undefined;
}

/**
 * Links to open: destinations of inline links, bare URLs, autolinks and link
 * definitions. Only http, https and mailto (relative paths and other schemes are left
 * to the editor's Markdown support).
 */
export function documentLinks(doc: BriefDocument): DocumentLink[] {
  const out: DocumentLink[] = [];
  const text = doc.text;
  for (const c of doc.citations) {
    if (!c.url) continue;
    if (c.kind === 'url') {
      const raw = text.slice(c.start, c.end);
      // Autolink <…>: the part inside the angle brackets; a bare URL: all of it.
      const inner = raw.startsWith('<') && raw.endsWith('>') ? {start: c.start + 1, end: c.end - 1} : {start: c.start, end: c.end};
      const target = linkTarget(c.url);
      if (target) out.push({...inner, target});
    } else if (c.kind === 'link') {
      const target = linkTarget(c.url);
      if (!target) continue;
      // The destination follows the last "](" before it.
      const raw = text.slice(c.start, c.end);
      const open = raw.lastIndexOf('](');
      const at = open < 0 ? -1 : raw.indexOf(c.url, open + 2);
      if (at >= 0) out.push({start: c.start + at, end: c.start + at + c.url.length, target});
    }
  }
  for (const s of doc.sources) {
    if (s.kind !== 'link') continue;
    const line = text.slice(s.start, s.end);
    const m = /\]:[ \t]*(<[^>\n]*>|\S+)/.exec(line);
    if (!m) continue;
    const bracketed = m[1].startsWith('<');
    const url = bracketed ? m[1].slice(1, -1) : m[1];
    const target = linkTarget(url);
    if (!target || /^[\w.+-]+@/.test(url)) continue;
    const start = s.start + m.index + m[0].length - m[1].length + (bracketed ? 1 : 0);
    out.push({start, end: start + url.length, target});
  }
  return out.sort((a, b) => a.start - b.start);
}
