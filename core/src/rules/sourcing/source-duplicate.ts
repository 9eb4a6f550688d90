import type {Rule} from '../types.js';
import type {BriefDocument, SourceEntry} from '../../parse/document.js';
import {normaliseLabel} from '../../parse/section.js';
import {Slot} from '../../parse/slot.js';
import {SourcingIndex, sourcingSignature, entryKey, sourceIdRange} from './units.js';

function label(s: SourceEntry): string {
  if (!s.id) return `the entry ‘${s.text.length > 40 ? s.text.slice(0, 40) + '…' : s.text}’`;
  return s.kind === 'footnote' ? `[^${s.id}]` : `[${s.id}]`;
}


export function normaliseUrl(url: string): string {
  return url
    .trim()
    .replace(/^<|>$/g, '')
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/[/.,;:]+$/, '')
    .replace(/^[^/?#]+/, (host) => host.toLowerCase());
}

/** URLs each source points at, from one pass over the citations. */
function urlIndex(doc: BriefDocument): (s: SourceEntry) => string[] {
  const byFootnote = new Map<string, Set<string>>();
  const byBlockStart = new Map<number, Set<string>>();
  const put = (map: Map<string | number, Set<string>>, key: string | number, url: string) => {
    const u = normaliseUrl(url);
    if (!u || u.startsWith('#')) return;
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(u);
  };
  for (const c of doc.citations) {
    if ((c.kind !== 'url' && c.kind !== 'link') || !c.url) continue;
    if (c.block.footnote !== undefined) put(byFootnote as Map<string | number, Set<string>>, normaliseLabel(c.block.footnote), c.url);
    else put(byBlockStart as Map<string | number, Set<string>>, c.block.start, c.url);
  }
  return (s) => {
    if (s.kind === 'link') {
      const dest = /^(<[^>]*>|\S+)/.exec(s.text);
      const u = dest ? normaliseUrl(dest[1]) : '';
      return u && !u.startsWith('#') ? [u] : [];
    }
    if (s.kind === 'footnote') return [...(byFootnote.get(normaliseLabel(s.id ?? '')) ?? [])];
    return [...(byBlockStart.get(s.start) ?? [])];
  };
}

const textKeys = new Slot<SourceEntry, string>('text key');

/** Text of a source for comparison: no id, case, punctuation or extra spaces (kept with the entry: a footnote's entry lives as long as its definition is unchanged). */
function textKey(s: SourceEntry): string {
  return textKeys.memo(s, computeTextKey);
}

function computeTextKey(s: SourceEntry): string {
  let t = s.text;
  if (s.kind === 'link') t = t.replace(/^(<[^>]*>|\S+)/, '');
  t = t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (s.kind === 'entry' && s.id) {
    const id = s.id.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (t.startsWith(id + ' ')) t = t.slice(id.length + 1);
  }
  return t;
}

/** Page, paragraph or section pinpoints: two citations of one document at different places are not duplicates. */
const PINPOINT = /(?<!\p{L})(?:p|pp|para|paras|page|pages|section|sec|ch|chapter|slide|table|fig|figure|annex|at)\.?\s*\d/iu;
/** A text key is words joined by single spaces (computeTextKey): three or more words means two spaces, found without splitting. */
const threeWordsOrMore = (key: string): boolean => key.indexOf(' ', key.indexOf(' ') + 1) > 0;

const IBID = /^(?:ibid|ibidem|idem|op cit|loc cit|same as above|see above)\b/;

export const sourceDuplicate: Rule = {
  id: 'source-duplicate',
  category: 'sourcing',
  defaultLevel: 'warning',
  description: 'The same source is defined twice (same id, same URL or same text).',
  fixable: false,
  signature: sourcingSignature,
  docs: {
    rationale:
      'A source listed twice makes the reader count two pieces of reporting where there is one: a claim resting on [^1] and [^4] looks corroborated when both are the same article. ICD 203 standard 1 asks a brief to describe the quality and credibility of its sources, which includes not overstating how many there are. The rule reports a second definition of the same id (which Markdown ignores: citations reach only the first), two sources with the same URL, and two sources whose text is the same apart from case, spacing and punctuation. Merge them and cite the one that remains.',
    standard: 'ICD 203 analytic tradecraft standard 1; ICD 206 (source reference citations)',
    bad: `## Key Judgement 1\n\nThe ferry strike is likely to end within the next month.\n\n- The union accepted a pay offer on 3 October.[^1]\n- Crews began returning on 4 October.[^2]\n\n## Sources\n\n[^1]: Harbour Gazette, "Strike talks", 4 October 2026. C3.\n[^2]: Harbour Gazette, “Strike talks”, 4 October 2026. C3.\n`,
    good: `## Key Judgement 1\n\nThe ferry strike is likely to end within the next month.\n\n- The union accepted a pay offer on 3 October.[^1]\n- Crews began returning on 4 October.[^1]\n\n## Sources\n\n[^1]: Harbour Gazette, "Strike talks", 4 October 2026. C3.\n`,
  },
  check({doc, report}) {
    const index = SourcingIndex.of(doc);
    // Footnotes and link definitions are cited directly; Sources entries only when the brief
    // cites them by id. An uncited Sources list is a bibliography, which may repeat footnotes.
    const entriesCited = index.citedEntryIds().size > 0;
    const namespaceOf = (s: SourceEntry) => (s.kind === 'footnote' ? 'footnote' : 'bracket');
    const idKey = (s: SourceEntry) => (s.kind === 'footnote' ? normaliseLabel(s.id!) : entryKey(s.id!));
    const urlCache = new Map<SourceEntry, string[]>();
    const urlsFor = urlIndex(doc);
    const urlsOf = (s: SourceEntry) => {
      let u = urlCache.get(s);
      if (!u) urlCache.set(s, (u = urlsFor(s)));
      return u;
    };
    const byId = new Map<string, SourceEntry>();
    const byUrl = new Map<string, SourceEntry>();
    const byText = new Map<string, SourceEntry>();
    const poolOf = (s: SourceEntry) => (s.kind === 'entry' && !entriesCited ? 'bibliography' : 'cited');
    for (const s of doc.sources) {
      const related = (first: SourceEntry, what: string) => [{...sourceIdRange(doc, first), message: `${what} ${label(first)}`}];
      let done = false;
      // Numbered bibliography lists may restart at 1: ids matter only when the body cites them.
      if (s.id && poolOf(s) === 'cited') {
        const key = `${namespaceOf(s)}:${idKey(s)}`;
        const first = byId.get(key);
        if (first) {
          report({
            message: `${label(s)} is defined twice; citations only reach the first definition. Merge the two, or give this one its own id.`,
            ...sourceIdRange(doc, s),
            related: related(first, 'First definition of'),
          });
          done = true;
        } else byId.set(key, s);
      }
      const pool = poolOf(s);
      const key = textKey(s);
      if (!done) {
        for (const url of urlsOf(s)) {
          const first = byUrl.get(`${pool}:${url}`);
          if (first && first !== s) {
            // Two places in one document ("p. 4", "p. 9") are two citations, not a duplicate.
            if (textKey(first) !== key && (PINPOINT.test(first.text) || PINPOINT.test(s.text))) continue;
            report({
              message: `${label(s)} points to the same URL as ${label(first)} (${url}). Merge them and cite one source, so the reader does not count it twice.`,
              ...sourceIdRange(doc, s),
              related: related(first, 'Same URL as'),
            });
            done = true;
            break;
          }
        }
      }
      for (const url of urlsOf(s)) if (!byUrl.has(`${pool}:${url}`)) byUrl.set(`${pool}:${url}`, s);
      const meaningful = threeWordsOrMore(key) && !IBID.test(key);
      if (!done && meaningful) {
        const first = byText.get(`${pool}:${key}`);
        if (first) {
          report({
            message: `${label(s)} repeats the source ${label(first)} word for word. Merge them and cite one source, so the reader does not count it twice.`,
            ...sourceIdRange(doc, s),
            related: related(first, 'Same source as'),
          });
        }
      }
      if (meaningful && !byText.has(`${pool}:${key}`)) byText.set(`${pool}:${key}`, s);
    }
  },
};
