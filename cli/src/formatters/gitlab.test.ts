import {test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {formatGitlab, gitlabSeverity} from './gitlab.js';
import {withCounts, fileProblem, type LintMessage} from '../result.js';

const cwd = join('/', 'repo');
const msg = (over: Partial<LintMessage>): LintMessage => ({
  ruleId: 'term-off-scale',
  category: 'estimative',
  severity: 'warning',
  message: '‘very likely’ is not on this brief’s scale.',
  line: 12,
  column: 5,
  endLine: 12,
  endColumn: 16,
  fingerprint: '0123456789abcdef',
  ...over,
});

test('one Code Climate issue per finding, with the fields GitLab reads', () => {
  const results = [withCounts(join(cwd, 'reports', 'a.brief.md'), [msg({}), msg({ruleId: 'vague-hedge', severity: 'error', line: 30, message: 'Two\nlines', fingerprint: 'fedcba9876543210'})])];
  const issues = JSON.parse(formatGitlab(results, {cwd}));
  assert.equal(issues.length, 2);
  assert.deepEqual(Object.keys(issues[0]).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
  assert.deepEqual(issues[0].location, {path: 'reports/a.brief.md', lines: {begin: 12}});
  assert.equal(issues[0].check_name, 'term-off-scale');
  assert.equal(issues[0].severity, 'major');
  assert.equal(issues[1].severity, 'critical');
  assert.equal(issues[1].description, 'Two lines');
  assert.match(issues[0].fingerprint, /^[0-9a-f]{32}$/);
});

test('severities map onto GitLab’s scale', () => {
  assert.deepEqual((['hint', 'info', 'warning', 'error'] as const).map(gitlabSeverity), ['info', 'minor', 'major', 'critical']);
});

test('fingerprints: stable when the line moves, unique for identical findings, distinct per file', () => {
  const a = join(cwd, 'a.brief.md');
  const first = JSON.parse(formatGitlab([withCounts(a, [msg({line: 12}), msg({line: 14})])], {cwd}));
  const moved = JSON.parse(formatGitlab([withCounts(a, [msg({line: 40}), msg({line: 41})])], {cwd}));
  assert.deepEqual(first.map((i: {fingerprint: string}) => i.fingerprint), moved.map((i: {fingerprint: string}) => i.fingerprint), 'no line numbers in the fingerprint');
  assert.notEqual(first[0].fingerprint, first[1].fingerprint, 'two identical findings are two issues');
  const other = JSON.parse(formatGitlab([withCounts(join(cwd, 'b.brief.md'), [msg({})])], {cwd}));
  assert.notEqual(other[0].fingerprint, first[0].fingerprint);
});

test('file problems (no baseline fingerprint) still get an issue and a fingerprint; no findings is an empty array', () => {
  const issues = JSON.parse(formatGitlab([withCounts(join(cwd, 'bin.brief.md'), [fileProblem(join(cwd, 'bin.brief.md'), 'Binary.')])], {cwd}));
  assert.equal(issues.length, 1);
  assert.equal(issues[0].check_name, 'brief/file');
  assert.equal(issues[0].severity, 'critical');
  assert.match(issues[0].fingerprint, /^[0-9a-f]{32}$/);
  assert.equal(formatGitlab([withCounts(join(cwd, 'ok.brief.md'), [])], {cwd}), '[]\n');
});
