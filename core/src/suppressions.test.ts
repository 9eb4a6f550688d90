import {test} from 'node:test';
import assert from 'node:assert/strict';
import {lintText} from './linter.js';
import {parseSuppressions, SuppressionIndex} from './suppressions.js';
import {parseBrief} from './parse/document.js';
import {brief} from './testing/rule-tester.js';

const hedged = (prefix: string) =>
  brief({judgements: [{statement: `${prefix}The operators may resume service within the next three months.`, evidence: ['Crews were hired in June.[^s1]']}]});

const ruleIds = (text: string) => lintText(text).findings.map((f) => f.ruleId);

test('parses directives, rule lists and reasons', () => {
  const s = parseSuppressions([
    {start: 0, end: 10, body: ' brief-disable-next-line vague-hedge, stacked-hedge -- quoting the minister '},
    {start: 20, end: 30, body: ' brief-disable '},
    {start: 40, end: 50, body: ' brief-enable uncited-claim '},
    {start: 60, end: 70, body: ' not a directive '},
  ]);
  assert.deepEqual(s.map((x) => [x.kind, x.rules, x.reason]), [
    ['disable-next-line', ['vague-hedge', 'stacked-hedge'], 'quoting the minister'],
    ['disable', [], undefined],
    ['enable', ['uncited-claim'], undefined],
  ]);
});

test('disable-next-line silences the named rule on the next line only', () => {
  assert.ok(ruleIds(hedged('')).includes('vague-hedge'));
  const text = hedged('').replace('## Key Judgement 1\n\n', '## Key Judgement 1\n\n<!-- brief-disable-next-line vague-hedge -- the minister\'s words -->\n');
  const result = lintText(text);
  assert.ok(!result.findings.some((f) => f.ruleId === 'vague-hedge'));
  assert.ok(result.suppressed.some((f) => f.ruleId === 'vague-hedge'));
});

test('disable-next-line for another rule does not silence this one', () => {
  const text = hedged('').replace('## Key Judgement 1\n\n', '## Key Judgement 1\n\n<!-- brief-disable-next-line uncited-claim -->\n');
  assert.ok(ruleIds(text).includes('vague-hedge'));
});

test('disable-line, inline', () => {
  // At the end of the line: a comment opening a line would make the paragraph an HTML block (no findings at all).
  const withComment = (comment: string) =>
    brief({judgements: [{statement: `The operators may resume service within the next three months. ${comment}`, evidence: ['Crews were hired in June.[^s1]']}]});
  const text = withComment('<!-- brief-disable-line vague-hedge -->');
  const result = lintText(text);
  assert.ok(!result.findings.some((f) => f.ruleId === 'vague-hedge'));
  assert.ok(result.suppressed.some((f) => f.ruleId === 'vague-hedge'), 'the finding exists and was suppressed');
  const other = withComment('<!-- brief-disable-line uncited-claim -->');
  assert.ok(ruleIds(other).includes('vague-hedge'));
});

test('disable … enable ranges, and a bare disable silences everything after it', () => {
  const body = hedged('');
  const ranged = body.replace('## Key Judgement 1', '<!-- brief-disable vague-hedge -->\n\n## Key Judgement 1').replace('## Sources', '<!-- brief-enable vague-hedge -->\n\n## Sources');
  assert.ok(!ruleIds(ranged).includes('vague-hedge'));
  const after = body.replace('## Sources', '<!-- brief-disable vague-hedge -->\n\n## Sources');
  assert.ok(ruleIds(after).includes('vague-hedge'), 'a range that starts after the finding does not cover it');
  const all = body.replace('## Summary', '<!-- brief-disable -->\n\n## Summary');
  assert.deepEqual(ruleIds(all), []);
});

test('directives inside code blocks are not directives', () => {
  const text = hedged('').replace('## Key Judgement 1\n\n', '```\n<!-- brief-disable -->\n```\n\n## Key Judgement 1\n\n');
  assert.ok(ruleIds(text).includes('vague-hedge'));
});

test('requireSuppressionReason turns on suppression-reason, whose findings cannot be suppressed', async () => {
  const {defaultConfig} = await import('./config/types.js');
  const text = hedged('<!-- brief-disable-line vague-hedge --> ');
  assert.ok(!lintText(text).findings.some((f) => f.ruleId === 'suppression-reason'), 'off by default');
  const config = {...defaultConfig(), requireSuppressionReason: true};
  const findings = lintText(text, {config}).findings;
  assert.ok(findings.some((f) => f.ruleId === 'suppression-reason'));
  assert.ok(!findings.some((f) => f.ruleId === 'vague-hedge'), 'the comment still suppresses what it names');
});

/** The hedged brief with `comment` at the end of the judgement's line (a comment that starts a line makes an HTML block). */
const trailing = (comment: string) => hedged('').replace('within the next three months.\n\n- Crews', `within the next three months. ${comment}\n\n- Crews`);

test('a reviewer is named in "(reviewed-by: …)" after the reason and is not part of it', async () => {
  const {parseReason} = await import('./suppressions.js');
  assert.deepEqual(parseReason(' quoting the minister (reviewed-by: @alice) '), {reason: 'quoting the minister', reviewer: '@alice'});
  assert.deepEqual(parseReason('quoting the minister (Reviewed by: Alice Smith, @bob).'), {reason: 'quoting the minister', reviewer: 'Alice Smith, @bob'});
  assert.deepEqual(parseReason('quoting the minister (reviewed-by:@alice)'), {reason: 'quoting the minister', reviewer: '@alice'});
  assert.deepEqual(parseReason('quoting the minister — (reviewed_by @alice)'), {reason: 'quoting the minister', reviewer: '@alice'});
  assert.deepEqual(parseReason('(reviewed-by: @alice)'), {reason: undefined, reviewer: '@alice'});
  assert.deepEqual(parseReason('quoting the minister (reviewed-by: )'), {reason: 'quoting the minister', reviewer: undefined});
  // A parenthesis that is not a reviewer, or one that is not at the end, stays in the reason.
  assert.deepEqual(parseReason('the board (not us) said so'), {reason: 'the board (not us) said so'});
  assert.deepEqual(parseReason('see (reviewed-by: @alice) above'), {reason: 'see (reviewed-by: @alice) above'});
  assert.deepEqual(parseReason(''), {reason: undefined});
  const [s] = parseSuppressions([{start: 0, end: 10, body: ' brief-disable-next-line vague-hedge -- the minister\'s words -- verbatim (reviewed-by: @alice) '}]);
  assert.equal(s.reason, "the minister's words -- verbatim");
  assert.equal(s.reviewer, '@alice');
});

test('a comment with a reviewer but no reason still lacks a reason', async () => {
  const {defaultConfig} = await import('./config/types.js');
  const config = {...defaultConfig(), requireSuppressionReason: true};
  const reviewedOnly = trailing('<!-- brief-disable-line vague-hedge -- (reviewed-by: @alice) -->');
  assert.ok(lintText(reviewedOnly, {config}).findings.some((f) => f.ruleId === 'suppression-reason'));
  assert.ok(ruleIds(trailing('')).includes('vague-hedge'), 'the fixture has the finding the comment silences');
  const both = trailing('<!-- brief-disable-line vague-hedge -- the minister\'s words (reviewed-by: @alice) -->');
  assert.ok(!lintText(both, {config}).findings.some((f) => f.ruleId === 'suppression-reason'));
  assert.ok(!lintText(both, {config}).findings.some((f) => f.ruleId === 'vague-hedge'));
});

test('auditSuppressions lists every comment with its scope, reason, reviewer and what it silenced', async () => {
  const {auditSuppressions} = await import('./suppressions.js');
  const text = trailing('<!-- brief-disable-line vague-hedge -- the minister\'s words (reviewed-by: @alice) -->')
    .replace('## Summary', '<!-- brief-disable-next-line uncited-claim -->\n<!-- brief-disable term-off-scale -- house term -->\n\n## Summary')
    .replace('## Sources', '<!-- brief-enable term-off-scale -->\n\n## Sources');
  const result = lintText(text);
  const audit = auditSuppressions(result.doc, result.suppressed);
  assert.deepEqual(
    audit.map((a) => [a.scope, a.rules, a.reason, a.reviewer, a.suppressed, a.suppressedRules]),
    [
      ['next-line', ['uncited-claim'], undefined, undefined, 0, []],
      ['range', ['term-off-scale'], 'house term', undefined, 0, []],
      ['line', ['vague-hedge'], "the minister's words", '@alice', 1, ['vague-hedge']],
    ],
  );
  const range = audit[1];
  assert.equal(range.rangeEnd, text.indexOf('<!-- brief-enable'), 'the range ends at its enable comment');
  assert.equal(text.slice(audit[2].start, audit[2].end).startsWith('<!-- brief-disable-line'), true);
});

test('auditSuppressions: a bare disable with no enable runs to the end and counts every finding it silenced', async () => {
  const {auditSuppressions} = await import('./suppressions.js');
  const plain = lintText(hedged(''));
  assert.ok(plain.findings.length > 0);
  const text = hedged('').replace('## Summary', '<!-- brief-disable -- legacy brief -->\n\n## Summary');
  const result = lintText(text);
  const [a] = auditSuppressions(result.doc, result.suppressed);
  assert.equal(a.scope, 'range');
  assert.deepEqual(a.rules, []);
  assert.equal(a.rangeEnd, text.length);
  assert.equal(a.suppressed, result.suppressed.length);
  assert.equal(a.suppressed, plain.findings.filter((f) => f.start > text.indexOf('## Summary') - 50).length);
});

test('SuppressionIndex.match: of the disable ranges open at an offset, the one closed first wins, as the scan of them all found', () => {
  // Random runs of disable / enable comments for two rules and for every rule, between plain lines.
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let round = 0; round < 60; round++) {
    const lines: string[] = ['# T', ''];
    for (let k = 0; k < 24; k++) {
      const r = rnd();
      const rule = r < 0.33 ? '' : r < 0.66 ? ' alpha' : ' beta';
      if (rnd() < 0.5) lines.push(`<!-- brief-${rnd() < 0.55 ? 'disable' : 'enable'}${rule} -->`, '');
      lines.push(`Line ${k}.`, '');
    }
    const text = lines.join('\n');
    const doc = parseBrief(text);
    const index = new SuppressionIndex(doc);
    const list = index.list;
    // The model: a key ('*', alpha, beta) opens at a disable that finds it closed, and closes at the next
    // enable naming it (a bare enable names every open key); at the end of the text the rest close, in
    // the order they opened. Ranges are numbered in closing order; the lowest number holding the offset wins.
    type Open = {key: string; source: (typeof list)[number]; start: number; end: number};
    const ranges: Open[] = [];
    const open = new Map<string, Open>();
    for (const sup of list) {
      if (sup.kind === 'disable') {
        for (const key of sup.rules.length ? sup.rules : ['*']) if (!open.has(key)) open.set(key, {key, source: sup, start: sup.end, end: Infinity});
      } else if (sup.kind === 'enable') {
        for (const key of sup.rules.length ? sup.rules : [...open.keys()]) {
          const o = open.get(key);
          if (!o) continue;
          ranges.push({...o, end: sup.start});
          open.delete(key);
        }
      }
    }
    for (const o of open.values()) ranges.push({...o, end: text.length});
    for (let offset = 0; offset <= text.length; offset += 3) {
      for (const rule of ['alpha', 'beta']) {
        const holding = ranges.filter((r) => (r.key === '*' || r.key === rule) && r.start <= offset && offset < r.end);
        assert.equal(index.match(rule, offset), holding[0]?.source, `round ${round}, ${rule} at ${offset}`);
      }
    }
  }
});
