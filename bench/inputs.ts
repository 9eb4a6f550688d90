/**
 * Writes the benchmark inputs into bench/generated/ (gitignored), once: rewritten
 * only when the generator's inputs change (a stamp records them).
 */
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {BENCH_DIR} from './proc.js';
import {generateBrief, generateCorpus, generateReportBrief} from './generate.js';

export const GENERATED = join(BENCH_DIR, 'generated');
export const CORPUS_DIR = join(GENERATED, 'corpus');
export const CORPUS_SIZE = 1000;

export interface Input {
  /** Short label used in tables: "page", "64 kB", "1 MB", … */
  label: string;
  file: string;
  bytes: number;
  lines: number;
  judgements: number;
  /** Target size the generator was asked for. */
  target: number;
}

/** Sizes: one page, 64 kB, 256 kB, 1 MB (the brief), 2 MB (one doubling), 10 MB. */
export const SIZES: Array<{label: string; target: number; name: string}> = [
  {label: 'page', target: 4_000, name: 'page.brief.md'},
  {label: '64 kB', target: 64_000, name: '64k.brief.md'},
  {label: '256 kB', target: 256_000, name: '256k.brief.md'},
  {label: '1 MB', target: 1_000_000, name: '1m.brief.md'},
  {label: '2 MB', target: 2_000_000, name: '2m.brief.md'},
  {label: '10 MB', target: 10_000_000, name: '10m.brief.md'},
];
/** The dense shape (bench/generate.ts's generateBrief, ~640 B per judgement) at 1 MB, as a stress case for the keystroke path. */
export const DENSE = {label: '1 MB dense', target: 1_000_000, name: '1m-dense.brief.md'};

// Bump when the generator's output changes, so stale inputs are rewritten.
const STAMP = 'report-v1;dense-v1;corpus-v1';

/** A page-long brief: three judgements of ~1.4 kB, like a real one-page brief; larger briefs use ~4 kB judgements (the shape). */
function textFor(label: string, target: number): string {
  if (label === DENSE.label) return generateBrief(target);
  return label === 'page' ? generateReportBrief(target, 1, 'phia', 1400) : generateReportBrief(target, 1);
}

function describe(label: string, file: string, target: number, text: string): Input {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return {label, file, target, bytes: Buffer.byteLength(text), lines: lines - 1, judgements: (text.match(/^## Key Judgement/gm) ?? []).length};
}

export function ensureInputs(log: (s: string) => void = () => {}): {sizes: Input[]; dense: Input; corpus: {dir: string; files: number; bytes: number}} {
  mkdirSync(GENERATED, {recursive: true});
  const stampFile = join(GENERATED, 'stamp.json');
  const stamp = existsSync(stampFile) ? (JSON.parse(readFileSync(stampFile, 'utf8')) as {stamp: string; inputs: Input[]; corpusBytes: number}) : undefined;
  const fresh = stamp?.stamp === STAMP && [...SIZES, DENSE].every((s) => existsSync(join(GENERATED, s.name))) && existsSync(join(CORPUS_DIR, '.git')) && readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.brief.md')).length === CORPUS_SIZE;
  if (fresh && stamp) {
    const sizes = stamp.inputs.filter((i) => i.label !== DENSE.label);
    return {sizes, dense: stamp.inputs.find((i) => i.label === DENSE.label)!, corpus: {dir: CORPUS_DIR, files: CORPUS_SIZE, bytes: stamp.corpusBytes}};
  }
  log('Generating inputs into bench/generated/ …');
  const inputs: Input[] = [];
  for (const s of [...SIZES, DENSE]) {
    const text = textFor(s.label, s.target);
    const file = join(GENERATED, s.name);
    writeFileSync(file, text);
    inputs.push(describe(s.label, file, s.target, text));
  }
  rmSync(CORPUS_DIR, {recursive: true, force: true});
  mkdirSync(CORPUS_DIR, {recursive: true});
  // bench/generated/ is in the repository's .gitignore, and `brief lint <folder>` skips
  // what .gitignore files ignore (the other tools do not read .gitignore). A `.git`
  // folder makes the corpus the root of its own (empty) repository, as a real corpus
  // of briefs would be, so that brief lints it; git never looks inside an ignored folder.
  mkdirSync(join(CORPUS_DIR, '.git'));
  let corpusBytes = 0;
  for (const {name, text} of generateCorpus(CORPUS_SIZE)) {
    writeFileSync(join(CORPUS_DIR, name), text);
    corpusBytes += Buffer.byteLength(text);
  }
  writeFileSync(stampFile, JSON.stringify({stamp: STAMP, inputs, corpusBytes}, null, 2));
  return {sizes: inputs.filter((i) => i.label !== DENSE.label), dense: inputs.find((i) => i.label === DENSE.label)!, corpus: {dir: CORPUS_DIR, files: CORPUS_SIZE, bytes: corpusBytes}};
}
