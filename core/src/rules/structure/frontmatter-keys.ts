import type {Fix, Rule, TextEdit} from '../types.js';
import {quote} from '../util.js';
import {findScale, type BriefDocument} from '../../parse/document.js';
import type {FrontMatterEntry} from '../../parse/frontmatter.js';
import {builtinScales} from '../../scales/index.js';
import {nearMisses, orList, uniqueNearest} from './near.js';

export interface FrontMatterKeyInfo {
  key: string;
  /** What the key means, for hover and completion. */
  description: string;
  /** Example value, for completion. */
  example: string;
}

/** Front-matter keys a brief may use. The language server uses this list for hover and completion. */
export const FRONT_MATTER_KEYS: readonly FrontMatterKeyInfo[] = [
  {key: 'title', description: 'Title of the brief, as text. Used when the body has no `# Title` heading.', example: 'Harbour strike: the winter outlook'},
  {key: 'date', description: 'Date of issue, written YYYY-MM-DD.', example: '2026-11-01'},
  {key: 'scale', description: 'Estimative (likelihood) scale the brief uses: phia (UK PHIA Probability Yardstick, the default), icd203 (US ICD 203), nato, kent, or a custom scale defined in .briefrc.yaml.', example: 'phia'},
  {key: 'classification', description: 'Protective marking or classification of the brief, e.g. OFFICIAL.', example: 'OFFICIAL'},
  {key: 'authors', description: 'Authors: one name, or a list of names.', example: '[A. Analyst, B. Analyst]'},
  {key: 'author', description: 'A single author (the same as `authors` with one name).', example: 'A. Analyst'},
  {key: 'timeframe', description: 'Period the judgements cover, e.g. "the next 12 months".', example: 'the next 12 months'},
  {key: 'version', description: 'Version or revision of the brief.', example: '1.0'},
  {key: 'status', description: 'Stage of the brief, e.g. draft, in review, final.', example: 'draft'},
  {key: 'tags', description: 'Keywords for finding the brief: a list of words.', example: '[ports, labour]'},
  {key: 'summary', description: 'One-line summary for listings. It does not replace the Summary section.', example: 'The strike is likely to continue into the new year.'},
  {key: 'reviewers', description: 'People who reviewed the brief: a list of names.', example: '[C. Reviewer]'},
  {key: 'distribution', description: 'Who the brief is for or may be passed to.', example: 'Ports policy team'},
  {key: 'handling', description: 'Handling instructions or caveats.', example: 'Not for onward release'},
  {key: 'id', description: 'Reference number or identifier of the brief.', example: 'BR-2026-041'},
  {key: 'language', description: 'Language of the brief, as a language tag such as en-GB.', example: 'en-GB'},
];

const KNOWN = new Set(FRONT_MATTER_KEYS.map((k) => k.key));
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/** True for YYYY-MM-DD (optionally with a time) naming a real day, and for YAML timestamps. */
export function isBriefDate(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value.trim());
  return !!m && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function iso(y: number, m: number, d: number): string | undefined {
  if (!validDay(y, m, d)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Rewrites an unambiguous date ("1 November 2026", "Nov 1, 2026", "2026/11/01") as YYYY-MM-DD. */
export function toIsoDate(text: string): string | undefined {
  const t = text.trim();
  const monthName = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
  let m = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthName},?\\s+(\\d{4})$`, 'i').exec(t);
  if (m) return iso(Number(m[3]), month(m[2]), Number(m[1]));
  m = new RegExp(`^${monthName}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i').exec(t);
  if (m) return iso(Number(m[3]), month(m[1]), Number(m[2]));
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** A value's range without trailing white space (block lists end after their last line break). */
function valueRange(doc: BriefDocument, e: FrontMatterEntry): {start: number; end: number} {
  if (e.value === null || e.value === undefined || e.valueRange.end <= e.valueRange.start) return e.keyRange;
  let end = e.valueRange.end;
  while (end > e.valueRange.start && /\s/.test(doc.text[end - 1])) end--;
  return {start: e.valueRange.start, end};
}

/** Replaces a scalar's text, keeping its quotation marks. */
function replaceScalar(doc: BriefDocument, range: {start: number; end: number}, text: string): TextEdit {
  const raw = doc.text.slice(range.start, range.end);
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0]) {
    return {start: range.start + 1, end: range.end - 1, text};
  }
  return {start: range.start, end: range.end, text};
}

function isNameList(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0;
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.trim().length > 0);
}

const normaliseScale = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
const normaliseKey = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

export const frontmatterKeys: Rule = {
  id: 'frontmatter-keys',
  category: 'structure',
  defaultLevel: 'warning',
  description: 'Unknown front-matter key, unknown scale, or a date, title or author list in the wrong form.',
  fixable: true,
  optionsSchema: {
    type: 'object',
    properties: {
      allow: {type: 'array', items: {type: 'string'}, description: 'Extra front-matter keys your team uses.'},
    },
    additionalProperties: false,
  },
  defaultOptions: {allow: []},
  docs: {
    rationale:
      'A misspelt key is silently ignored: `scael: icd203` leaves the brief on the default scale, so every likelihood term is checked against the wrong yardstick, and `titel:` loses the title. The rule reports keys it does not know (suggesting the key you probably meant) and values it cannot use: a scale that does not exist (it lists the valid ones), a date not written YYYY-MM-DD, a title that is not text, and authors that are not names. Keys your team adds on purpose can be allowed with the `allow` option.',
    standard: 'Brief format (docs/format.md): front matter',
    bad: `---\ntitle: Harbour strike\ndate: 1 November 2026\nscale: phya\nauthers: [A. Analyst]\n---\n\n# Harbour strike\n`,
    good: `---\ntitle: Harbour strike\ndate: 2026-11-01\nscale: phia\nauthors: [A. Analyst]\n---\n\n# Harbour strike\n`,
  },
  check({doc, options, report}) {
    const fm = doc.frontMatter;
    if (!fm || fm.errors.length > 0) return;
    const allow = Array.isArray(options.allow) ? options.allow.filter((k): k is string => typeof k === 'string') : [];
    const allowed = new Set([...KNOWN, ...allow]);
    const present = new Set(fm.entries.map((e) => e.key));

    for (const e of fm.entries) {
      if (!allowed.has(e.key)) {
        const misses = nearMisses(e.key, [...KNOWN].filter((k) => !present.has(k)), normaliseKey);
        const best = uniqueNearest(misses);
        const names = misses.map((m) => quote(m.name));
        const rename = (to: string): Fix => ({title: `Rename to ${quote(to)}`, edits: [replaceScalar(doc, e.keyRange, to)]});
        report({
          message: misses.length
            ? `${quote(e.key)} is not a front-matter key; did you mean ${orList(names)}? As written, it is ignored.`
            : `${quote(e.key)} is not a front-matter key, so nothing reads it. Known keys: ${[...KNOWN].join(', ')}. If your team uses it on purpose, add it to this rule's \`allow\` option.`,
          ...e.keyRange,
          fix: best ? rename(best) : undefined,
          suggestions: misses.filter((m) => m.name !== best).map((m) => rename(m.name)),
        });
        continue;
      }
      const range = valueRange(doc, e);
      const shown = doc.text.slice(range.start, range.end);
      const empty = e.value === null || e.value === undefined;
      switch (e.key) {
        case 'scale': {
          if (typeof e.value === 'string' && findScale(e.value.trim().toLowerCase(), doc.config)) break;
          const ids = [...new Set([...builtinScales.keys(), ...Object.keys(doc.config.scales)])];
          const valid = ids.map((id) => `${id}: ${findScale(id, doc.config)?.name ?? id}`).join('; ') + '.';
          const fallback = `Until this is fixed, the brief is checked against ${doc.scale.name}.`;
          if (empty) {
            report({message: `‘scale’ has no value. Valid scales are ${valid} ${fallback}`, ...range});
            break;
          }
          const written = typeof e.value === 'string' || typeof e.value === 'number' ? String(e.value) : shown;
          const best = uniqueNearest(nearMisses(written, ids, normaliseScale));
          report({
            message: `${quote(written)} is not a known estimative scale${best ? `; did you mean ${quote(best)}?` : '.'} Valid scales are ${valid} ${fallback}`,
            ...range,
            fix: best ? {title: `Change the scale to ${quote(best)}`, edits: [replaceScalar(doc, range, best)]} : undefined,
          });
          break;
        }
        case 'date': {
          if (isBriefDate(e.value)) break;
          if (empty) {
            report({message: '‘date’ has no value: give the date of issue as YYYY-MM-DD, e.g. 2026-11-01.', ...range});
            break;
          }
          const written = typeof e.value === 'string' || typeof e.value === 'number' ? String(e.value) : shown;
          const fixed = typeof e.value === 'string' ? toIsoDate(e.value) : undefined;
          report({
            message: fixed
              ? `Write the date as YYYY-MM-DD: ${quote(fixed)} rather than ${quote(written)}.`
              : `${quote(written)} is not a date in the form YYYY-MM-DD (e.g. 2026-11-01). Write the full date of issue, year first.`,
            ...range,
            fix: fixed ? {title: `Write the date as ${quote(fixed)}`, edits: [replaceScalar(doc, range, fixed)]} : undefined,
          });
          break;
        }
        case 'title': {
          if (typeof e.value === 'string' && e.value.trim()) break;
          if (empty || typeof e.value === 'string') {
            report({message: '‘title’ has no value: give the title of the brief, or remove the key.', ...range});
            break;
          }
          const scalar = typeof e.value === 'number' || typeof e.value === 'boolean';
          report({
            message: scalar
              ? `The title ${quote(shown)} is read as a ${typeof e.value === 'number' ? 'number' : 'yes/no value'}, not text: put it in quotes.`
              : '‘title’ should be text, not a list or a set of keys: write the title on one line.',
            ...range,
            fix: scalar ? {title: 'Put the title in quotes', edits: [{...range, text: `"${shown}"`}]} : undefined,
          });
          break;
        }
        case 'authors':
        case 'author': {
          if (isNameList(e.value)) break;
          const example = e.key === 'authors' ? 'authors: [A. Analyst, B. Analyst]' : 'author: A. Analyst';
          report({
            message: empty
              ? `${quote(e.key)} has no value: give a name or a list of names (\`${example}\`), or remove the key.`
              : `${quote(e.key)} should be a name or a list of plain names (\`${example}\`); write each author as text, without sub-keys.`,
            ...range,
          });
          break;
        }
      }
    }
  },
};
