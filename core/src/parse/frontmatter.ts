import {parseDocument, isMap, isScalar, LineCounter} from 'yaml';
import {parseSimpleYaml} from './frontmatter-simple.js';

export interface Span {
  start: number;
  end: number;
}

export interface FrontMatterEntry {
  key: string;
  keyRange: Span;
  /** Range of the value (the key's range when the value is empty). */
  valueRange: Span;
  value: unknown;
}

export interface FrontMatterError {
  message: string;
  range: Span;
}

export interface FrontMatter {
  /** Whole block, from the opening `---` to the end of the closing line. */
  range: Span;
  /** Range of the YAML text between the fences. */
  contentRange: Span;
  /** Parsed data (an empty object when the YAML is invalid or not a mapping). */
  data: Record<string, unknown>;
  entries: FrontMatterEntry[];
  errors: FrontMatterError[];
}

const OPEN = /^(?:\uFEFF)?---[ \t]*(?:\r\n|\n|\r)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)/m;

/** Finds and parses a YAML front matter block at the very start of the text. */
export function parseFrontMatter(text: string): FrontMatter | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const contentStart = open[0].length;
  const rest = text.slice(contentStart);
  // The closing fence must start a line.
  let closeIndex = -1;
  let closeLength = 0;
  const re = new RegExp(CLOSE.source, 'gm');
  let m: RegExpExecArray | null;
  while ((m = re.exec(rest))) {
    if (m.index === 0 || rest[m.index - 1] === '\n' || rest[m.index - 1] === '\r') {
      closeIndex = m.index;
      closeLength = m[0].length;
      break;
    }
  }
  if (closeIndex < 0) {
    return {
      range: {start: 0, end: open[0].length},
      contentRange: {start: contentStart, end: contentStart},
      data: {},
      entries: [],
      errors: [{message: 'Front matter starts with `---` but has no closing `---` line.', range: {start: 0, end: 3}}],
    };
  }
  const contentEnd = contentStart + closeIndex;
  const yamlText = text.slice(contentStart, contentEnd);
  const fm: FrontMatter = {
    range: {start: 0, end: contentEnd + closeLength},
    contentRange: {start: contentStart, end: contentEnd},
    data: {},
    entries: [],
    errors: [],
  };
  // Most front matter is a few `key: value` lines: read those without building a YAML document.
  const simple = parseSimpleYaml(yamlText);
  if (simple) {
    fm.data = simple.data;
    for (const e of simple.entries) {
      fm.entries.push({
        key: e.key,
        keyRange: {start: contentStart + e.keyStart, end: contentStart + e.keyEnd},
        valueRange: {start: contentStart + e.valueStart, end: contentStart + e.valueEnd},
        value: e.value,
      });
    }
    return fm;
  }
  return parseWithLibrary(fm, yamlText, contentStart);
}

/**
 * Parses the YAML text with the `yaml` library into `fm` (whose ranges are set): any YAML, errors
 * at their positions, and a lenient read of the plain keys when there are errors.
 */
export function parseWithLibrary(fm: FrontMatter, yamlText: string, contentStart: number): FrontMatter {
  const lineCounter = new LineCounter();
  // logLevel 'error': warnings go to our findings, never to the host's stderr.
  const doc = parseDocument(yamlText, {lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error'});
  for (const error of doc.errors) {
    const [a, b] = error.pos;
    const start = contentStart + Math.min(a, yamlText.length);
    const end = contentStart + Math.min(Math.max(b, a + 1), yamlText.length);
    fm.errors.push({message: cleanYamlMessage(error.message), range: {start, end: Math.max(end, start)}});
  }
  if (fm.errors.length > 0) {
    // Keep what can be read: top-level `key: value` lines, so one typo does not cost the scale or title.
    fm.data = lenientData(yamlText);
    return fm;
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return fm;
  if (!isMap(contents)) {
    const r = contents.range ?? [0, yamlText.length];
    fm.errors.push({
      message: 'Front matter must be a set of `key: value` lines.',
      range: {start: contentStart + r[0], end: contentStart + r[1]},
    });
    return fm;
  }
  let json: Record<string, unknown>;
  try {
    json = doc.toJS({maxAliasCount: 100}) as Record<string, unknown>;
  } catch (error) {
    // An alias to no anchor, or an alias bomb ("billion laughs"): the library throws only here.
    const alias = /\*[^\s,\]}]+/.exec(yamlText);
    const start = contentStart + (alias ? alias.index : 0);
    const end = alias ? start + alias[0].length : contentStart + yamlText.length;
    const reason = /excessive alias count/i.test((error as Error).message)
      ? 'its aliases expand too many times (an "alias bomb"), so it is not read'
      : `an alias cannot be read (${cleanYamlMessage((error as Error).message)})`;
    fm.errors.push({message: reason, range: {start, end: Math.max(end, start + 1)}});
    fm.data = lenientData(yamlText);
    return fm;
  }
  fm.data = json && typeof json === 'object' ? json : {};
  for (const pair of contents.items) {
    const key = pair.key;
    if (!isScalar(key) || !key.range) continue;
    const keyRange = {start: contentStart + key.range[0], end: contentStart + key.range[1]};
    const value = pair.value as {range?: [number, number, number]} | null;
    const valueRange = value && value.range ? {start: contentStart + value.range[0], end: contentStart + value.range[1]} : keyRange;
    const name = String(key.value);
    fm.entries.push({key: name, keyRange, valueRange, value: fm.data[name]});
  }
  return fm;
}

function cleanYamlMessage(message: string): string {
  // The yaml library appends "at line X, column Y" and a code frame; we report positions ourselves.
  return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '').trim();
}

/** Top-level `key: value` pairs of text that is not valid YAML (values as plain strings). */
function lenientData(yamlText: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const line of yamlText.split(/\r\n|\n|\r/)) {
    const m = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!m || m[1] in data) continue;
    const value = m[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    if (value) data[m[1]] = value;
  }
  return data;
}
