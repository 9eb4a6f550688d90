import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {EXTENSION_ID, closeAllEditors, flattenSymbols, labelOf, open, parseJsonc, rangeOf, readText, replace, scratch, waitFor} from './helpers.mjs';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

/** Snippet names by prefix, from the snippets file the manifest contributes. */
async function snippetNames(): Promise<Map<string, string>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const contributed = (ext.packageJSON.contributes?.snippets ?? []) as Array<{language: string; path: string}>;
  const entry = contributed.find((s) => s.language === 'brief');
  assert.ok(entry, 'the manifest contributes snippets for "brief"');
  const snippets = parseJsonc(await readText(vscode.Uri.joinPath(ext.extensionUri, entry.path))) as Record<string, Snippet>;
  const byPrefix = new Map<string, string>();
  for (const [name, s] of Object.entries(snippets)) for (const p of [s.prefix].flat()) byPrefix.set(p, name);
  return byPrefix;
}

/** Runs the real "Insert Snippet" command and waits for the text to change. */
async function insertSnippet(editor: vscode.TextEditor, name: string): Promise<void> {
  const before = editor.document.version;
  await vscode.commands.executeCommand('editor.action.insertSnippet', {langId: 'brief', name});
  await waitFor(`snippet "${name}" to be inserted`, () => editor.document.version > before, {events: [vscode.workspace.onDidChangeTextDocument]});
}

async function symbolsOf(uri: vscode.Uri, what: string, ok: (names: string[]) => boolean): Promise<string[]> {
  let last: string[] = [];
  return waitFor(
    what,
    async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
      last = flattenSymbols(symbols ?? []).map((s) => s.name);
      return ok(last) ? last : undefined;
    },
    {events: [vscode.workspace.onDidChangeTextDocument, vscode.languages.onDidChangeDiagnostics], pollMs: 200, describe: () => JSON.stringify(last)},
  );
}

suite('Snippets', () => {
  teardown(closeAllEditors);

  test('the snippets file offers brief, kj, ev, src and fm', async () => {
    const names = await snippetNames();
    for (const prefix of ['brief', 'kj', 'ev', 'src', 'fm']) assert.ok(names.has(prefix), `a snippet with prefix "${prefix}" (have ${[...names.keys()].join(', ')})`);
  });

  test('the snippet prefixes are offered as completions in a brief', async () => {
    const uri = await scratch('ferry-service.brief.md');
    const {document} = await open(uri);
    const sources = rangeOf(document, '## Sources');
    await replace(document, new vscode.Range(sources.start, sources.start), '\n\n');
    const position = sources.start.translate(1, 0); // an empty line
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    for (const prefix of ['brief', 'kj', 'ev', 'src', 'fm']) assert.ok(snippets.includes(prefix), `"${prefix}" is offered (got ${snippets.join(', ')})`);
  });

  test('the "brief" snippet writes a whole brief skeleton that the server outlines', async () => {
    const name = (await snippetNames()).get('brief')!;
    const doc = await vscode.workspace.openTextDocument({language: 'brief', content: ''});
    const editor = await vscode.window.showTextDocument(doc);
    await insertSnippet(editor, name);
    const text = doc.getText();
    assert.match(text, /^---\n[\s\S]*\bscale:[\s\S]*\n---\n/, `front matter with a scale:\n${text}`);
    assert.match(text, /^##\s+Summary\s*$/im);
    assert.match(text, /^##\s+Key Judgement 1\b/im);
    assert.match(text, /^##\s+Sources\s*$/im);
    assert.match(text, /\[\^[\w-]+\]:/, 'a footnote definition in Sources');
    const names = await symbolsOf(doc.uri, 'the outline of the new brief', (n) => n.includes('Key judgement 1'));
    assert.ok(names.includes('Sources'), JSON.stringify(names));
  });

  test('the "kj" snippet adds a key judgement with evidence', async () => {
    const name = (await snippetNames()).get('kj')!;
    const uri = await scratch('ferry-service.brief.md');
    const editor = await open(uri);
    const judgements = (names: string[]) => names.filter((n) => /^Key judgement \d+$/.test(n)).length;
    assert.equal(judgements(await symbolsOf(uri, 'the outline', (n) => judgements(n) === 2)), 2);

    // On an empty line before "## Sources", as an analyst would.
    const sources = rangeOf(editor.document, '## Sources');
    await replace(editor.document, new vscode.Range(sources.start, sources.start), '\n');
    editor.selection = new vscode.Selection(sources.start, sources.start);
    const before = editor.document.getText();
    const at = editor.document.offsetAt(sources.start);
    await insertSnippet(editor, name);
    const after = editor.document.getText();
    const inserted = after.slice(at, after.length - (before.length - at));
    assert.equal(after.slice(0, at) + after.slice(at + inserted.length), before, 'the snippet only inserts');
    assert.match(inserted, /^#{2,3}\s+Key Judgement\b/im, `a key judgement heading:\n${inserted}`);
    assert.match(inserted, /^\s*[-*]\s+\S/m, `an evidence bullet:\n${inserted}`);
    await symbolsOf(uri, 'a third key judgement in the outline', (n) => judgements(n) === 3);
  });
});
