/**
 * Engine benchmark, in process: cold lint (new caches; the JIT warmed up first on
 * other text), and re-lint after one character typed in the middle of the brief,
 * with the section cache warm and the previous result passed in (what the language
 * server does on a keystroke, without the protocol). Every keystroke makes new text (typing, not
 * type-and-delete), so caches keyed by text cannot answer from an earlier version.
 *   npm run build && node out/bench/engine.js [--quick] [--shapes | --findings]     (or: npm run bench -- --only engine)
 */
import {readFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';
import {lintText, SectionCache, defaultConfig, allRules, applyFixes, safeFixes, type LintResult} from '../core/src/index.js';
import {exponent, median, p95, ms, table} from './stats.js';
import {generateReportBrief, generateShape, SHAPES, type Shape} from './generate.js';
import type {Input} from './inputs.js';

export interface EngineFigures {
  label: string;
  bytes: number;
  sections: number;
  findings: number;
  coldMs: number;
  keyP50: number;
  keyP95: number;
  keystrokes: number;
  /** Typing inside a footnote label in the middle: each keystroke changes the citations, so the document-level sourcing rules run again. */
  citeP50: number;
  citeP95: number;
}

let warmedUp = false;
/**
 * Lints a generated page-long brief a few times with throwaway caches, so that the
 * first size measured does not also pay the JIT's warm-up (the CLI figures show
 * what a fresh process pays).
 */
function warmUp(): void {
  if (warmedUp) return;
  warmedUp = true;
  const config = defaultConfig();
  const text = generateReportBrief(5000, 99, 'phia', 1400);
  for (let i = 0; i < 30; i++) lintText(text.replace('sector 1 ', `sector 1${i} `), {config, cache: new SectionCache()});
}

export function measureEngine(input: Pick<Input, 'label' | 'file' | 'bytes'>, keystrokes: number): EngineFigures {
  warmUp();
  const text = readFileSync(input.file, 'utf8');
  const mid = text.indexOf('\nIt is ', Math.floor(text.length / 2));
  const {first, coldMs, times} = lintThenType(text, (mid === -1 ? Math.floor(text.length / 2) : mid) + 20, keystrokes, ' and the wider region');
  const label = text.indexOf('[^', Math.floor(text.length / 2));
  const cite = label < 0 ? [] : lintThenType(text, label + 3, keystrokes, 'x').times;
  return {
    label: input.label, bytes: input.bytes, sections: first.doc.sections.length, findings: first.findings.length, coldMs,
    keyP50: median(times), keyP95: p95(times), keystrokes, citeP50: median(cite), citeP95: p95(cite),
  };
}

/**
 * A cold lint of `text` (new caches), then `keystrokes` characters of `phrase` typed one at a
 * time from `at`, each keystroke making new text and re-linted with the section cache warm and
 * the previous result passed in (whose document it consumes), as the server does.
 */
function lintThenType(text: string, at: number, keystrokes: number, phrase: string): {first: LintResult; coldMs: number; times: number[]} {
  const config = defaultConfig();
  const cache = new SectionCache();
  let t = performance.now();
  const first = lintText(text, {config, cache});
  const coldMs = performance.now() - t;
  let previous = first;
  let current = text;
  const times: number[] = [];
  for (let i = 0; i < keystrokes; i++) {
    current = current.slice(0, at) + phrase[i % phrase.length] + current.slice(at);
    at++;
    t = performance.now();
    previous = lintText(current, {config, cache, previous});
    times.push(performance.now() - t);
  }
  return {first, coldMs, times};
}

export function engineTable(rows: EngineFigures[]): string {
  return table(
    ['brief', 'sections', 'findings', 'cold lint, new caches (ms)', 'keystroke re-lint p50 (ms)', 'p95 (ms)', 'in a footnote label: p50 (ms)', 'p95 (ms)', 'keystrokes'],
    rows.map((r) => [r.label, r.sections, r.findings, ms(r.coldMs), ms(r.keyP50), ms(r.keyP95), ms(r.citeP50), ms(r.citeP95), r.keystrokes]),
  );
}

/** Pieces in the growing part: each size twice the one before. */
export const SHAPE_SIZES = [1000, 2000, 4000, 8000];

export interface ShapeFigures {
  shape: Shape;
  n: number;
  bytes: number;
  coldMs: number;
  keyP50: number;
}

/**
 * One part of a brief grown alone (generateShape), at `sizes` pieces: cold lint, and a
 * character typed in the growing part (its first piece, so the edit's section is the big one).
 */
export function measureShapes(sizes: number[], keystrokes: number): ShapeFigures[] {
  warmUp();
  const out: ShapeFigures[] = [];
  for (const shape of SHAPES) {
    for (const n of sizes) {
      const text = generateShape(shape, n);
      const {coldMs, times} = lintThenType(text, text.indexOf('Berth 7 ') + 5, keystrokes, 'x');
      out.push({shape, n, bytes: text.length, coldMs, keyP50: median(times)});
    }
  }
  return out;
}

export function shapesTable(rows: ShapeFigures[]): string {
  return table(
    ['shape', 'pieces', 'bytes', 'cold lint (ms)', 'keystroke re-lint p50 (ms)', 'k from the size before (keystroke)'],
    rows.map((r, i) => {
      const before = rows[i - 1];
      const k = before && before.shape === r.shape ? exponent(before.bytes, before.keyP50, r.bytes, r.keyP50) : NaN;
      return [r.shape, r.n, r.bytes.toLocaleString('en-GB'), ms(r.coldMs), ms(r.keyP50), Number.isFinite(k) ? k.toFixed(2) : ''];
    }),
  );
}

/** Copies of each rule's example in one brief: a quarter of the larger size, then the larger. */
export const FINDING_COPIES = [1000, 4000];

export interface FindingFigures {
  rule: string;
  copies: number;
  bytes: number;
  /** Findings of this rule / of all rules. */
  own: number;
  all: number;
  lintMs: number;
  /** applyFixes over every finding's safe fix (what fix-all does). */
  fixMs: number;
}

/**
 * Findings grown alone: for each rule, `copies` copies of its documented bad example in one
 * brief (each copy a finding of that rule, and more of the others: the copies' key judgements
 * restart at 1), linted with new caches and fixed all at once (each the fastest of three). A step
 * that does work per finding over the whole text, or compares each finding with every other,
 * shows as k near 2 where the shapes show nothing: their briefs are clean.
 */
export function measureFindings(copies: number[]): FindingFigures[] {
  warmUp();
  const config = defaultConfig();
  const out: FindingFigures[] = [];
  for (const rule of allRules) {
    const bad = rule.docs?.bad;
    if (!bad) continue;
    for (const n of copies) {
      const text = Array.from({length: n}, () => bad.trimEnd()).join('\n\n') + '\n';
      let lintMs = Infinity;
      let result: LintResult | undefined;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        result = lintText(text, {config, cache: new SectionCache()});
        lintMs = Math.min(lintMs, performance.now() - t);
      }
      const findings = result!.findings;
      const fixes = safeFixes(findings);
      let fixMs = Infinity;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        applyFixes(text, fixes);
        fixMs = Math.min(fixMs, performance.now() - t);
      }
      out.push({rule: rule.id, copies: n, bytes: text.length, own: findings.filter((f) => f.ruleId === rule.id).length, all: findings.length, lintMs, fixMs});
    }
  }
  return out;
}

export function findingsTable(rows: FindingFigures[]): string {
  return table(
    ['rule (its bad example, copied)', 'copies', 'bytes', "the rule's findings", 'all findings', 'lint (ms)', 'fix all (ms)', 'k lint', 'k fix all'],
    rows.map((r, i) => {
      const before = rows[i - 1]?.rule === r.rule ? rows[i - 1] : undefined;
      const k = (a: number, b: number) => (before ? exponent(before.bytes, a, r.bytes, b).toFixed(2) : '');
      return [r.rule, r.copies, r.bytes.toLocaleString('en-GB'), r.own, r.all, ms(r.lintMs), ms(r.fixMs), before ? k(before.lintMs, r.lintMs) : '', before ? k(before.fixMs, r.fixMs) : ''];
    }),
  );
}

// Standalone: node out/bench/engine.js [--quick] [--shapes | --findings]
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  if (process.argv.includes('--shapes')) {
    console.log(shapesTable(measureShapes(SHAPE_SIZES, quick ? 5 : 15)));
  } else if (process.argv.includes('--findings')) {
    console.log(findingsTable(measureFindings(quick ? FINDING_COPIES.map((n) => n / 2) : FINDING_COPIES)));
  } else {
    const {ensureInputs} = await import('./inputs.js');
    const {sizes, dense} = ensureInputs(console.error);
    const rows = [...sizes, dense]
      .filter((s) => !quick || s.bytes <= 1_100_000)
      .map((s) => measureEngine(s, s.bytes > 2_100_000 ? 10 : s.bytes > 300_000 ? 50 : 200));
    console.log(engineTable(rows));
  }
}
