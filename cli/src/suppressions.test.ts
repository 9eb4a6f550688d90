/** `brief suppressions` end to end through the built command. */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, realpathSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {SuppressionRecord} from './suppressions.js';
import {runBrief as brief, writeFiles as write} from './test-support.js';

const BRIEF = `---
title: Ferry Service
date: 2026-11-01
scale: phia
---

# Ferry Service

## Summary

The ferry operators are likely to resume the night service within the next three months.

## Key Judgement 1

The ferry operators are very likely to resume the night service within the next three months. <!-- brief-disable-line term-off-scale -- the operator's own words (reviewed-by: @alice) -->

- The operators have hired twelve new crew members since June.[^s1]

<!-- brief-disable-next-line vague-hedge -->
- Crews may be short in winter.[^s1]

<!-- brief-disable uncited-claim, units -- figures from the briefing pack -->

## Key Judgement 2

Fuel costs are highly likely to stay high over the next three months.

- Fuel rose by 12% in October.

<!-- brief-enable uncited-claim, units -->

## Sources

[^s1]: Harbour Gazette, "Crew hiring", 2026-10-01. Grade B2.
`;

let tmp: string;
before(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'brief-suppressions-test-')));
  write(tmp, {'reports/a.brief.md': BRIEF, 'clean.brief.md': BRIEF.replace(/<!--[^]*?-->/g, '')});
});
after(() => rmSync(tmp, {recursive: true, force: true}));

test('--format json lists each comment with scope, rules, reason, reviewer and what it silenced', () => {
  const r = brief(['suppressions', '--format', 'json'], tmp);
  assert.equal(r.code, 0, r.stderr);
  const records = JSON.parse(r.stdout) as SuppressionRecord[];
  const lines = BRIEF.split('\n');
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  assert.deepEqual(
    records.map((x) => ({...x, suppressedRules: undefined})),
    [
      {file: 'reports/a.brief.md', line: lineOf('brief-disable-line'), column: lines[lineOf('brief-disable-line') - 1].indexOf('<!--') + 1, scope: 'line', rules: ['term-off-scale'], reason: "the operator's own words", reviewer: '@alice', suppressed: 1, suppressedRules: undefined},
      {file: 'reports/a.brief.md', line: lineOf('brief-disable-next-line'), column: 1, scope: 'next-line', rules: ['vague-hedge'], reason: null, reviewer: null, suppressed: 0, suppressedRules: undefined},
      {file: 'reports/a.brief.md', line: lineOf('brief-disable uncited'), column: 1, scope: 'range', rules: ['uncited-claim', 'units'], reason: 'figures from the briefing pack', reviewer: null, endLine: lineOf('brief-enable'), suppressed: records[2].suppressed, suppressedRules: undefined},
    ],
  );
  assert.deepEqual(records[0].suppressedRules, ['term-off-scale']);
  assert.ok(records[2].suppressed >= 1, 'the uncited 12% is silenced by the range');
  assert.ok(records[2].suppressedRules.includes('uncited-claim'));
});

test('stylish output flags missing reasons, reviewers and unused comments', () => {
  const r = brief(['suppressions', 'reports'], tmp);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /reports\/a\.brief\.md/);
  assert.match(r.stdout, /line\s+term-off-scale\s+the operator's own words\s+reviewed by @alice\s+silences 1/);
  assert.match(r.stdout, /next-line\s+vague-hedge\s+\(no reason\)\s+\(no reviewer\)\s+unused/);
  assert.match(r.stdout, /range to \d+\s+uncited-claim, units/);
  assert.match(r.stdout, /3 suppression comments in 1 file \(1 without a reason, 2 without a reviewer, 1 unused\)/);
  const none = brief(['suppressions', 'clean.brief.md'], tmp);
  assert.equal(none.code, 0);
  assert.match(none.stdout, /1 file checked, no suppression comments/);
});

test('--require-reason and --require-reviewer exit 1 when a comment lacks one', () => {
  const reason = brief(['suppressions', '--require-reason'], tmp);
  assert.equal(reason.code, 1);
  assert.match(reason.stderr, /1 suppression comment gives no reason/);
  const reviewer = brief(['suppressions', '--require-reviewer', '--format', 'json'], tmp);
  assert.equal(reviewer.code, 1);
  assert.match(reviewer.stderr, /2 suppression comments name no reviewer/);
  assert.equal(JSON.parse(reviewer.stdout).length, 3, 'the list is still printed');
  assert.equal(brief(['suppressions', '--require-reason', 'clean.brief.md'], tmp).code, 0);
});

test('usage errors exit 2', () => {
  assert.equal(brief(['suppressions', '--format', 'sarif'], tmp).code, 2);
  assert.equal(brief(['suppressions', 'missing.brief.md'], tmp).code, 2);
  const help = brief(['help', 'suppressions'], tmp);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /reviewed-by/);
});
