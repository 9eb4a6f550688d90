import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  briefApi, closeAllEditors, fixture, flattenSymbols, hoverText, labelOf, open, rangeOf, replace, scratch, waitForStatus,
} from './helpers.mjs';

suite('Language features', () => {
  suiteTeardown(closeAllEditors);

  test("hover on a likelihood term shows its band on the brief's scale", async () => {
    const {document} = await open(fixture('ferry-service.brief.md'));
    await waitForStatus(await briefApi(), document);
    const term = rangeOf(document, 'highly likely', 'The ferry operator is highly likely');
    const inside = term.start.translate(0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, inside);
    const text = hoverText(hovers);
    assert.match(text, /highly likely/i, text);
    assert.match(text, /80\D{0,3}90\s*%/, `the hover gives the 80–90% band:\n${text}`);
    assert.match(text, /PHIA|Probability Yardstick/, 'it names the scale');
    const own = hovers.find((h) => /highly likely/i.test(hoverText([h])));
    assert.ok(own?.range?.contains(inside) && own.range.contains(term), 'the hover covers the whole term');
  });

  test('completion after "[^" lists the footnote ids of the Sources section', async () => {
    const uri = await scratch('ferry-service.brief.md');
    const {document} = await open(uri);
    const api = await briefApi();
    // The end of the Summary paragraph, which cites nothing yet.
    const end = rangeOf(document, 'replacement vessel before April 2027.', 'The Orrin Island ferry operator');
    await replace(document, new vscode.Range(end.end, end.end), '[^');
    await waitForStatus(api, document);
    const position = end.end.translate(0, 2);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, '^');
    const footnotes = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).map(labelOf);
    assert.deepEqual(footnotes.sort(), ['budget', 'council-minutes', 'dock-notice']);
    const budget = list.items.find((i) => labelOf(i) === 'budget')!;
    assert.match(String(budget.detail), /Regional Transport Office/);
    // Accepting it closes the citation.
    const edit = budget.textEdit ?? (budget.insertText !== undefined ? vscode.TextEdit.insert(position, String(budget.insertText)) : undefined);
    assert.ok(edit && 'newText' in edit, 'the item carries a text edit');
    await replace(document, edit.range, edit.newText);
    assert.ok(document.lineAt(end.start.line).text.endsWith('replacement vessel before April 2027.[^budget]'), document.lineAt(end.start.line).text);
  });

  test('document symbols outline the sections, each key judgement and the sources', async () => {
    const {document} = await open(fixture('ferry-service.brief.md'));
    await waitForStatus(await briefApi(), document);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const flat = flattenSymbols(symbols);
    const names = flat.map((s) => s.name);
    for (const name of ['Summary', 'Key judgement 1', 'Key judgement 2', 'Sources', '[^dock-notice]', '[^council-minutes]', '[^budget]']) {
      assert.ok(names.includes(name), `the outline has "${name}": ${JSON.stringify(names)}`);
    }
    const kj1 = flat.find((s) => s.name === 'Key judgement 1')!;
    assert.match(kj1.detail, /highly likely/, `Key judgement 1's detail gives its likelihood: ${kj1.detail}`);
    const sources = flat.findIndex((s) => s.name === 'Sources');
    assert.ok(flat[sources + 1].depth > flat[sources].depth, 'the footnotes are nested under Sources');
  });
});
