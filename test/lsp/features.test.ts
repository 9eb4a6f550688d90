import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {TestClient} from './harness.js';
import {
  HoverRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  RenameRequest,
  PrepareRenameRequest,
  DefinitionRequest,
  ReferencesRequest,
  SemanticTokensRequest,
  CodeLensRequest,
  FoldingRangeRequest,
  DocumentLinkRequest,
  type CompletionList,
  type DocumentSymbol,
  type Location,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

const TEXT = [
  '---',
  'title: Ferries',
  'scale: phia',
  '---',
  '',
  '# Ferries',
  '',
  '## Summary',
  '',
  'The operators are highly likely to resume the night ferry within three months.',
  '',
  '## Key Judgement 1',
  '',
  'The operators are highly likely to resume the night ferry within three months.',
  '',
  '- Crews were hired in June.[^hire]',
  '- Harbour hours were extended, see https://example.org/harbour.[^hire]',
  '',
  '## Sources',
  '',
  '[^hire]: Islands Gazette, 2026-10-01. Grade B2.',
  '',
].join('\n');
const uri = 'file:///tmp/brief-test/features.brief.md';
let client: TestClient;

before(async () => {
  client = new TestClient();
  await client.initialize();
  await client.open(uri, TEXT);
});
after(() => client.stop());

const at = (line: number, character: number) => ({textDocument: {uri}, position: {line, character}});

test('capabilities advertise every feature', async () => {
  const c2 = new TestClient();
  try {
    const init = await c2.initialize();
    const caps = init.capabilities;
    for (const k of ['hoverProvider', 'completionProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'documentLinkProvider', 'semanticTokensProvider', 'codeLensProvider', 'codeActionProvider'] as const) {
      assert.ok(caps[k], k);
    }
  } finally {
    await c2.stop();
  }
});

test('hover on a likelihood term shows its band and the scale', async () => {
  const h = await client.connection.sendRequest(HoverRequest.type, at(13, 22));
  assert.ok(h);
  const value = (h.contents as {value: string}).value;
  assert.match(value, /highly likely/i);
  assert.match(value, /80/);
  assert.match(value, /PHIA/);
  assert.deepEqual(h.range, {start: {line: 13, character: 18}, end: {line: 13, character: 31}});
});

test('hover on a citation shows the source entry', async () => {
  const h = await client.connection.sendRequest(HoverRequest.type, at(15, 30));
  assert.match((h!.contents as {value: string}).value, /Islands Gazette/);
});

test('completion after [^ offers defined footnote ids', async () => {
  const list = (await client.connection.sendRequest(CompletionRequest.type, at(15, 29))) as CompletionList;
  assert.ok(list.items.some((i) => i.label === 'hire'), JSON.stringify(list.items.map((i) => i.label)));
});

test('completion in front matter after scale: offers the scales', async () => {
  const list = (await client.connection.sendRequest(CompletionRequest.type, at(2, 7))) as CompletionList;
  const labels = list.items.map((i) => i.label);
  for (const id of ['phia', 'icd203', 'nato', 'kent']) assert.ok(labels.includes(id), labels.join(','));
});

test('document symbols: title, Summary, the key judgement with its likelihood, Sources', async () => {
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {textDocument: {uri}})) as DocumentSymbol[];
  const names = (list: DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
  const all = names(symbols);
  assert.ok(all.some((n) => /Summary/.test(n)), all.join(' | '));
  assert.ok(all.some((n) => /Key judgement 1/i.test(n)), all.join(' | '));
  const flat = (list: DocumentSymbol[]): DocumentSymbol[] => list.flatMap((s) => [s, ...flat(s.children ?? [])]);
  const kj = flat(symbols).find((s) => /Key judgement 1/i.test(s.name))!;
  assert.match(kj.detail ?? '', /highly likely/);
});

test('definition, references and rename of a footnote id', async () => {
  const defs = (await client.connection.sendRequest(DefinitionRequest.type, at(15, 30))) as Location[];
  assert.equal(defs.length, 1);
  assert.equal(defs[0].range.start.line, 20);
  const refs = (await client.connection.sendRequest(ReferencesRequest.type, {...at(20, 4), context: {includeDeclaration: false}})) as Location[];
  assert.deepEqual(refs.map((r) => r.range.start.line), [15, 16]);
  const prep = await client.connection.sendRequest(PrepareRenameRequest.type, at(15, 30));
  assert.ok(prep && 'placeholder' in prep && prep.placeholder === 'hire');
  const edit = (await client.connection.sendRequest(RenameRequest.type, {...at(15, 30), newName: 'hiring'})) as WorkspaceEdit;
  assert.equal(edit.changes![uri].length, 3);
  assert.ok(edit.changes![uri].every((e) => e.newText === 'hiring'));
  await assert.rejects(client.connection.sendRequest(RenameRequest.type, {...at(15, 30), newName: 'has space'}));
});

test('semantic tokens mark likelihood terms and citations', async () => {
  const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, {textDocument: {uri}});
  assert.ok(tokens && tokens.data.length >= 5 * 4, `${tokens?.data.length}`);
  assert.equal(tokens!.data.length % 5, 0);
});

test('code lens on the key judgement counts evidence and states the band', async () => {
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, {textDocument: {uri}});
  assert.equal(lenses!.length, 1);
  assert.match(lenses![0].command!.title, /2 evidence/);
  assert.match(lenses![0].command!.title, /highly likely/);
});

test('folding ranges and document links', async () => {
  const folds = await client.connection.sendRequest(FoldingRangeRequest.type, {textDocument: {uri}});
  assert.ok(folds!.some((f) => f.startLine === 11), JSON.stringify(folds));
  const links = await client.connection.sendRequest(DocumentLinkRequest.type, {textDocument: {uri}});
  assert.ok(links!.some((l) => l.target === 'https://example.org/harbour'), JSON.stringify(links));
});

test('untrusted workspace: .briefrc files are not read', async () => {
  const {mkdtempSync, writeFileSync} = await import('node:fs');
  const {tmpdir} = await import('node:os');
  const {join} = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'brief-untrusted-'));
  writeFileSync(join(dir, '.briefrc.yaml'), 'rules:\n  term-off-scale: off\n');
  const file = `file://${join(dir, 'a.brief.md')}`;
  const untrusted = new TestClient({initializationOptions: {trusted: false}});
  const trustedClient = new TestClient();
  try {
    await untrusted.initialize();
    await trustedClient.initialize();
    await untrusted.open(file, TEXT.replace('are highly likely to resume the night ferry within three months.\n\n-', 'are very likely to resume the night ferry within three months.\n\n-'));
    await trustedClient.open(file, TEXT.replace('are highly likely to resume the night ferry within three months.\n\n-', 'are very likely to resume the night ferry within three months.\n\n-'));
    const u = await untrusted.waitForDiagnostics(file, (p) => p.version === 1);
    const t = await trustedClient.waitForDiagnostics(file, (p) => p.version === 1);
    assert.ok(u.diagnostics.some((d) => d.code === 'term-off-scale'), 'untrusted: the config that turns the rule off is ignored');
    assert.ok(!t.diagnostics.some((d) => d.code === 'term-off-scale'), 'trusted: the config applies');
  } finally {
    await untrusted.stop();
    await trustedClient.stop();
  }
});
