/**
 * Scores the linter on the held-out corpus in test/eval (planted defects + answer key):
 * recall (a planted defect counts as found when a finding starts on its line) and
 * false alarms (findings on lines with no planted defect). Runs the CLI's JSON output
 * when it is built, as the held-out evaluation does.
 *
 *   npm run build && node out/scripts/eval.js [--verbose]
 */
import {readFileSync, readdirSync, existsSync} from 'node:fs';
import {join, resolve, basename} from 'node:path';
import {spawnSync} from 'node:child_process';

interface Answer {
  file: string;
  line: number;
  kind: string;
  text: string;
}
interface Message {
  ruleId: string;
  line: number;
  message: string;
}

const root = resolve(import.meta.dirname, '..', '..');
const dir = join(root, 'test', 'eval', 'briefs');
const answers: Answer[] = JSON.parse(readFileSync(join(root, 'test', 'eval', 'answers.json'), 'utf8'));
const verbose = process.argv.includes('--verbose');

const KIND_RULES: Record<string, string[]> = {
  'uncited-figure-or-quote': ['uncited-claim'],
  'frontmatter-invalid': ['frontmatter-invalid', 'frontmatter-keys'],
  numbering: ['judgement-numbering'],
};

const files = readdirSync(dir).filter((f) => f.endsWith('.brief.md')).sort();
const cli = join(root, 'out', 'cli', 'src', 'main.js');
let results: Array<{filePath: string; messages: Message[]}>;
if (existsSync(cli)) {
  const run = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--no-config', ...files.map((f) => join(dir, f))], {encoding: 'utf8'});
  if (run.status === 2 || !run.stdout.trim().startsWith('[')) {
    const fallback = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', ...files.map((f) => join(dir, f))], {encoding: 'utf8'});
    results = JSON.parse(fallback.stdout);
  } else results = JSON.parse(run.stdout);
} else {
  const {lintText} = await import('../core/src/index.js');
  results = files.map((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    const r = lintText(text);
    return {filePath: join(dir, f), messages: r.findings.map((x) => ({ruleId: x.ruleId, line: r.doc.lines.positionAt(x.start).line + 1, message: x.message}))};
  });
}

let found = 0;
let foundKind = 0;
const perKind = new Map<string, {n: number; found: number}>();
const falseAlarms: string[] = [];
const missed: string[] = [];
for (const r of results) {
  const file = basename(r.filePath);
  const planted = answers.filter((a) => a.file === file);
  for (const a of planted) {
    const k = perKind.get(a.kind) ?? {n: 0, found: 0};
    k.n++;
    const onLine = r.messages.filter((m) => m.line === a.line);
    if (onLine.length) {
      found++;
      k.found++;
      const rules = KIND_RULES[a.kind] ?? [a.kind];
      if (onLine.some((m) => rules.includes(m.ruleId))) foundKind++;
    } else missed.push(`${file}:${a.line} ${a.kind} ${JSON.stringify(a.text)}`);
    perKind.set(a.kind, k);
  }
  for (const m of r.messages) {
    if (!planted.some((a) => a.line === m.line)) falseAlarms.push(`${file}:${m.line} ${m.ruleId} ${m.message}`);
  }
}
const total = answers.length;
console.log(`files: ${results.length}, planted defects: ${total}`);
console.log(`found (finding on the defect's line): ${found}/${total} = ${((100 * found) / total).toFixed(1)}%`);
console.log(`found with the matching rule: ${foundKind}/${total} = ${((100 * foundKind) / total).toFixed(1)}%`);
console.log(`false alarms (findings on lines with no planted defect): ${falseAlarms.length}`);
console.log('\nper kind:');
for (const [kind, k] of [...perKind].sort()) console.log(`  ${kind.padEnd(28)} ${k.found}/${k.n}`);
if (verbose) {
  console.log('\nmissed:\n  ' + (missed.join('\n  ') || '(none)'));
  console.log('\nfalse alarms:\n  ' + (falseAlarms.join('\n  ') || '(none)'));
}
