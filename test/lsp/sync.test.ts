/**
 * Document sync and push diagnostics: incremental edits (across lines, CRLF, emoji,
 * surrogate pairs, right-to-left text), versions under rapid typing, close, debounce,
 * and the enable / lintOnType / debounceMs settings, all over the real stdio server.
 */
import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import type {Range, TextDocumentContentChangeEvent} from 'vscode-languageserver-protocol/node';
import {TestClient, applyEdits, positionAt, quiet} from './harness.js';
import {FERRY, expected, actual, scratchUri} from './fixtures.js';

/** Per-document client settings, chosen by a word in the document's URI. */
const settingsByWord: Record<string, Record<string, unknown>> = {
  nodebounce: {debounceMs: 0},
  slow: {debounceMs: 400},
  disabled: {enable: false},
  saveonly: {lintOnType: false, debounceMs: 0},
};

function settingsFor(scopeUri?: string): Record<string, unknown> {
  for (const [word, s] of Object.entries(settingsByWord)) if (scopeUri?.includes(`/${word}-`)) return s;
  return {};
}

/** The range of the `occurrence`-th `needle` in `text` (LSP positions). */
function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  return {start: positionAt(text, at), end: positionAt(text, at + needle.length)};
}

/** Mirrors the document on the client side and sends each edit to the server. */
class Editor {
  text: string;
  constructor(
    readonly client: TestClient,
    readonly uri: string,
    text: string,
  ) {
    this.text = text;
  }
  /** One didChange; changes apply in order, each to the result of the one before (as LSP says). */
  send(changes: TextDocumentContentChangeEvent[]): Promise<number> {
    for (const c of changes) this.text = 'range' in c ? applyEdits(this.text, [{range: c.range, newText: c.text}]) : c.text;
    return this.client.change(this.uri, changes);
  }
  replace(needle: string, text: string, occurrence = 0): Promise<number> {
    return this.send([{range: rangeOf(this.text, needle, occurrence), text}]);
  }
  async sendAndCheck(changes: TextDocumentContentChangeEvent[], label: string) {
    const version = await this.send(changes);
    const p = await this.client.waitForDiagnostics(this.uri, (x) => x.version === version);
    assert.deepEqual(actual(p.diagnostics), expected(this.text), `after ${label}`);
  }
}

describe('push diagnostics over stdio', () => {
  const client = new TestClient({settings: settingsFor});
  before(() => client.initialize());
  after(() => client.stop());

  /** A scripted session of edits: each result must equal a fresh analysis of the client's copy. */
  async function editSession(uri: string, eol: string) {
    const start = FERRY.replace(/\n/g, eol);
    const published = await client.openAndWait(uri, start);
    assert.deepEqual(actual(published), expected(start), 'on open');
    assert.ok(published.length >= 5, 'the fixture has findings everywhere');
    const ed = new Editor(client, uri, start);
    const line = (s: string) => s.replace(/\n/g, eol);

    // Insert a paragraph with emoji, a ZWJ sequence, Arabic, Hebrew with RTL marks and astral letters.
    const summaryAt = rangeOf(ed.text, '## Summary').start;
    await ed.sendAndCheck(
      [{range: {start: summaryAt, end: summaryAt}, text: line('🚢🛳️ 👩‍✈️ مرحبا بالعالم ‏שלום עולם‏ 𝒜𝒷𝒸 — notes.\n\n')}],
      'inserting a multi-byte, right-to-left paragraph',
    );
    // Replace a term on a line that starts with an emoji further up: positions are UTF-16 code units.
    await ed.sendAndCheck([{range: rangeOf(ed.text, 'very likely'), text: 'highly likely 🌊'}], 'replacing a term with one ending in an emoji');
    // A multi-line replacement: from inside one bullet to inside the next, with new lines in the text.
    const from = rangeOf(ed.text, 'hired in June').start;
    const to = rangeOf(ed.text, '12% in October').end;
    await ed.sendAndCheck(
      [{range: {start: from, end: to}, text: line('hired 👩‍✈️ in June.[^crews]\n- Harbour fees rose by 15% in October, say officials.\n- Three more crews start in 𝒥𝒶𝓃𝓊𝒶𝓇𝓎')}],
      'replacing across lines with multi-line text',
    );
    // Delete a whole line including its line break.
    const kj2 = rangeOf(ed.text, '## Key Judgement 2').start;
    await ed.sendAndCheck([{range: {start: {line: kj2.line + 1, character: 0}, end: {line: kj2.line + 2, character: 0}}, text: ''}], 'deleting a blank line');
    // Several changes in one notification, the second addressed in the text the first produced.
    const srcAt = rangeOf(ed.text, '[^unused]').start;
    const first: TextDocumentContentChangeEvent = {range: {start: srcAt, end: srcAt}, text: line('[^extra]: Harbour office, 🚢 notice, 2026-10-05. Grade B2.\n')};
    const afterFirst = applyEdits(ed.text, [{range: first.range, newText: first.text}]);
    const second: TextDocumentContentChangeEvent = {range: rangeOf(afterFirst, 'notice'), text: 'ferry notice ⚓'};
    await ed.sendAndCheck([first, second], 'two changes in one notification');
    // Type after a surrogate pair and an RTL mark on the same line, one character at a time.
    const typeAt = rangeOf(ed.text, '𝒜𝒷𝒸').end;
    const typing: TextDocumentContentChangeEvent[] = [...' likely'].map((ch, i) => ({
      range: {start: {line: typeAt.line, character: typeAt.character + i}, end: {line: typeAt.line, character: typeAt.character + i}},
      text: ch,
    }));
    await ed.sendAndCheck(typing, 'typing after astral characters');
    // Backspace over a whole emoji (two code units) in the Summary.
    const ship = rangeOf(ed.text, '🚢', 1);
    assert.equal(ship.end.character - ship.start.character, 2);
    await ed.sendAndCheck([{range: ship, text: ''}], 'deleting a surrogate pair');
    // Insert at the very end of the document, then replace everything (a full-text change).
    const end = positionAt(ed.text, ed.text.length);
    await ed.sendAndCheck([{range: {start: end, end}, text: line('\nA closing line with 30% and no source.\n')}], 'appending at the end');
    await ed.sendAndCheck([{text: start}], 'a full-text change');
    return ed;
  }

  test('incremental edits with LF text, emoji, surrogate pairs and right-to-left text stay in sync', async () => {
    await editSession(scratchUri('nodebounce-edits-lf'), '\n');
  });

  test('incremental edits with CRLF text stay in sync, and positions count UTF-16 code units', async () => {
    const uri = scratchUri('nodebounce-edits-crlf');
    const ed = await editSession(uri, '\r\n');
    // Mixed line endings: a bare LF inserted into a CRLF document.
    const at = rangeOf(ed.text, '## Sources').start;
    await ed.sendAndCheck([{range: {start: at, end: at}, text: 'Note: rates rose 40% in 2026.\n\n'}], 'inserting LF lines into CRLF text');
    // An exact, hand-checked position: the Summary's ‘likely’ (which disagrees with Key Judgement 1)
    // comes after an emoji (2 UTF-16 code units).
    const line = ed.text.split(/\r\n|\r|\n/).findIndex((l) => l.startsWith('🚢 The operators are likely'));
    const character = '🚢 The operators are '.length;
    assert.equal(character, 21, 'the emoji counts as two code units');
    const last = client.published(uri).at(-1)!;
    assert.ok(
      last.diagnostics.some((d) => d.range.start.line === line && d.range.start.character === character && d.range.end.character === character + 'likely'.length),
      `a diagnostic on ‘likely’ at ${line}:${character}: ${JSON.stringify(last.diagnostics.map((d) => d.range))}`,
    );
  });

  test('rapid typing (no debounce): versions only move forward and the last version is published last', async () => {
    const uri = scratchUri('nodebounce-rapid');
    await client.openAndWait(uri, FERRY);
    const ed = new Editor(client, uri, FERRY);
    // Backspace ‘very’ letter by letter, then type ‘highly’: 10 notifications sent without waiting.
    const sends: Array<Promise<number>> = [];
    for (let i = 0; i < 4; i++) {
      const r = rangeOf(ed.text, 'likely to resume the night ferry within three months.\n\n-');
      sends.push(ed.send([{range: {start: {line: r.start.line, character: r.start.character - 2}, end: {line: r.start.line, character: r.start.character - 1}}, text: ''}]));
    }
    for (const ch of 'highly') {
      const r = rangeOf(ed.text, ' likely to resume the night ferry within three months.\n\n-');
      sends.push(ed.send([{range: {start: r.start, end: r.start}, text: ch}]));
      await quiet(2); // let some analyses start while later edits are on their way
    }
    const versions = await Promise.all(sends);
    const final = versions.at(-1)!;
    assert.match(ed.text, /are highly likely to resume/);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === final);
    assert.deepEqual(actual(p.diagnostics), expected(ed.text));
    await quiet(250);
    const seen = client.published(uri).map((x) => x.version!);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1], `published versions went backwards: ${seen.join(', ')}`);
    assert.equal(seen.at(-1), final, `the final version is published last: ${seen.join(', ')}`);
    assert.ok(!client.published(uri).at(-1)!.diagnostics.some((d) => d.code === 'term-off-scale'));
  });

  test('rapid typing (default debounce): one result for the last version, none for stale ones after it', async () => {
    const uri = scratchUri('default-rapid');
    await client.openAndWait(uri, FERRY);
    const ed = new Editor(client, uri, FERRY);
    const sends: Array<Promise<number>> = [];
    for (const ch of ' Port officials confirm 20% cuts.') {
      const end = positionAt(ed.text, ed.text.length);
      sends.push(ed.send([{range: {start: end, end}, text: ch}]));
    }
    const final = (await Promise.all(sends)).at(-1)!;
    const p = await client.waitForDiagnostics(uri, (x) => x.version === final);
    assert.deepEqual(actual(p.diagnostics), expected(ed.text));
    await quiet(300);
    const after = client.published(uri).filter((x) => x.version !== 1);
    assert.deepEqual(
      after.map((x) => x.version),
      [final],
      'within the debounce window, only the last version is analysed and published',
    );
  });

  test('closing a document clears its diagnostics, and a pending analysis does not bring them back', async () => {
    const uri = scratchUri('slow-close');
    const diags = await client.openAndWait(uri, FERRY);
    assert.ok(diags.length > 0);
    const ed = new Editor(client, uri, FERRY);
    await ed.replace('12%', '13%'); // schedules an analysis 400 ms out
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, (x) => x.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
    await quiet(550);
    assert.deepEqual(client.published(uri).at(-1)!.diagnostics, [], 'nothing published after the clear');
  });

  test('brief.debounceMs (from workspace/configuration) sets the delay after a keystroke', async () => {
    const fast = scratchUri('nodebounce-timing');
    const slow = scratchUri('slow-timing');
    await Promise.all([client.openAndWait(fast, FERRY), client.openAndWait(slow, FERRY)]);
    await quiet(450); // let the slow document's open settle
    const fastEd = new Editor(client, fast, FERRY);
    const slowEd = new Editor(client, slow, FERRY);
    const t0 = performance.now();
    const [vf, vs] = await Promise.all([fastEd.replace('very likely', 'highly likely'), slowEd.replace('very likely', 'highly likely')]);
    let fastAt = 0;
    let slowAt = 0;
    await Promise.all([
      client.waitForDiagnostics(fast, (x) => x.version === vf).then(() => (fastAt = performance.now() - t0)),
      client.waitForDiagnostics(slow, (x) => x.version === vs).then(() => (slowAt = performance.now() - t0)),
    ]);
    assert.ok(slowAt >= 390, `debounceMs 400: published after ${slowAt.toFixed(0)} ms`);
    assert.ok(fastAt < slowAt, `debounceMs 0 publishes first (${fastAt.toFixed(0)} ms vs ${slowAt.toFixed(0)} ms)`);

    // Keystrokes closer together than the debounce are coalesced into one analysis.
    const versions: number[] = [];
    for (const figure of ['14%', '15%', '16%']) {
      versions.push(await slowEd.replace(slowEd.text.match(/1\d%/)![0], figure));
      await quiet(50);
    }
    await client.waitForDiagnostics(slow, (x) => x.version === versions.at(-1));
    assert.deepEqual(
      client.published(slow).filter((x) => x.version! > vs).map((x) => x.version),
      [versions.at(-1)],
      'only the last of keystrokes 50 ms apart is published with a 400 ms debounce',
    );
  });

  test('brief.enable false publishes no diagnostics; turning it on (didChangeConfiguration) publishes them', async () => {
    const uri = scratchUri('disabled-doc');
    assert.deepEqual(await client.openAndWait(uri, FERRY), []);
    const ed = new Editor(client, uri, FERRY);
    assert.deepEqual(await client.changeAndWait(uri, [{range: rangeOf(ed.text, '12%'), text: '13%'}]), [], 'nor after an edit');
    const saved = settingsByWord.disabled;
    settingsByWord.disabled = {enable: true};
    try {
      await client.configurationChanged({brief: {}});
      const p = await client.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0);
      assert.ok(p.diagnostics.some((d) => d.code === 'term-off-scale'));
    } finally {
      settingsByWord.disabled = saved;
    }
  });

  test('brief.lintOnType false: diagnostics on open and on save, none while typing', async () => {
    const uri = scratchUri('saveonly-doc');
    const opened = await client.openAndWait(uri, FERRY);
    assert.ok(opened.some((d) => d.code === 'term-off-scale'));
    const ed = new Editor(client, uri, FERRY);
    const version = await ed.replace('very likely', 'highly likely');
    await quiet(300);
    assert.ok(!client.published(uri).some((x) => x.version === version), 'nothing published for an unsaved edit');
    await client.save(uri);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === version);
    assert.deepEqual(actual(p.diagnostics), expected(ed.text));
    assert.ok(!p.diagnostics.some((d) => d.code === 'term-off-scale'));
  });
});
