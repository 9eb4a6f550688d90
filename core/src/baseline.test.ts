import {test} from 'node:test';
import assert from 'node:assert/strict';
import {lintText} from './linter.js';
import {
  baselineKey,
  entriesFor,
  filterByBaseline,
  fingerprintFinding,
  fingerprintParts,
  mergeBaseline,
  normalise,
  parseBaseline,
  serializeBaseline,
  type Baseline,
  type BaselineEntry,
} from './baseline.js';

const BRIEF = `---
title: Lighthouse Keepers
date: 2026-11-01
scale: phia
---

# Lighthouse Keepers

## Summary

The board is likely to automate the northern lights within a year.

## Key Judgement 1

The board is likely to automate the northern lights within a year.

- Tenders for lamp controllers closed in May.[^t]
- Running costs rose by 40% in 2025.

## Key Judgement 2

Keepers' pay could possibly fall further in the coming months.

- The union reported a pay freeze.[^u]

## Sources

[^t]: Board notice, lamp tenders, 2026-05-30. Grade A2.
[^u]: Union newsletter, 2026-10-02. Grade B3.
`;

/** Findings of a text, each with its fingerprint. */
function printed(text: string) {
  const {doc, findings} = lintText(text);
  return findings.map((f) => ({ruleId: f.ruleId, message: f.message, start: f.start, fingerprint: fingerprintFinding(doc, f)}));
}

function baselineOf(text: string): BaselineEntry[] {
  return entriesFor(printed(text));
}

/** What is reported for `text` under a baseline written for `base`. */
function reported(base: string, text: string) {
  return filterByBaseline(printed(text), baselineOf(base));
}

test('the fixture has findings to baseline (the test would be vacuous otherwise)', () => {
  const rules = printed(BRIEF).map((f) => f.ruleId);
  assert.ok(rules.includes('vague-hedge') || rules.includes('stacked-hedge'), rules.join(', '));
});

test('a baseline hides every finding of the text it was written for', () => {
  const r = reported(BRIEF, BRIEF);
  assert.deepEqual(r.kept, []);
  assert.equal(r.baselined, printed(BRIEF).length);
});

test('fingerprints are hex, 16 digits, and the same for the same input', () => {
  const a = printed(BRIEF);
  const b = printed(BRIEF);
  assert.deepEqual(a.map((f) => f.fingerprint), b.map((f) => f.fingerprint));
  for (const f of a) assert.match(f.fingerprint, /^[0-9a-f]{16}$/);
});

test('inserting text above a finding keeps it baselined', () => {
  const edited = BRIEF.replace('## Summary\n', '## Summary\n\nA new opening paragraph,\nover two lines.\n');
  const before = printed(BRIEF).find((f) => f.ruleId === 'vague-hedge' || f.ruleId === 'stacked-hedge')!;
  const after = printed(edited).find((f) => f.ruleId === before.ruleId)!;
  assert.notEqual(after.start, before.start, 'the finding moved');
  assert.deepEqual(reported(BRIEF, edited).kept, []);
});

test('editing another section keeps it baselined', () => {
  const edited = BRIEF.replace('Tenders for lamp controllers closed in May.', 'Tenders for lamp controllers and fog horns closed in late May.');
  assert.notEqual(edited, BRIEF);
  const r = reported(BRIEF, edited);
  assert.deepEqual(r.kept.map((f) => f.ruleId), []);
});

test('reordering unrelated sections keeps findings baselined', () => {
  const kj1 = BRIEF.slice(BRIEF.indexOf('## Key Judgement 1'), BRIEF.indexOf('## Key Judgement 2'));
  const summary = BRIEF.slice(BRIEF.indexOf('## Summary'), BRIEF.indexOf('## Key Judgement 1'));
  const edited = BRIEF.replace(summary + kj1, kj1 + summary);
  assert.notEqual(edited, BRIEF);
  const before = printed(BRIEF).map((f) => f.fingerprint).sort();
  const after = printed(edited).map((f) => f.fingerprint).sort();
  // Findings that depend on order (e.g. "Summary must come first") may differ; the judgement's own findings do not.
  const hedge = printed(BRIEF).filter((f) => f.ruleId === 'vague-hedge' || f.ruleId === 'stacked-hedge');
  assert.ok(hedge.length > 0);
  for (const f of hedge) assert.ok(after.includes(f.fingerprint), `${f.ruleId} keeps its fingerprint`);
  assert.ok(before.length > 0);
  const kept = reported(BRIEF, edited).kept;
  assert.ok(!kept.some((f) => f.ruleId === 'vague-hedge' || f.ruleId === 'stacked-hedge'), JSON.stringify(kept));
});

test('changing the flagged text reports the finding again', () => {
  const edited = BRIEF.replace('could possibly fall further', 'could perhaps fall further');
  const kept = reported(BRIEF, edited).kept;
  assert.ok(kept.length > 0, 'the changed hedge is new');
  for (const f of kept) assert.ok(f.start >= edited.indexOf('## Key Judgement 2'), `${f.ruleId} at ${f.start} is in the changed judgement`);
});

test('the fingerprint names the rule, the flagged text, its line and its section — no offsets', () => {
  const {doc, findings} = lintText(BRIEF);
  const f = findings.find((x) => x.start > BRIEF.indexOf('## Key Judgement 2') && x.start < BRIEF.indexOf('## Sources'))!;
  const p = fingerprintParts(doc, f);
  assert.equal(p.rule, f.ruleId);
  assert.equal(p.section, 'Key Judgement 2');
  assert.equal(p.context, "Keepers' pay could possibly fall further in the coming months.");
  assert.equal(p.text, BRIEF.slice(f.start, f.end).replace(/\s+/g, ' ').trim());
});

test('the same finding in a different section is a different finding', () => {
  const a = lintText(BRIEF);
  const f = a.findings[0];
  const p = fingerprintParts(a.doc, f);
  const renamed = BRIEF.replace('## Key Judgement 2', '## Key Judgement 3');
  const b = lintText(renamed);
  const g = b.findings.find((x) => x.ruleId === 'vague-hedge' || x.ruleId === 'stacked-hedge')!;
  const q = fingerprintParts(b.doc, g);
  assert.equal(q.section, 'Key Judgement 3');
  assert.notEqual(fingerprintFinding(b.doc, g), fingerprintFinding(a.doc, a.findings.find((x) => x.ruleId === g.ruleId)!));
  assert.ok(p.rule);
});

test('in a numbered list of key judgements, the section names the judgement holding the finding, and only while it holds it', () => {
  const text = [
    '# Ferries', '', '## Summary', '', 'The night ferry is likely to resume within three months.', '',
    '## Key Judgements', '',
    '1. The night ferry is likely to resume within three months.', '   - Crews were hired in June.[^a]',
    '2. Fares are likely to rise before the 2027 budget.', '   - Fuel cost 12% more in May.[^a]',
    '3. The harbour is likely to stay open all winter.', '',
    '## Sources', '', '[^a]: Islands Gazette, 2026-10-01. Grade B2.', '',
  ].join('\n');
  const {doc} = lintText(text);
  const at = (needle: string) => {
    const pos = text.indexOf(needle);
    return fingerprintParts(doc, {ruleId: 'vague-hedge', start: pos, end: pos + needle.length}).section;
  };
  assert.equal(at('The night ferry is likely to resume within three months.\n   -'), 'Key Judgements\u0000judgement 1');
  assert.equal(at('Fares are likely'), 'Key Judgements\u0000judgement 2');
  assert.equal(at('The harbour is likely'), 'Key Judgements\u0000judgement 3');
  // Outside every statement (a list marker, a nested bullet): the section alone.
  assert.equal(at('2. Fares'), 'Key Judgements');
  assert.equal(at('Fuel cost'), 'Key Judgements');
  assert.equal(at('The night ferry'), 'Summary');
});

test('identical findings are counted: 2 in the baseline, 3 in the file → 1 reported', () => {
  const entries: BaselineEntry[] = [{rule: 'vague-hedge', fingerprint: 'aaaa', count: 2}];
  const items = [1, 2, 3].map((n) => ({ruleId: 'vague-hedge', fingerprint: 'aaaa', n}));
  const r = filterByBaseline(items, entries);
  assert.equal(r.baselined, 2);
  assert.deepEqual(r.kept.map((x) => x.n), [3]);
  // Fewer than recorded: all hidden, nothing reported.
  assert.deepEqual(filterByBaseline(items.slice(0, 1), entries).kept, []);
  // Items without a fingerprint (file problems) are never hidden.
  assert.equal(filterByBaseline([{ruleId: 'brief/file'}], entries).kept.length, 1);
});

test('identical findings in one brief get one entry with a count, and a third copy is reported', () => {
  const line = "Keepers' pay could possibly fall further in the coming months.";
  const twice = BRIEF.replace(line, `${line}\n${line}`);
  const entries = baselineOf(twice);
  const counted = entries.filter((e) => e.count === 2);
  assert.ok(counted.length > 0, JSON.stringify(entries));
  const thrice = BRIEF.replace(line, `${line}\n${line}\n${line}`);
  const kept = filterByBaseline(printed(thrice), entries).kept;
  assert.deepEqual(counted.map((e) => e.rule), ['stacked-hedge']);
  // One of the three hedges is new (the judgement's "more than one sentence" finding changed its text too).
  assert.equal(kept.filter((f) => f.ruleId === 'stacked-hedge').length, 1, JSON.stringify(kept));
});

test('serialised baselines are sorted and stable whatever the input order', () => {
  const a: Baseline = {
    version: 1,
    files: {
      'z/b.brief.md': [{rule: 'vague-hedge', fingerprint: '02', count: 1}, {rule: 'stacked-hedge', fingerprint: '09', count: 2, message: 'm'}],
      'a.brief.md': [{rule: 'vague-hedge', fingerprint: '01', count: 1}],
    },
  };
  const b: Baseline = {version: 1, files: {'a.brief.md': a.files['a.brief.md'], 'z/b.brief.md': [...a.files['z/b.brief.md']].reverse()}};
  const text = serializeBaseline(a);
  assert.equal(text, serializeBaseline(b));
  assert.ok(text.endsWith('}\n'));
  assert.ok(text.indexOf('a.brief.md') < text.indexOf('z/b.brief.md'));
  assert.deepEqual(Object.keys(JSON.parse(text).files), ['a.brief.md', 'z/b.brief.md']);
  assert.deepEqual(JSON.parse(text).files['z/b.brief.md'].map((e: BaselineEntry) => e.rule), ['stacked-hedge', 'vague-hedge']);
  assert.deepEqual(parseBaseline(text).baseline, parseBaseline(serializeBaseline(parseBaseline(text).baseline!)).baseline);
});

test('entriesFor picks the same message whatever the order', () => {
  const x = [
    {ruleId: 'r', fingerprint: 'f', message: 'b'},
    {ruleId: 'r', fingerprint: 'f', message: 'a'},
  ];
  assert.deepEqual(entriesFor(x), entriesFor([...x].reverse()));
  assert.deepEqual(entriesFor(x), [{rule: 'r', fingerprint: 'f', count: 2, message: 'a'}]);
});

test('merging replaces linted files, keeps the others that still exist, and drops files with nothing left', () => {
  const old: Baseline = {
    version: 1,
    files: {
      'a.brief.md': [{rule: 'r', fingerprint: '1', count: 3}],
      'b.brief.md': [{rule: 'r', fingerprint: '2', count: 1}],
      'gone.brief.md': [{rule: 'r', fingerprint: '3', count: 1}],
    },
  };
  const merged = mergeBaseline(old, new Map([['a.brief.md', [{rule: 'r', fingerprint: '1', count: 1}]], ['c.brief.md', []]]), (p) => p !== 'gone.brief.md');
  assert.deepEqual(merged.files, {
    'a.brief.md': [{rule: 'r', fingerprint: '1', count: 1}],
    'b.brief.md': [{rule: 'r', fingerprint: '2', count: 1}],
  });
  // A file fixed since: its entries go.
  assert.deepEqual(mergeBaseline(old, new Map([['a.brief.md', []]]), () => true).files['a.brief.md'], undefined);
});

test('malformed baselines give errors (with a position for bad JSON), never an exception', () => {
  const bad = parseBaseline('{\n  "version": 1,\n  "files": {,}\n}');
  assert.ok(bad.error);
  assert.match(bad.error.message, /JSON/);
  assert.equal(bad.error.line, 3);
  assert.match(parseBaseline('[]').error!.message, /object/);
  assert.match(parseBaseline('{"version": 7, "files": {}}').error!.message, /version 7/);
  assert.match(parseBaseline('{"version": 1, "files": {"a": [{"rule": "r", "fingerprint": "f", "count": 0}]}}').error!.message, /count/);
  assert.match(parseBaseline('{"version": 1, "files": {"a": [{"fingerprint": "f"}]}}').error!.message, /rule/);
  assert.deepEqual(parseBaseline('\uFEFF{"version": 1, "files": {"a": [{"rule": "r", "fingerprint": "f"}]}}').baseline, {version: 1, files: {a: [{rule: 'r', fingerprint: 'f', count: 1}]}});
});

test('baseline keys are relative to the baseline folder, with / separators', () => {
  assert.equal(baselineKey('/repo', '/repo/reports/a.brief.md'), 'reports/a.brief.md');
  assert.equal(baselineKey('/repo/', '/repo/a.brief.md'), 'a.brief.md');
  assert.equal(baselineKey('/repo/docs', '/repo/reports/a.brief.md'), '../reports/a.brief.md');
  assert.equal(baselineKey('/', '/a.brief.md'), 'a.brief.md');
  assert.equal(baselineKey('C:/work', 'c:/work/a.brief.md'), 'a.brief.md');
});

test('normalise: text below U+0300 is already NFC (what its fast path rests on), and other text is composed', () => {
  for (let a = 0; a < 0x300; a++) {
    const one = String.fromCharCode(a);
    assert.equal(one.normalize('NFC'), one, `U+${a.toString(16)}`);
    for (let b = 0; b < 0x300; b += 1) {
      const two = one + String.fromCharCode(b);
      if (two.normalize('NFC') !== two) assert.fail(`U+${a.toString(16)} U+${b.toString(16)}`);
    }
  }
  // A decomposed é (e + U+0301) and the composed one give the same key; so do Hangul jamo and the syllable.
  assert.equal(normalise('  Caf\u0065\u0301\n  au  lait '), 'Caf\u00e9 au lait');
  assert.equal(normalise('\u1100\u1161'), '\uac00');
  assert.equal(normalise('plain  text\t here'), 'plain text here');
});
