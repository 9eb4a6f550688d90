/**
 * The reliability properties, shared by the test files (bounded runs, `npm test`)
 * and scripts/fuzz.ts (long runs: FUZZ_RUNS, FUZZ_SEED).
 *
 * Engine properties call core directly; server properties drive the real language
 * server over stdio (test/lsp/harness.ts).
 */
import fc from 'fast-check';
import {applyFixes, lintText, safeFixes, SectionCache, type Finding, type Fix, type LintResult} from '../../core/src/index.js';
import {anyText, briefDocument, damagedBrief, relEdit, resolveEdit, applyRel, nastyChar, type RelEdit} from './arbitraries.js';
import {TestClient, positionAt, applyEdits, lineStarts} from '../lsp/harness.js';
import {expected, actual} from '../lsp/fixtures.js';
import type {Diagnostic, TextDocumentContentChangeEvent} from 'vscode-languageserver-protocol/node';

export interface NamedProperty {
  name: string;
  /** Cases per run under `npm test` (kept small: the folder must stay well under a minute on 2 cores). */
  runs: number;
  property: fc.IRawProperty<any, boolean>;
}

/** Fails with a message naming the offending rule(s). */
class PropertyError extends Error {}
function check(condition: unknown, message: () => string): asserts condition {
  if (!condition) throw new PropertyError(message());
}

const RULE_FAILED = /^Rule \S+ failed on this document/;

function lint(text: string, cache = new SectionCache()): LintResult {
  return lintText(text, {cache});
}

function inText(len: number, start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= len;
}

function fixesOf(f: Finding): Fix[] {
  return [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])];
}

/**
 * Two edits conflict when they overlap, or insert at the same point (their order would be
 * arbitrary). Identical edits do not: applying one does what both ask (judgement-numbering's
 * "renumber this and the next" and "renumber the next" write the same digit).
 */
function conflict(a: {start: number; end: number; text?: string}, b: {start: number; end: number; text?: string}): boolean {
  if (a.start === b.start && a.end === b.end && a.text === b.text) return false;
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Maps an offset of the old text through non-overlapping edits (an offset inside an edit goes to its start). */
function mapOffset(offset: number, edits: Array<{start: number; end: number; text: string}>): number {
  let delta = 0;
  for (const e of edits) {
    if (e.end <= offset && !(e.start === e.end && e.start === offset)) delta += e.text.length - (e.end - e.start);
    else if (e.start < offset) return e.start + delta;
  }
  return offset + delta;
}

// ---- engine properties -------------------------------------------------------------------------

export const engineProperties: NamedProperty[] = [
  {
    name: 'lintText never throws, and no rule fails',
    runs: 300,
    property: fc.property(anyText, (text) => {
      const result = lint(text);
      const failed = result.findings.filter((f) => RULE_FAILED.test(f.message));
      check(failed.length === 0, () => `a rule threw: ${failed.map((f) => f.message).join(' | ')}`);
      return true;
    }),
  },
  {
    name: 'every finding, related location and edit lies inside the text, start <= end',
    runs: 200,
    property: fc.property(anyText, (text) => {
      const {findings} = lint(text);
      for (const f of findings) {
        check(inText(text.length, f.start, f.end), () => `${f.ruleId}: finding range ${f.start}-${f.end} outside 0-${text.length}`);
        for (const r of f.related ?? []) check(inText(text.length, r.start, r.end), () => `${f.ruleId}: related range ${r.start}-${r.end} outside 0-${text.length}`);
        for (const fix of fixesOf(f)) {
          check(fix.edits.length > 0, () => `${f.ruleId}: fix "${fix.title}" has no edits`);
          for (const e of fix.edits) check(inText(text.length, e.start, e.end), () => `${f.ruleId}: edit ${e.start}-${e.end} of "${fix.title}" outside 0-${text.length}`);
        }
        check(typeof f.message === 'string' && f.message.trim().length > 0, () => `${f.ruleId}: empty message`);
        check(!!f.category && !!f.ruleId, () => `finding without rule id or category: ${JSON.stringify(f)}`);
      }
      return true;
    }),
  },
  {
    name: 'the edits of one fix never overlap, nor do the safe fixes of different findings',
    runs: 300,
    property: fc.property(fc.oneof(briefDocument, damagedBrief), (text) => {
      const {findings} = lint(text);
      for (const f of findings) {
        for (const fix of fixesOf(f)) {
          const edits = [...fix.edits].sort((a, b) => a.start - b.start);
          for (let i = 1; i < edits.length; i++) {
            check(!conflict(edits[i - 1], edits[i]), () => `${f.ruleId}: fix "${fix.title}" has overlapping edits ${JSON.stringify(edits)}`);
          }
        }
      }
      const withFix = findings.filter((f) => f.fix);
      for (let i = 0; i < withFix.length; i++) {
        for (let j = i + 1; j < withFix.length; j++) {
          const a = withFix[i];
          const b = withFix[j];
          for (const x of a.fix!.edits) {
            for (const y of b.fix!.edits) {
              check(!conflict(x, y), () => `safe fixes overlap: ${a.ruleId} "${a.fix!.title}" ${JSON.stringify(x)} and ${b.ruleId} "${b.fix!.title}" ${JSON.stringify(y)}`);
            }
          }
        }
      }
      return true;
    }),
  },
  {
    name: 'safe fixes change text only inside their ranges, and the fixed text re-lints without those findings',
    runs: 200,
    property: fc.property(fc.oneof(briefDocument, damagedBrief), (text) => {
      const before = lint(text);
      const fixes = safeFixes(before.findings);
      const result = applyFixes(text, fixes);
      // Outside the applied edits, the text is byte for byte the same.
      const edits = result.applied.flatMap((f) => f.edits).sort((a, b) => a.start - b.start);
      let pos = 0;
      let out = 0;
      for (const e of edits) {
        const kept = text.slice(pos, e.start);
        check(result.text.slice(out, out + kept.length) === kept, () => `text outside the fixes changed before offset ${e.start}`);
        out += kept.length;
        check(result.text.slice(out, out + e.text.length) === e.text, () => `edit ${JSON.stringify(e)} not applied as given`);
        out += e.text.length;
        pos = e.end;
      }
      check(result.text.slice(out) === text.slice(pos) && result.text.length === out + text.length - pos, () => 'text after the last fix changed');
      // The fixed findings are gone: no finding of the same rule where the fixed one was.
      if (!result.applied.length) return true;
      const after = lint(result.text);
      const applied = new Set(result.applied);
      for (const f of before.findings) {
        if (!f.fix || !applied.has(f.fix)) continue;
        const start = mapOffset(f.start, edits);
        const end = Math.max(start, mapOffset(f.end, edits));
        const fixStart = mapOffset(Math.min(...f.fix.edits.map((e) => e.start)), edits);
        const fixEnd = fixStart + Math.max(...f.fix.edits.map((e) => e.text.length));
        const again = after.findings.find(
          (g) => g.ruleId === f.ruleId && ((g.start <= end && start <= g.end) || (g.start <= fixEnd && fixStart <= g.end)) && g.message === f.message,
        );
        check(!again, () => `${f.ruleId}: after its fix "${f.fix!.title}" the same finding is still reported at ${again!.start}-${again!.end}: ${again!.message}`);
      }
      return true;
    }),
  },
  {
    name: 'a warm SectionCache after random edits gives the same document and findings as a fresh parse',
    runs: 100,
    property: fc.property(briefDocument, fc.array(relEdit, {minLength: 1, maxLength: 12}), (start, edits) => {
      const warm = new SectionCache();
      let text = start;
      lint(text, warm);
      for (const e of edits) {
        text = applyRel(text, e);
        lint(text, warm);
      }
      const a = lint(text, warm);
      const b = lint(text, new SectionCache());
      check(digest(a) === digest(b), () => `warm and fresh results differ:\nwarm:  ${digest(a)}\nfresh: ${digest(b)}`);
      return true;
    }),
  },
];

/** A comparable form of a lint result: findings and the document's structure. */
function digest(r: LintResult): string {
  const d = r.doc;
  return JSON.stringify({
    findings: r.findings,
    suppressed: r.suppressed,
    sections: d.sections.map((s) => [s.role, s.start, s.end, s.level, s.judgementNumber]),
    judgements: d.judgements.map((j) => [j.number, j.layout, j.statement?.start, j.statement?.end, j.evidence.length, j.likelihood.map((l) => l.text), j.timeframes.length]),
    citations: d.citations.map((c) => [c.kind, c.start, c.end, c.resolved]),
    sources: d.sources.map((s) => [s.kind, s.id, s.start, s.end, s.citedBy.length]),
    scale: d.scale.id,
  });
}

// ---- server properties -------------------------------------------------------------------------

/** An edit as the client sends it: a range (possibly mid-CRLF or mid-surrogate) and new text. */
function toChange(text: string, e: RelEdit): {change: TextDocumentContentChangeEvent; next: string} {
  const {start, end, text: insert} = resolveEdit(text, e);
  const range = {start: positionAt(text, start), end: positionAt(text, end)};
  // The harness applies LSP ranges the way editors do (clamped to line content), independently of the server.
  return {change: {range, text: insert}, next: applyEdits(text, [{range, newText: insert}])};
}

/** Every diagnostic's range lies inside the document: valid lines, characters within the line. */
function rangesInside(text: string, diagnostics: Diagnostic[]): string | undefined {
  const starts = lineStarts(text);
  for (const d of diagnostics) {
    for (const p of [d.range.start, d.range.end]) {
      if (p.line < 0 || p.line >= starts.length) return `${d.code}: line ${p.line} outside 0-${starts.length - 1}`;
      const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
      if (p.character < 0 || starts[p.line] + p.character > lineEnd) return `${d.code}: ${p.line}:${p.character} past the end of its line`;
    }
    const s = d.range.start;
    const e = d.range.end;
    if (s.line > e.line || (s.line === e.line && s.character > e.character)) return `${d.code}: range ends before it starts`;
  }
  return undefined;
}

/** Extra edits that stress position handling: inside CRLF pairs and surrogate pairs, at the very end. */
const trickyEdit: fc.Arbitrary<RelEdit> = fc.oneof(
  {weight: 5, arbitrary: relEdit},
  {weight: 1, arbitrary: fc.record({at: fc.constant(1), span: fc.constant(0), insert: fc.oneof(nastyChar, fc.constant('\r\n'))})},
  {weight: 1, arbitrary: fc.record({at: fc.double({min: 0, max: 1, noNaN: true}), span: fc.constant(0), insert: fc.constantFrom('\uD83D', '\uDE00', '\r', '\n', '\0', '\u202E')})},
);

let serverDocs = 0;

/** Properties over one running server; the client is started and stopped by the caller. */
export function serverProperties(client: TestClient): NamedProperty[] {
  return [
    {
      name: 'server: after random incremental edits, pulled diagnostics equal a fresh lint of the final text',
      runs: 25,
      property: fc.asyncProperty(fc.oneof(briefDocument, damagedBrief), fc.array(fc.array(trickyEdit, {minLength: 1, maxLength: 3}), {minLength: 1, maxLength: 6}), fc.boolean(), async (start, batches, pullEachStep) => {
        const uri = `file:///nonexistent-brief-fuzz/doc-${++serverDocs}.brief.md`;
        let text = start;
        await client.open(uri, text);
        try {
          for (const batch of batches) {
            // Several content changes in one didChange: each is relative to the text after the previous one.
            const changes: TextDocumentContentChangeEvent[] = [];
            for (const e of batch) {
              const {change, next} = toChange(text, e);
              changes.push(change);
              text = next;
            }
            await client.change(uri, changes);
            if (pullEachStep) await client.pullItems(uri);
          }
          const items = await client.pullItems(uri);
          const outside = rangesInside(text, items);
          check(!outside, () => `a diagnostic lies outside the document: ${outside}`);
          const want = expected(text);
          const got = actual(items);
          check(JSON.stringify(got) === JSON.stringify(want), () => `server and engine differ for the final text:\nserver: ${JSON.stringify(got)}\nengine: ${JSON.stringify(want)}`);
          check(client.process.exitCode === null && client.process.signalCode === null, () => `the server exited: ${client.stderr}`);
        } finally {
          await client.close(uri);
        }
        return true;
      }),
    },
  ];
}
