/**
 * Code actions over LSP, applied by the test to the text and re-checked by the server:
 * every quick fix on the bundled examples, "Fix all <rule> problems", "Disable <rule> for
 * this line", and source.fixAll.brief (fix on save), with CRLF and multi-byte text.
 */
import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import type {CodeAction, Diagnostic, Range, TextEdit} from 'vscode-languageserver-protocol/node';
import {TestClient, applyEdits, editsOf, offsetAt, positionAt, summarize} from './harness.js';
import {FERRY, CLEAN, expected, actual, fileUri, scratchUri} from './fixtures.js';
import {rulesById} from '../../core/src/rules/index.js';

const EXAMPLES = resolve(import.meta.dirname, '..', '..', '..', 'examples');
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.brief.md')).sort();

/** Character span of a range in `text`. */
function span(text: string, r: Range): [number, number] {
  return [offsetAt(text, r.start), offsetAt(text, r.end)];
}

function touches(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/**
 * Where a fix's edits land in the new text, plus where the fixed diagnostic's range lands
 * (its start and end mapped through the edits).
 */
function spotsAfter(text: string, edits: TextEdit[], fixed: [number, number]): Array<[number, number]> {
  const spans = edits.map((e) => ({start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), len: e.newText.length})).sort((a, b) => a.start - b.start);
  const map = (o: number, bias: 'left' | 'right') => {
    let delta = 0;
    for (const s of spans) {
      if (s.end < o || (s.end === o && (s.start < o || bias === 'right'))) delta += s.len - (s.end - s.start);
      else if (s.start < o) return s.start + delta + (bias === 'right' ? s.len : 0); // o falls inside a replaced span
      else break;
    }
    return o + delta;
  };
  const out: Array<[number, number]> = [[map(fixed[0], 'left'), map(fixed[1], 'right')]];
  let delta = 0;
  for (const s of spans) {
    out.push([s.start + delta, s.start + delta + s.len]);
    delta += s.len - (s.end - s.start);
  }
  return out;
}

describe('code actions over stdio', () => {
  const client = new TestClient({settings: {debounceMs: 0}});
  let scratch = 0;
  before(() => client.initialize());
  after(() => client.stop());

  /** Diagnostics for `text` as if it were a file in `dir` (the folder's config applies); the document is closed afterwards. */
  async function check(dir: string | undefined, text: string): Promise<Diagnostic[]> {
    const uri = dir ? fileUri(join(dir, `__check-${++scratch}.brief.md`)) : scratchUri(`check-${++scratch}`);
    const diags = await client.openAndWait(uri, text);
    await client.close(uri);
    return diags;
  }

  /** Every distinct quick fix (not "fix all", not "disable") offered for the diagnostics of `uri`. */
  async function quickFixes(uri: string, diags: Diagnostic[]) {
    const seen = new Map<string, CodeAction>();
    for (const d of diags) {
      const actions = await client.codeActions(uri, d.range, [d], ['quickfix']);
      for (const a of actions) {
        assert.equal(a.kind, 'quickfix');
        assert.ok(a.diagnostics?.length, `"${a.title}" names the diagnostic it fixes`);
        if (/^(Fix all|Disable) /.test(a.title)) continue;
        seen.set(a.title + JSON.stringify(a.edit), a);
      }
    }
    return [...seen.values()];
  }

  test('every quick fix on the examples removes its diagnostic and adds none at that spot', async () => {
    let checked = 0;
    for (const name of examples) {
      const path = join(EXAMPLES, name);
      const uri = fileUri(path);
      const text = readFileSync(path, 'utf8');
      const before = await client.openAndWait(uri, text);
      for (const action of await quickFixes(uri, before)) {
        const fixed = action.diagnostics![0];
        const edits = editsOf(action, uri);
        assert.ok(edits.length > 0, `"${action.title}" has edits for this document`);
        const next = applyEdits(text, edits);
        assert.notEqual(next, text, `"${action.title}" changes the text`);
        const after = await check(EXAMPLES, next);
        const label = `${name}: "${action.title}" for ${summarize(fixed)}`;
        const oldSpot = span(text, fixed.range);
        const spots = spotsAfter(text, edits, oldSpot);
        const sameRuleBefore = before.filter((d) => d.code === fixed.code && touches(span(text, d.range), oldSpot)).length;
        const sameRuleAfter = after.filter((d) => d.code === fixed.code && touches(span(next, d.range), spots[0])).length;
        assert.ok(sameRuleAfter < sameRuleBefore, `${label}: the diagnostic is gone\n${after.map(summarize).join('\n')}`);
        const known = new Set(before.filter((d) => d !== fixed).map((d) => `${d.code} ${d.message}`));
        // A footnote definition stub is a placeholder for the analyst to fill in: that it lacks a date and grade is expected.
        const placeholder = (d: Diagnostic) => /definition stub/.test(action.title) && d.code === 'source-metadata';
        const fresh = after.filter((d) => spots.some((s) => touches(span(next, d.range), s)) && !known.has(`${d.code} ${d.message}`) && !placeholder(d));
        assert.deepEqual(fresh.map(summarize), [], `${label}: no new diagnostics where the fix landed`);
        checked++;
      }
      // Preferred fixes are the engine's safe fix: at most one per diagnostic, and only fixable ones.
      for (const d of before) {
        const preferred = (await client.codeActions(uri, d.range, [d], ['quickfix'])).filter((a) => a.isPreferred && a.diagnostics?.[0]?.code === d.code && a.diagnostics?.[0]?.message === d.message);
        assert.ok(preferred.length <= 1, `${summarize(d)}: ${preferred.length} preferred fixes`);
        assert.equal(preferred.length, (d.data as {fixable: boolean}).fixable ? 1 : 0, `${summarize(d)}: a preferred fix exactly when data.fixable`);
      }
      await client.close(uri);
    }
    assert.ok(checked >= 5, `quick fixes checked: ${checked}`);
  });

  test('"Disable <rule> for this line" removes that finding and adds none', async () => {
    let checked = 0;
    for (const name of examples) {
      const path = join(EXAMPLES, name);
      const uri = fileUri(path);
      const text = readFileSync(path, 'utf8');
      const before = await client.openAndWait(uri, text);
      for (const d of before) {
        const actions = await client.codeActions(uri, d.range, [d], ['quickfix']);
        const disable = actions.find((a) => a.title.startsWith(`Disable ${d.code} for this line`) && a.diagnostics?.[0]?.message === d.message);
        if (!disable) {
          // Only front-matter findings and the findings no comment can silence (about suppression comments,
          // or text too deeply nested to be read) offer no way to disable them.
          assert.ok(d.range.start.line <= text.split('\n').indexOf('---', 1) || rulesById.get(String(d.code))?.unsuppressible === true || String(d.code).startsWith('brief/'), `${summarize(d)} offers no disable action`);
          continue;
        }
        const next = applyEdits(text, editsOf(disable, uri));
        const after = await check(EXAMPLES, next);
        const label = `${name}: "${disable.title}" for ${summarize(d)}`;
        // The comment goes at the end of the line, so everything else keeps its start position.
        const key = (x: Diagnostic) => `${x.code}@${x.range.start.line}:${x.range.start.character} ${x.message}`;
        assert.ok(!after.some((x) => x.code === d.code && x.range.start.line === d.range.start.line), `${label}: the finding is gone\n${after.map(summarize).join('\n')}`);
        const expectedKeys = before.filter((x) => !(x.code === d.code && x.range.start.line === d.range.start.line)).map(key).sort();
        assert.deepEqual(after.map(key).sort(), expectedKeys, `${label}: nothing else changes`);
        checked++;
      }
      await client.close(uri);
    }
    assert.ok(checked >= 10, `disable actions checked: ${checked}`);
  });

  test('"Fix all <rule> problems in this file" fixes every finding of the rule at once', async () => {
    const text = FERRY.replace('🚢 The operators are likely to resume', '🚢 The operators are very likely to resume').replace(
      '## Key Judgement 2\n\nFuel costs may stay high',
      '## Key Judgement 2\n\nFuel costs are very likely to stay high',
    );
    const uri = scratchUri('fix-all-rule');
    const before = await client.openAndWait(uri, text);
    const offScale = before.filter((d) => d.code === 'term-off-scale');
    assert.equal(offScale.length, 3, before.map(summarize).join('\n'));
    const actions = await client.codeActions(uri, offScale[1].range, [offScale[1]], ['quickfix']);
    const fixAll = actions.filter((a) => a.title === 'Fix all term-off-scale problems in this file');
    assert.equal(fixAll.length, 1, actions.map((a) => a.title).join('\n'));
    assert.ok(!fixAll[0].isPreferred);
    const next = applyEdits(text, editsOf(fixAll[0], uri));
    assert.equal((next.match(/highly likely/g) ?? []).length, 3);
    const after = await check(undefined, next);
    assert.deepEqual(actual(after), expected(next));
    assert.ok(!after.some((d) => d.code === 'term-off-scale'), after.map(summarize).join('\n'));
    // Nothing else got worse: every other rule has at most as many findings as before.
    for (const code of new Set(after.map((d) => String(d.code)))) {
      assert.ok(after.filter((d) => d.code === code).length <= before.filter((d) => d.code === code).length, code);
    }
    // With a single fixable finding of a rule there is no separate "fix all" for it.
    const single = await client.openAndWait(scratchUri('fix-all-single'), FERRY);
    const one = single.find((d) => d.code === 'term-off-scale')!;
    assert.ok(!(await client.codeActions(scratchUri('fix-all-single'), one.range, [one], ['quickfix'])).some((a) => a.title.startsWith('Fix all')));
  });

  test('source.fixAll.brief fixes every fixable finding in one or more rounds', async () => {
    const docs: Array<[string, string, string | undefined]> = [
      ...examples.map((n): [string, string, string | undefined] => [n, readFileSync(join(EXAMPLES, n), 'utf8'), EXAMPLES]),
      ['crlf+emoji', FERRY.replace(/\n/g, '\r\n').replace('## Summary', '🚢🛳️ ‏שלום‏ 𝒜𝒷𝒸 — 🚢\r\n\r\n## Summary').replace('Key Judgement 2', 'Key Judgement 4'), undefined],
    ];
    let fixedAny = 0;
    for (const [name, original, dir] of docs) {
      let text = original;
      const uri = dir ? fileUri(join(dir, `__fixall-${name}`)) : scratchUri(`fixall-${name}`);
      let diags = await client.openAndWait(uri, text);
      const fixableBefore = diags.filter((d) => (d.data as {fixable: boolean}).fixable).length;
      for (let round = 0; round < 5; round++) {
        const whole = {start: {line: 0, character: 0}, end: positionAt(text, text.length)};
        const actions = await client.codeActions(uri, whole, diags, ['source.fixAll.brief']);
        assert.ok(actions.every((a) => a.kind === 'source.fixAll.brief'), `${name}: only the kind asked for`);
        if (actions.length === 0) break;
        assert.equal(actions.length, 1);
        const edits = editsOf(actions[0], uri);
        // Send the edits as an editor would: one change each, last first, so earlier ranges stay valid.
        const prev = text;
        const changes = edits
          .slice()
          .sort((x, y) => offsetAt(prev, y.range.start) - offsetAt(prev, x.range.start))
          .map((e) => ({range: e.range, text: e.newText}));
        text = applyEdits(prev, edits);
        diags = await client.changeAndWait(uri, changes);
      }
      assert.deepEqual(actual(diags), dir ? actual(await check(dir, text)) : expected(text), `${name}: diagnostics after fixing`);
      const left = diags.filter((d) => (d.data as {fixable: boolean}).fixable);
      assert.deepEqual(left.map(summarize), [], `${name}: fixable findings left after fix-all`);
      if (fixableBefore > 0) fixedAny++;
      if (name === 'crlf+emoji') assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(text), 'CRLF line endings kept');
      await client.close(uri);
    }
    assert.ok(fixedAny >= 2, 'some documents had fixable findings');

    // `source.fixAll` (the parent kind, as editor.codeActionsOnSave asks) offers the same action; a clean brief offers none.
    const uri = scratchUri('fixall-parent');
    const diags = await client.openAndWait(uri, FERRY);
    const all = {start: {line: 0, character: 0}, end: positionAt(FERRY, FERRY.length)};
    const viaParent = await client.codeActions(uri, all, diags, ['source.fixAll']);
    assert.deepEqual(viaParent.map((a) => a.kind), ['source.fixAll.brief']);
    const clean = scratchUri('fixall-clean');
    assert.deepEqual(await client.openAndWait(clean, CLEAN), []);
    assert.deepEqual(await client.codeActions(clean, {start: {line: 0, character: 0}, end: positionAt(CLEAN, CLEAN.length)}, [], ['source.fixAll.brief']), []);
  });

  test('quick fix and disable edits land exactly in CRLF text after emoji and right-to-left text', async () => {
    const text = FERRY.replace(/\n/g, '\r\n').replace('The operators are very likely', '🚢🛳️ ‏שלום‏ 𝒜𝒷𝒸 The operators are very likely');
    const uri = scratchUri('crlf-fix');
    const before = await client.openAndWait(uri, text);
    const d = before.find((x) => x.code === 'term-off-scale')!;
    const lines = text.split('\r\n');
    assert.equal(lines[d.range.start.line].slice(d.range.start.character, d.range.end.character), 'very likely', 'the range covers the term, in UTF-16 units');
    const actions = await client.codeActions(uri, d.range, [d], ['quickfix']);
    const fix = actions.find((a) => a.isPreferred)!;
    const fixed = applyEdits(text, editsOf(fix, uri));
    assert.equal(fixed, text.replace('are very likely', 'are highly likely'));
    const disable = actions.find((a) => a.title.startsWith('Disable term-off-scale'))!;
    const disabled = applyEdits(text, editsOf(disable, uri));
    assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(disabled), 'the disable comment keeps CRLF line endings intact');
    assert.match(disabled.split('\r\n')[d.range.start.line], /very likely to resume the night ferry within three months\. <!-- brief-disable-line term-off-scale -- .+ -->$/);
    const after = await check(undefined, disabled);
    assert.ok(!after.some((x) => x.code === 'term-off-scale'));
    assert.equal(after.length, before.length - 1);
  });
});

describe('code actions for a client that resolves them (as VS Code does)', () => {
  const eager = new TestClient({settings: {debounceMs: 0}});
  const lazy = new TestClient({settings: {debounceMs: 0}, resolveCodeActions: true});
  let capabilities: {eager: unknown; lazy: unknown};
  before(async () => {
    const [e, l] = await Promise.all([eager.initialize(), lazy.initialize()]);
    capabilities = {eager: e.capabilities.codeActionProvider, lazy: l.capabilities.codeActionProvider};
  });
  after(() => Promise.all([eager.stop(), lazy.stop()]));

  // Three off-scale terms: each offers its fix, "Fix all term-off-scale problems" and the source
  // fix-all, which also renumbers the second key judgement (numbered 4).
  const text = FERRY.replace('🚢 The operators are likely to resume', '🚢 The operators are very likely to resume').replace(
    '## Key Judgement 2\n\nFuel costs may stay high',
    '## Key Judgement 4\n\nFuel costs are very likely to stay high',
  );
  const fixAllTitles = ['Fix all auto-fixable brief problems', 'Fix all term-off-scale problems in this file'];

  test('offered unasked, the fix-all actions come without edits and resolve to the edits a client without resolve gets', async () => {
    assert.equal((capabilities.eager as {resolveProvider: boolean}).resolveProvider, false);
    assert.equal((capabilities.lazy as {resolveProvider: boolean}).resolveProvider, true);
    const uri = scratchUri('resolve-fix-all');
    const [before] = await Promise.all([lazy.openAndWait(uri, text), eager.openAndWait(uri, text)]);
    const d = before.filter((x) => x.code === 'term-off-scale')[1];
    // No `only`: what an editor asks on each cursor move, for its light bulb.
    const offered = await lazy.codeActions(uri, d.range, [d]);
    const inline = await eager.codeActions(uri, d.range, [d]);
    assert.deepEqual(offered.map((a) => a.title), inline.map((a) => a.title));
    for (const title of fixAllTitles) {
      const a = offered.find((x) => x.title === title)!;
      const b = inline.find((x) => x.title === title)!;
      assert.ok(a && b, title);
      assert.equal(a.edit, undefined, `${title}: no edit until chosen`);
      assert.ok(b.edit, `${title}: an edit inline for a client that cannot resolve`);
      const resolved = await lazy.resolveCodeAction(a);
      assert.deepEqual(resolved.edit, b.edit, `${title}: the resolved edit is the inline one`);
      assert.equal(resolved.title, title);
    }
    // Single fixes are small and carry their edits either way.
    const single = offered.find((x) => x.isPreferred)!;
    assert.deepEqual(single.edit, inline.find((x) => x.isPreferred)!.edit);
    // The resolved source fix-all fixes all three terms and the numbering; the rule's, only the terms.
    const all = applyEdits(text, editsOf(await lazy.resolveCodeAction(offered.find((x) => x.title === fixAllTitles[0])!), uri));
    assert.equal((all.match(/highly likely/g) ?? []).length, 3);
    assert.match(all, /## Key Judgement 2\n/);
    const rule = applyEdits(text, editsOf(await lazy.resolveCodeAction(offered.find((x) => x.title === fixAllTitles[1])!), uri));
    assert.equal((rule.match(/highly likely/g) ?? []).length, 3);
    assert.match(rule, /## Key Judgement 4\n/);
  });

  test('asked for by kind (fix on save), the fix-all action comes whole; offered on an older version, it resolves to no edit', async () => {
    const uri = scratchUri('resolve-on-save');
    const before = await lazy.openAndWait(uri, text);
    const whole = {start: {line: 0, character: 0}, end: positionAt(text, text.length)};
    const [onSave] = await lazy.codeActions(uri, whole, before, ['source.fixAll.brief']);
    assert.ok(editsOf(onSave, uri).length >= 3, 'edits inline when the kind is asked for');
    const d = before.find((x) => x.code === 'term-off-scale')!;
    const offered = (await lazy.codeActions(uri, d.range, [d])).find((a) => a.title === fixAllTitles[1])!;
    await lazy.changeAndWait(uri, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, text: '\n'}]);
    const stale = await lazy.resolveCodeAction(offered);
    assert.equal(stale.edit, undefined, 'no edit computed for a text the action was not offered on');
  });
});
