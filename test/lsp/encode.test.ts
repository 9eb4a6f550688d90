/**
 * The server's side of a diagnostics answer, below the protocol: the stdio encoder writes
 * exactly JSON.stringify's bytes (sealed diagnostic lists come from cached fragments), and
 * toDiagnostics reuses the last version's diagnostic objects only where nothing differs.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {TextDocument} from 'vscode-languageserver-textdocument';
import type {Diagnostic} from 'vscode-languageserver-protocol/node';
import {defaultConfig, lintText, SectionCache, type Finding} from '../../core/src/index.js';
import {toDiagnostic, toDiagnostics} from '../../server/src/convert.js';
import {PassThrough, Writable} from 'node:stream';
import {StreamMessageWriter} from 'vscode-languageserver/node';
import {encodeMessage, frameMessage, patchConsole, sealDiagnostics, StdioMessageWriter} from '../../server/src/encode.js';
import {positionAt} from './harness.js';
import {FERRY} from './fixtures.js';

const uri = 'file:///tmp/ferry.brief.md';

function diagnosticsOf(text: string): Diagnostic[] {
  const doc = TextDocument.create(uri, 'brief', 1, text);
  return lintText(text, {config: defaultConfig(), cache: new SectionCache()}).findings.map((f) => toDiagnostic(uri, doc, f));
}

test('the encoder writes the bytes of JSON.stringify, with and without a sealed diagnostic list', () => {
  const text = FERRY.replace('Summary', 'Summary ‘quoted’ 🚢');
  const items = diagnosticsOf(text);
  assert.ok(items.length > 2 && items.some((d) => d.codeDescription === undefined || d.tags), 'a mix of diagnostics');
  // Some fields are undefined (JSON.stringify leaves them out) and some strings are not ASCII.
  items.push({range: {start: {line: 0, character: 0}, end: {line: 0, character: 1}}, message: 'é "quoted" \\ \u2028 \u0001', severity: undefined, code: 'x/y', data: {n: [1, null]}});
  const sealed = sealDiagnostics([...items]);
  const messages: unknown[] = [
    {jsonrpc: '2.0', id: 7, result: {kind: 'full', resultId: '3', items: sealed}},
    {jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: {uri, version: 3, diagnostics: sealed}},
    {jsonrpc: '2.0', id: 8, result: {kind: 'full', resultId: '4', items: sealDiagnostics([])}},
    {jsonrpc: '2.0', id: 9, result: {kind: 'full', resultId: '5', items: [...items]}},
    {jsonrpc: '2.0', id: 10, result: null},
    {jsonrpc: '2.0', method: 'window/logMessage', params: {type: 3, message: 'ok ✓'}},
  ];
  for (const m of messages) {
    // Twice: the second time from the cached fragments.
    assert.equal(encodeMessage(m).toString('utf8'), JSON.stringify(m));
    assert.deepEqual(encodeMessage(m), Buffer.from(JSON.stringify(m), 'utf8'));
  }
});

test('the stdio writer writes each message in one piece, the bytes vscode-jsonrpc\'s own writer writes in two', async () => {
  const items = sealDiagnostics(diagnosticsOf(FERRY.replace('Summary', 'Summary ‘quoted’ 🚢')));
  const messages = [
    {jsonrpc: '2.0' as const, id: 1, result: {kind: 'full', resultId: '2', items}},
    {jsonrpc: '2.0' as const, method: 'brief/status', params: {uri, version: 2, counts: {error: 1}}},
    {jsonrpc: '2.0' as const, id: 2, result: null},
  ];
  const collect = (stream: PassThrough) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
    return chunks;
  };
  // The library's writer (header, then body): the oracle.
  const theirs = new PassThrough();
  const theirChunks = collect(theirs);
  const library = new StreamMessageWriter(theirs, 'utf-8');
  for (const m of messages) await library.write(m);
  const ours = new PassThrough();
  const ourChunks = collect(ours);
  const writer = new StdioMessageWriter(ours);
  for (const m of messages) await writer.write(m);
  assert.equal(ourChunks.length, messages.length, 'one write per message');
  assert.equal(theirChunks.length, 2 * messages.length);
  assert.deepEqual(Buffer.concat(ourChunks), Buffer.concat(theirChunks));
  assert.deepEqual(ourChunks[0], frameMessage(messages[0]));
  assert.match(ourChunks[0].toString('latin1'), /^Content-Length: \d+\r\n\r\n\{/);

  // A write that fails rejects, and the connection hears of it.
  const broken = new Writable({write: (_chunk, _encoding, callback) => callback(new Error('pipe closed'))});
  broken.on('error', () => undefined);
  const failing = new StdioMessageWriter(broken);
  const heard: string[] = [];
  failing.onError(([error]) => heard.push(error.message));
  await assert.rejects(failing.write(messages[2]), /pipe closed/);
  assert.ok(heard.includes('pipe closed'), JSON.stringify(heard));
});

test('toDiagnostics equals a fresh conversion and reuses exactly the diagnostics that did not change', () => {
  let text = FERRY;
  const doc = TextDocument.create(uri, 'brief', 1, text);
  const cache = new SectionCache();
  let result = lintText(text, {config: defaultConfig(), cache});
  let previous = toDiagnostics(uri, doc, result.findings);
  const edits = [
    {at: 'very likely', text: 'probably', kept: true}, // changes findings of one judgement
    {at: '# ', text: '# The ', kept: true}, // moves the title's findings by a few characters
    {at: '## Summary', text: 'A new line.\n\n## Summary', kept: false}, // moves everything after it down
  ];
  let version = 1;
  for (const e of edits) {
    const i = text.indexOf(e.at);
    const range = {start: positionAt(text, i), end: positionAt(text, i + e.at.length)};
    text = text.slice(0, i) + e.text + text.slice(i + e.at.length);
    TextDocument.update(doc, [{range, text: e.text}], ++version);
    result = lintText(text, {config: defaultConfig(), cache, previous: result});
    const fresh = result.findings.map((f) => toDiagnostic(uri, doc, f));
    const reused = toDiagnostics(uri, doc, result.findings, previous);
    assert.deepEqual(reused, fresh, `after ${JSON.stringify(e.text)}`);
    assert.equal(reused.some((d) => previous.includes(d)), e.kept, 'diagnostics are kept');
    for (let k = 0; k < reused.length; k++) {
      const same = previous.find((d) => JSON.stringify(d) === JSON.stringify(fresh[k]));
      // An unchanged diagnostic is the last version's object; a changed one is new.
      if (same && !fresh[k].relatedInformation) assert.ok(previous.includes(reused[k]), `kept: ${fresh[k].message}`);
      if (!same) assert.ok(!previous.includes(reused[k]), `made anew: ${fresh[k].message}`);
    }
    previous = reused;
  }
});

test('toDiagnostics does not reuse a diagnostic whose message, severity, fixability or tags differ', () => {
  const doc = TextDocument.create(uri, 'brief', 1, FERRY);
  const base: Finding = {ruleId: 'vague-hedge', category: 'estimative', severity: 'warning', message: 'm', start: 10, end: 14};
  const variants: Finding[] = [
    {...base, message: 'other'},
    {...base, severity: 'error'},
    {...base, fix: {title: 't', edits: [{start: 10, end: 14, text: 'x'}]}},
    {...base, tags: ['unnecessary']},
    {...base, ruleId: 'term-off-scale'},
    {...base, end: 15},
  ];
  const [old] = toDiagnostics(uri, doc, [base]);
  assert.equal(toDiagnostics(uri, doc, [{...base}], [old])[0], old, 'the same finding keeps its diagnostic');
  for (const v of variants) {
    const [d] = toDiagnostics(uri, doc, [v], [old]);
    assert.notEqual(d, old, JSON.stringify(v));
    assert.deepEqual(d, toDiagnostic(uri, doc, v));
  }
});

test('console output goes to the client log, never to stdout', () => {
  const saved = {...console};
  const logged: string[] = [];
  const to = (kind: string) => (message: string) => void logged.push(`${kind}: ${message}`);
  try {
    patchConsole({log: to('log'), info: to('info'), warn: to('warn'), error: to('error')});
    console.log('a', 1, {b: 2});
    console.info('i');
    console.warn('w');
    console.error('e');
    console.count();
    console.count();
    console.assert(false, 'bad');
  } finally {
    Object.assign(console, saved);
  }
  assert.deepEqual(logged, ['log: a 1 { b: 2 }', 'info: i', 'warn: w', 'error: e', 'log: default: 1', 'log: default: 2', 'error: Assertion failed: bad ']);
});
