/** Line-level reading of the front matter, robust to YAML that is half typed. */
import {findScale, type BriefDocument} from '../parse/document.js';
import {builtinScales, type Scale} from '../scales/index.js';

export interface FrontMatterLine {
  lineStart: number;
  lineEnd: number;
  /** Text of the line. */
  text: string;
  /** Top-level key written at the start of the line, if any (with or without its colon yet). */
  key?: string;
  keyStart: number;
  keyEnd: number;
  hasColon: boolean;
  /** Value after `key:` (trimmed; empty range when there is none). */
  valueStart: number;
  valueEnd: number;
}

/** The front-matter line that holds `offset`, if `offset` is inside the YAML between the fences. */
export function frontMatterLineAt(doc: BriefDocument, offset: number): FrontMatterLine | undefined {
  const fm = doc.frontMatter;
  if (!fm || offset < fm.contentRange.start || offset >= fm.contentRange.end) return undefined;
  const line = doc.lines.positionAt(offset).line;
  const lineStart = doc.lines.starts[line];
  const lineEnd = doc.lines.lineEnd(line);
  const text = doc.text.slice(lineStart, lineEnd);
  const m = /^([A-Za-z_][\w-]*)([ \t]*:)?/.exec(text);
  const out: FrontMatterLine = {lineStart, lineEnd, text, keyStart: lineStart, keyEnd: lineStart, hasColon: false, valueStart: lineEnd, valueEnd: lineEnd};
  if (!m) return out;
  out.key = m[1];
  out.keyEnd = lineStart + m[1].length;
  out.hasColon = !!m[2];
  if (m[2]) {
    let v = lineStart + m[0].length;
    while (v < lineEnd && (doc.text[v] === ' ' || doc.text[v] === '\t')) v++;
    let e = lineEnd;
    const comment = / #/.exec(doc.text.slice(v, lineEnd));
    if (comment && !/^["']/.test(doc.text.slice(v, lineEnd))) e = v + comment.index;
    while (e > v && /\s/.test(doc.text[e - 1])) e--;
    out.valueStart = v;
    out.valueEnd = e;
  }
  return out;
}

/** Keys written at the start of a front-matter line (present even when the YAML does not parse). */
export function presentKeys(doc: BriefDocument): Set<string> {
  const keys = new Set<string>();
  const fm = doc.frontMatter;
  if (!fm) return keys;
  for (const e of fm.entries) keys.add(e.key);
  const re = /^([A-Za-z_][\w-]*)[ \t]*:/gm;
  const yaml = doc.text.slice(fm.contentRange.start, fm.contentRange.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(yaml))) keys.add(m[1]);
  return keys;
}

/** Every scale a brief can select: the built-in ones, then the configuration's. */
export function selectableScales(doc: BriefDocument): Scale[] {
  const ids = [...new Set([...builtinScales.keys(), ...Object.keys(doc.config.scales)])];
  return ids.map((id) => findScale(id, doc.config)).filter((s): s is Scale => !!s);
}
