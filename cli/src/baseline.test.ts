/**
 * Baselines end to end through the built `brief` command: --write-baseline, the
 * nearest .brief-baseline.json, --baseline, --no-baseline, counts and formats.
 */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, realpathSync, existsSync, unlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {allRules} from '../../core/src/rules/index.js';
import {findBaselineFile} from './baseline.js';
import {runBrief as brief, writeFiles as write} from './test-support.js';

/** term-off-scale at error level (so findings fail the run), every other rule off. */
const CONFIG = `rules:\n${allRules.map((r) => `  ${r.id}: ${r.id === 'term-off-scale' ? 'error' : 'off'}`).join('\n')}\n`;

function doc(judgements: string[], extra = ''): string {
  return `---
title: Ferry Service
date: 2026-11-01
scale: phia
---

# Ferry Service
${extra}
## Summary

The ferry operators are likely to resume the night service within the next three months.
${judgements.map((s, i) => `\n## Key Judgement ${i + 1}\n\n${s}\n\n- The operators have hired twelve new crew members since June.[^s1]\n`).join('')}
## Sources

[^s1]: Harbour Gazette, "Crew hiring", 2026-10-01. Grade B2.
`;
}

const OFF1 = 'The ferry operators are very likely to resume the night service within the next three months.';
const OFF2 = 'Fuel prices are very likely to stay high over the next three months.';
const ON = 'Crew numbers are highly likely to grow over the next three months.';

interface Json {
  filePath: string;
  messages: Array<{ruleId: string; line: number; fingerprint?: string}>;
  baselined?: number;
}
const json = (stdout: string) => JSON.parse(stdout) as Json[];

let tmp: string;
before(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'brief-baseline-test-')));
});
after(() => rmSync(tmp, {recursive: true, force: true}));

function project(name: string, files: Record<string, string>): string {
  const d = join(tmp, name);
  mkdirSync(join(d, '.git'), {recursive: true});
  write(d, {'.briefrc.yaml': CONFIG, ...files});
  return d;
}

test('--write-baseline, then lint: nothing reported, exit 0; a new defect is the only finding', () => {
  const d = project('round-trip', {'reports/a.brief.md': doc([OFF1, OFF2]), 'b.brief.md': doc([OFF1])});
  assert.equal(brief(['lint'], d).code, 1, 'findings at error level before the baseline');

  const w = brief(['lint', '--write-baseline'], d);
  assert.equal(w.code, 0, w.stderr + w.stdout);
  assert.match(w.stderr, /Recorded 3 findings in \.brief-baseline\.json/);
  const file = join(d, '.brief-baseline.json');
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(saved.version, 1);
  assert.deepEqual(Object.keys(saved.files), ['b.brief.md', 'reports/a.brief.md'], 'sorted, relative, / separators');
  assert.ok(saved.files['reports/a.brief.md'].every((e: {rule: string; count: number}) => e.rule === 'term-off-scale' && e.count === 1));

  const clean = brief(['lint'], d);
  assert.equal(clean.code, 0, clean.stdout);
  assert.match(clean.stdout, /no problems/);
  assert.match(clean.stdout, /3 known problems hidden by the baseline/);

  // Writing again gives the same bytes.
  const before = readFileSync(file, 'utf8');
  assert.equal(brief(['lint', '--write-baseline'], d).code, 0);
  assert.equal(readFileSync(file, 'utf8'), before);

  // A new defect, above the old ones (which move down): only it is reported.
  write(d, {'reports/a.brief.md': doc([OFF1, OFF2, 'Costs are very likely to stay high within three months.'], '\nA new introduction.\n')});
  const r = brief(['lint', '--format', 'json'], d);
  assert.equal(r.code, 1);
  const a = json(r.stdout).find((x) => x.filePath.endsWith('a.brief.md'))!;
  assert.equal(a.messages.length, 1, JSON.stringify(a.messages));
  assert.equal(a.baselined, 2);
  assert.match(readFileSync(join(d, 'reports/a.brief.md'), 'utf8').split('\n')[a.messages[0].line - 1], /^Costs are very likely/);
  assert.match(r.stderr, /3 known findings hidden by the baseline/);

  // --no-baseline shows everything.
  const all = json(brief(['lint', '--format', 'json', '--no-baseline'], d).stdout);
  assert.equal(all.reduce((n, x) => n + x.messages.length, 0), 4);
  assert.ok(all.every((x) => x.baselined === undefined));
});

test('a second copy of a baselined finding is reported; fixed findings are pruned by re-writing', () => {
  const d = project('multiset', {'a.brief.md': doc([OFF1])});
  assert.equal(brief(['lint', '--write-baseline'], d).code, 0);
  write(d, {'a.brief.md': doc([OFF1, OFF1])});
  // The same sentence under another heading is another finding; under the same heading, a copy is counted.
  const r = json(brief(['lint', '--format', 'json'], d).stdout)[0];
  assert.equal(r.messages.length, 1);
  assert.equal(r.baselined, 1);

  const e = project('multiset-same-line', {'a.brief.md': doc([`${OFF1}\n${OFF1}`])});
  assert.equal(brief(['lint', '--write-baseline'], e).code, 0);
  const saved = JSON.parse(readFileSync(join(e, '.brief-baseline.json'), 'utf8'));
  assert.deepEqual(saved.files['a.brief.md'].map((x: {count: number}) => x.count), [2]);
  write(e, {'a.brief.md': doc([`${OFF1}\n${OFF1}\n${OFF1}`])});
  const three = json(brief(['lint', '--format', 'json'], e).stdout)[0];
  assert.equal(three.messages.length, 1, '2 recorded, 3 present: one reported');
  assert.equal(three.baselined, 2);

  // Fix everything, re-write: the file's entries go.
  write(e, {'a.brief.md': doc([ON])});
  assert.equal(brief(['lint', '--write-baseline'], e).code, 0);
  assert.deepEqual(JSON.parse(readFileSync(join(e, '.brief-baseline.json'), 'utf8')).files, {});
});

test('the nearest baseline applies; --baseline picks one; the walk stops at the repository root', () => {
  const outer = join(tmp, 'nested');
  write(outer, {'.brief-baseline.json': '{"version": 1, "files": {}}'});
  const d = project('nested/repo', {'team/a.brief.md': doc([OFF1])});
  assert.equal(findBaselineFile(join(d, 'team/a.brief.md')), undefined, 'not above the .git folder');
  // Written to a custom place, then used explicitly.
  const w = brief(['lint', '--write-baseline=ci/known.json', 'team'], d);
  assert.equal(w.code, 0, w.stderr);
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(d, 'ci/known.json'), 'utf8')).files), ['../team/a.brief.md']);
  assert.equal(brief(['lint', 'team'], d).code, 1, 'ci/known.json is not on the way up from team/');
  assert.equal(brief(['lint', '--baseline', 'ci/known.json', 'team'], d).code, 0);
  // `--write-baseline <file>.json` (a space, not "="): the .json is the baseline, not a file to lint.
  const spaced = brief(['lint', '--write-baseline', 'ci/other.json', 'team'], d);
  assert.equal(spaced.code, 0, spaced.stderr);
  assert.equal(readFileSync(join(d, 'ci/other.json'), 'utf8'), readFileSync(join(d, 'ci/known.json'), 'utf8'), 'the same findings, the same bytes');
  // Moved next to the brief, with keys relative to it: found by the walk.
  write(d, {'team/.brief-baseline.json': readFileSync(join(d, 'ci/known.json'), 'utf8').replace('../team/a.brief.md', 'a.brief.md')});
  assert.equal(findBaselineFile(join(d, 'team/a.brief.md')), join(d, 'team/.brief-baseline.json'));
  assert.equal(brief(['lint'], d).code, 0);
  unlinkSync(join(d, 'team/.brief-baseline.json'));
  assert.equal(brief(['lint'], d).code, 1);
});

test('baselined findings are in no format, only counted', () => {
  const d = project('formats', {'a.brief.md': doc([OFF1, OFF2])});
  assert.equal(brief(['lint', '--write-baseline'], d).code, 0);
  write(d, {'a.brief.md': doc([OFF1, OFF2, 'Costs are very likely to stay high within three months.'])});
  const sarif = JSON.parse(brief(['lint', '--format', 'sarif'], d).stdout);
  assert.equal(sarif.runs[0].results.length, 1);
  const gitlab = JSON.parse(brief(['lint', '--format', 'gitlab'], d).stdout);
  assert.equal(gitlab.length, 1);
  assert.equal(gitlab[0].location.path, 'a.brief.md');
  const stylish = brief(['lint'], d).stdout;
  assert.equal(stylish.match(/term-off-scale/g)?.length, 1);
  assert.match(stylish, /2 known problems hidden by the baseline/);
});

test('bad baselines and bad flags are usage errors with a clear message', () => {
  const d = project('bad', {'a.brief.md': doc([OFF1]), '.brief-baseline.json': '{\n  "version": 1,\n  "files": {\n    "a.brief.md": [ { "rule": "x" } ]\n  }\n}\n'});
  const r = brief(['lint'], d);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\.brief-baseline\.json: files\["a\.brief\.md"\]\[0\]\.fingerprint/);
  assert.match(r.stderr, /--no-baseline/);
  write(d, {'.brief-baseline.json': '{"version": 1, "files": {'});
  const j = brief(['lint'], d);
  assert.equal(j.code, 2);
  assert.match(j.stderr, /\.brief-baseline\.json:1:\d+: Not valid JSON/);
  assert.equal(brief(['lint', '--no-baseline'], d).code, 1, '--no-baseline ignores a broken baseline');
  // Writing replaces a broken baseline.
  const w = brief(['lint', '--write-baseline'], d);
  assert.equal(w.code, 0, w.stderr);
  assert.match(w.stderr, /replacing it/);
  assert.equal(brief(['lint'], d).code, 0);

  const missing = brief(['lint', '--baseline', 'nope.json'], d);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /Baseline file not found: nope\.json/);
  assert.equal(brief(['lint', '--no-baseline', '--write-baseline'], d).code, 2);
  assert.equal(brief(['lint', '--no-baseline', '--baseline', 'x.json'], d).code, 2);
  assert.ok(existsSync(join(d, '.brief-baseline.json')));
});

test('file problems (unreadable, binary) are never baselined', () => {
  const d = project('file-problems', {'a.brief.md': doc([OFF1])});
  writeFileSync(join(d, 'bin.brief.md'), Buffer.from([0x23, 0x00, 0x01]));
  assert.equal(brief(['lint', '--write-baseline'], d).code, 1, 'the binary file is still an error');
  const saved = JSON.parse(readFileSync(join(d, '.brief-baseline.json'), 'utf8'));
  assert.deepEqual(Object.keys(saved.files), ['a.brief.md']);
});
