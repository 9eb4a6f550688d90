/**
 * The CI recipes stay true: .pre-commit-hooks.yaml is valid and runs commands and
 * options the CLI has; the YAML in docs/ci.md parses, and every `brief` option the
 * recipes and the README's CI section use is one the command accepts.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {parse} from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'out', 'cli', 'src', 'main.js');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
}

function help(command: string): string {
  const r = spawnSync(process.execPath, [MAIN, command, '--help'], {encoding: 'utf8'});
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** Each `brief <command> …` invocation in a text (shell lines, YAML run/entry values), with the command and its options. */
function invocations(text: string): Array<{command: string; options: string[]; line: string}> {
  const out = [];
  for (const line of text.split('\n')) {
    const m = /(?:\bbrief|main\.js")\s+(lint|suppressions|render|rules)\b([^`#\n]*)/.exec(line) ?? /(?:main\.js)\s+(lint|suppressions)\b([^`#\n]*)/.exec(line);
    if (!m) continue;
    out.push({command: m[1], options: [...m[2].matchAll(/(?:^|\s)(--?[a-z][a-z-]*)/g)].map((x) => x[1]), line});
  }
  return out;
}

test('.pre-commit-hooks.yaml: valid hooks that run brief commands on *.brief.md files', () => {
  const hooks = parse(read('.pre-commit-hooks.yaml')) as Hook[];
  assert.ok(Array.isArray(hooks) && hooks.length >= 1);
  const bins = Object.keys((JSON.parse(read('package.json')) as {bin: Record<string, string>}).bin);
  for (const h of hooks) {
    for (const k of ['id', 'name', 'entry', 'language', 'files'] as const) assert.equal(typeof h[k], 'string', `${h.id}: ${k}`);
    const [bin, command, ...options] = h.entry.split(/\s+/);
    assert.ok(bins.includes(bin), `${h.id} runs ${bin}, a bin of this package`);
    const text = help(command);
    for (const o of options) assert.ok(text.includes(o), `${h.id}: "brief ${command}" has ${o}`);
    const re = new RegExp(h.files);
    assert.ok(re.test('a.brief.md') && re.test('reports/q3/b.brief.md'), `${h.id} matches briefs`);
    assert.ok(!re.test('README.md') && !re.test('a.brief.md.orig'), `${h.id} matches only briefs`);
  }
  assert.ok(hooks.some((h) => h.id === 'brief-lint'));
});

test('docs/ci.md: every YAML block parses, and the recipes wire their outputs to the right places', () => {
  const doc = read('docs/ci.md');
  const blocks = [...doc.matchAll(/```yaml\n([^]*?)```/g)].map((m) => parse(m[1]) as Record<string, any>);
  assert.ok(blocks.length >= 3);
  const github = blocks.find((b) => b.jobs)!;
  const steps = Object.values(github.jobs as Record<string, {steps: Array<Record<string, any>>}>)[0].steps;
  const lint = steps.find((s) => /\blint --format sarif\b/.test(s.run ?? ''))!;
  const upload = steps.find((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'))!;
  assert.ok(lint && upload);
  assert.equal(/--output (\S+)/.exec(lint.run)![1], upload.with.sarif_file);
  assert.equal(github.permissions['security-events'], 'write');

  const gitlab = blocks.find((b) => b['brief-lint']?.script)!['brief-lint'];
  const script = (gitlab.script as string[]).join('\n');
  assert.match(script, /lint --format gitlab --output (\S+)/);
  assert.equal(/--output (\S+)/.exec(script)![1], gitlab.artifacts.reports.codequality);

  const preCommit = blocks.find((b) => b.repos)!;
  const ids = new Set((parse(read('.pre-commit-hooks.yaml')) as Hook[]).map((h) => h.id));
  for (const h of preCommit.repos[0].hooks) assert.ok(ids.has(h.id), `${h.id} is a hook this repository ships`);
});

test('every brief option in the CI docs and the README is one the command accepts', () => {
  const texts = [read('docs/ci.md'), read('docs/baselines.md'), read('README.md')];
  const found = texts.flatMap(invocations);
  assert.ok(found.some((i) => i.options.includes('--write-baseline')) && found.some((i) => i.command === 'suppressions'));
  const helps = new Map<string, string>();
  for (const {command, options, line} of found) {
    if (!helps.has(command)) helps.set(command, help(command));
    for (const o of options) {
      const name = o.split('=')[0];
      assert.ok(new RegExp(`(^|[\\s,])${name}\\b`).test(helps.get(command)!), `"${line.trim()}": brief ${command} has no option ${name}`);
    }
  }
});
