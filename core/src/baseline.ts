/**
 * Baselines: a record of known findings, so that a team adopting the linter on
 * existing briefs sees only the findings it adds from now on.
 *
 * A finding's fingerprint is built from what it is about, never where it is: the
 * rule id, the normalised text of its range, the normalised content of the line
 * it starts on (around the finding, on a very long line), and the heading of its
 * section (plus the judgement number for a judgement in a numbered list). Inserting text above it, editing another
 * section or moving sections around leaves the fingerprint alone; changing the
 * flagged text or its line gives a new one. Identical findings share a
 * fingerprint, so the baseline keeps a count per fingerprint (a multiset): with 2
 * recorded and 3 present, one is reported.
 *
 * Pure: parsing, serialising, fingerprinting and filtering; hosts read and write
 * the file (`cli/src/baseline.ts`, `server/src/baseline.ts`).
 */
import type {BriefDocument} from './parse/document.js';
import type {Finding} from './rules/types.js';
import {Slot} from './parse/slot.js';
import {mapPacked} from './text/packed.js';
import {firstAtOrAfter} from './text/sorted.js';

/** The file a baseline is kept in, found by walking up from each brief. */
export const BASELINE_FILE = '.brief-baseline.json';
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  rule: string;
  fingerprint: string;
  /** How many findings with this fingerprint the file had when the baseline was written. */
  count: number;
  /** The message of (one of) the findings, for a person reading the baseline; not used for matching. */
  message?: string;
}

export interface Baseline {
  version: number;
  /** Paths relative to the baseline file's folder, '/'-separated. */
  files: Record<string, BaselineEntry[]>;
}

export interface BaselineError {
  message: string;
  /** 1-based, when the error has a position. */
  line?: number;
  column?: number;
}

/** What a fingerprint is made of (exposed for tests and for explaining a mismatch). */
export interface FingerprintParts {
  rule: string;
  text: string;
  context: string;
  section: string;
}

/** Collapses runs of white space (including line breaks) and trims, in Unicode's composed form (NFC). */
export function normalise(text: string): string {
  return (MAY_CHANGE_UNDER_NFC.test(text) ? text.normalize('NFC') : text).replace(/\s+/g, ' ').trim();
}

/**
 * Text below U+0300 (Latin, with its accented letters) is in NFC already: every such character
 * composes with nothing before it and is its own NFC form (baseline.test.ts checks each one and
 * each pair). Most findings' text is, and ICU's normalisation was ~2% of a 1,000-brief lint.
 */
const MAY_CHANGE_UNDER_NFC = /[^\u0000-\u02ff]/;

export function fingerprintParts(doc: BriefDocument, finding: Pick<Finding, 'ruleId' | 'start' | 'end'>): FingerprintParts {
  const text = doc.text;
  const start = Math.max(0, Math.min(finding.start, text.length));
  const end = Math.max(start, Math.min(finding.end, text.length));
  const line = doc.lines.positionAt(start).line;
  let from = doc.lines.starts[line];
  let to = doc.lines.lineEnd(line);
  // A very long line (a pasted table, a minified blob) contributes only the text around the finding,
  // so that many findings on one line stay cheap.
  if (to - from > MAX_CONTEXT) {
    from = Math.max(from, start - CONTEXT_WINDOW);
    to = Math.min(to, Math.max(start, end) + CONTEXT_WINDOW);
  }
  return {rule: finding.ruleId, text: normalise(text.slice(start, end)), context: normalise(text.slice(from, to)), section: sectionKey(doc, start)};
}

/** Lines longer than this contribute only CONTEXT_WINDOW characters either side of the finding. */
const MAX_CONTEXT = 300;
const CONTEXT_WINDOW = 80;

/** A stable 16-hex-digit fingerprint of a finding; see the module comment. */
export function fingerprintFinding(doc: BriefDocument, finding: Pick<Finding, 'ruleId' | 'start' | 'end'>): string {
  const p = fingerprintParts(doc, finding);
  return hash64([p.rule, p.text, p.context, p.section].join('\u0000'));
}

interface SectionLookup {
  starts: number[];
  keys: string[];
  /** Judgements in numbered lists: [from, to, number], by position. */
  listJudgements: Array<[number, number, number]>;
}

const lookups = new Slot<BriefDocument, SectionLookup>('section lookup');

function lookupFor(doc: BriefDocument): SectionLookup {
  return lookups.memo(doc, buildLookup);
}

function buildLookup(doc: BriefDocument): SectionLookup {
  const sections = [...doc.sections].sort((a, b) => a.start - b.start);
  return {
    starts: mapPacked(sections, (s) => s.start),
    keys: sections.map((s) => (s.heading ? normalise(s.heading.text) : '')),
    listJudgements: doc.judgements
      .filter((j) => j.layout === 'list' && j.statement)
      .map((j): [number, number, number] => [j.statement!.start, Math.max(j.statement!.end, ...j.evidence.map((e) => e.end)), j.number ?? j.index + 1])
      .sort((a, b) => a[0] - b[0]),
  };
}

const itself = (n: number) => n;
const judgementStart = (j: readonly [number, number, number]) => j[0];

/** The heading of the section holding `offset` (and the list judgement's number), or the front matter. */
function sectionKey(doc: BriefDocument, offset: number): string {
  if (doc.frontMatter && offset < doc.frontMatter.range.end) return '#front-matter';
  const {starts, keys, listJudgements} = lookupFor(doc);
  // Last section starting at or before the offset (-1: none).
  const at = firstAtOrAfter(starts, offset + 1, itself) - 1;
  let key = at >= 0 ? keys[at] : '';
  // The list judgements' ranges are in order and apart: the last one starting at or before the
  // offset is the only one that can hold it (a scan of them all per finding was quadratic).
  const j = listJudgements[firstAtOrAfter(listJudgements, offset + 1, judgementStart) - 1];
  if (j && offset <= j[1]) key += `\u0000judgement ${j[2]}`;
  return key;
}

/** Two 32-bit multiplicative hashes over UTF-16 code units, as 16 hex digits. Not cryptographic; collisions are negligible at baseline sizes. */
export function hash64(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

// ---- building and filtering -----------------------------------------------------------------

export interface Fingerprinted {
  ruleId: string;
  /** Absent for problems with the file itself, which a baseline never hides. */
  fingerprint?: string;
  message?: string;
}

/** Baseline entries for one file's findings: one entry per fingerprint, with a count, sorted. */
export function entriesFor(findings: readonly Fingerprinted[]): BaselineEntry[] {
  const byPrint = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (!f.fingerprint) continue;
    const e = byPrint.get(f.fingerprint);
    if (e) {
      e.count++;
      // Deterministic whichever order the findings came in.
      if (f.message !== undefined && (e.message === undefined || f.message < e.message)) e.message = f.message;
    } else {
      byPrint.set(f.fingerprint, {rule: f.ruleId, fingerprint: f.fingerprint, count: 1, ...(f.message !== undefined ? {message: f.message} : {})});
    }
  }
  return [...byPrint.values()].sort(compareEntries);
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0;
}

export interface FilterResult<T> {
  kept: T[];
  /** How many findings the baseline hid. */
  baselined: number;
}

/**
 * Hides the findings the baseline knows about. Each entry hides at most `count`
 * findings with its fingerprint (the first ones in the order given); the rest are kept.
 */
export function filterByBaseline<T extends Fingerprinted>(findings: readonly T[], entries: readonly BaselineEntry[] | undefined): FilterResult<T> {
  if (!entries || entries.length === 0) return {kept: [...findings], baselined: 0};
  const remaining = new Map<string, number>();
  for (const e of entries) remaining.set(e.fingerprint, (remaining.get(e.fingerprint) ?? 0) + e.count);
  const kept: T[] = [];
  let baselined = 0;
  for (const f of findings) {
    const left = f.fingerprint ? (remaining.get(f.fingerprint) ?? 0) : 0;
    if (left > 0) {
      remaining.set(f.fingerprint!, left - 1);
      baselined++;
    } else {
      kept.push(f);
    }
  }
  return {kept, baselined};
}

/**
 * A new baseline: `updates` replaces the entries of the files linted now (a file
 * with no findings left is dropped); other files keep their entries while `keep`
 * says they still exist.
 */
export function mergeBaseline(previous: Baseline | undefined, updates: ReadonlyMap<string, BaselineEntry[]>, keep: (path: string) => boolean = () => true): Baseline {
  const files: Record<string, BaselineEntry[]> = {};
  for (const [path, entries] of Object.entries(previous?.files ?? {})) {
    if (!updates.has(path) && entries.length && keep(path)) files[path] = entries;
  }
  for (const [path, entries] of updates) if (entries.length) files[path] = entries;
  return {version: BASELINE_VERSION, files};
}

/** Stable JSON: files sorted by path, entries by rule then fingerprint, two-space indent, final newline. */
export function serializeBaseline(baseline: Baseline): string {
  const files: Record<string, BaselineEntry[]> = {};
  for (const path of Object.keys(baseline.files).sort()) {
    files[path] = [...baseline.files[path]].sort(compareEntries).map((e) => ({
      rule: e.rule,
      fingerprint: e.fingerprint,
      count: e.count,
      ...(e.message !== undefined ? {message: e.message} : {}),
    }));
  }
  return JSON.stringify({version: BASELINE_VERSION, files}, null, 2) + '\n';
}

export function baselineSize(baseline: Baseline): number {
  let n = 0;
  for (const entries of Object.values(baseline.files)) for (const e of entries) n += e.count;
  return n;
}

/** Reads a baseline file's text; a malformed file gives an error with its position, never an exception. */
export function parseBaseline(text: string): {baseline?: Baseline; error?: BaselineError} {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const err: BaselineError = {message: `Not valid JSON: ${message.replace(/^JSON\.parse: /, '')}`};
    if (at) {
      const offset = Number(at[1]);
      const before = text.slice(0, offset).split(/\r\n|\r|\n/);
      err.line = before.length;
      err.column = before[before.length - 1].length + 1;
    }
    return {error: err};
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {error: {message: 'A baseline is a JSON object with "version" and "files".'}};
  const r = raw as Record<string, unknown>;
  if (r.version !== BASELINE_VERSION) {
    return {error: {message: `Unsupported baseline version ${JSON.stringify(r.version)}; this brief reads version ${BASELINE_VERSION}. Re-create it with "brief lint --write-baseline".`}};
  }
  if (!r.files || typeof r.files !== 'object' || Array.isArray(r.files)) return {error: {message: '"files" must be an object mapping paths to lists of entries.'}};
  const files: Record<string, BaselineEntry[]> = {};
  for (const [path, list] of Object.entries(r.files as Record<string, unknown>)) {
    if (!Array.isArray(list)) return {error: {message: `files[${JSON.stringify(path)}] must be a list of entries.`}};
    const entries: BaselineEntry[] = [];
    for (let i = 0; i < list.length; i++) {
      const e = list[i] as Record<string, unknown> | null;
      const where = `files[${JSON.stringify(path)}][${i}]`;
      if (!e || typeof e !== 'object') return {error: {message: `${where} must be an object.`}};
      if (typeof e.rule !== 'string' || !e.rule) return {error: {message: `${where}.rule must be a rule id.`}};
      if (typeof e.fingerprint !== 'string' || !e.fingerprint) return {error: {message: `${where}.fingerprint must be a string.`}};
      const count = e.count === undefined ? 1 : e.count;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return {error: {message: `${where}.count must be a whole number of 1 or more.`}};
      entries.push({rule: e.rule, fingerprint: e.fingerprint, count, ...(typeof e.message === 'string' ? {message: e.message} : {})});
    }
    files[path] = entries;
  }
  return {baseline: {version: BASELINE_VERSION, files}};
}

/** The key of `filePath` in a baseline kept in `baselineDir` (both '/'-separated absolute paths). */
export function baselineKey(baselineDir: string, filePath: string): string {
  const from = baselineDir.replace(/\/+$/, '').split('/').filter(Boolean);
  const to = filePath.split('/').filter(Boolean);
  // Windows drive letters compare case-insensitively.
  const same = (a: string, b: string, i: number) => a === b || (i === 0 && /^[a-z]:$/i.test(a) && a.toLowerCase() === b.toLowerCase());
  let i = 0;
  while (i < from.length && i < to.length - 1 && same(from[i], to[i], i)) i++;
  return [...Array(from.length - i).fill('..'), ...to.slice(i)].join('/');
}
