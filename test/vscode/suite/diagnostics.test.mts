import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  briefApi, briefDiagnostics, closeAllEditors, codeOf, fixture, open, rangeOf, replace, scratch, waitForDiagnostics, waitForStatus,
} from './helpers.mjs';

const has = (code: string, n = 1) => (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === code).length >= n;

suite('Diagnostics', () => {
  teardown(closeAllEditors);

  test('a brief with defects gets diagnostics with source "brief", the rule as code and a link to its docs', async () => {
    const uri = fixture('weather-station.brief.md');
    const {document} = await open(uri);
    const diagnostics = await waitForDiagnostics(uri, 'the five findings of the weather-station brief', (ds) => ds.length >= 5);
    const codes = diagnostics.map(codeOf).sort();
    assert.deepEqual(codes, ['judgement-no-timeframe', 'source-unused', 'term-off-scale', 'term-off-scale', 'vague-hedge']);
    for (const d of diagnostics) {
      assert.equal(d.source, 'brief');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, `${codeOf(d)} is a warning`);
      const code = d.code as {value: string; target: vscode.Uri};
      assert.ok(code.target?.toString().includes(code.value), `${code.value} links to its rule docs (${code.target})`);
    }
    const offScale = diagnostics.filter((d) => codeOf(d) === 'term-off-scale');
    for (const d of offScale) assert.equal(document.getText(d.range), 'very likely');
    assert.match(offScale[0].message, /‘very likely’ is not on this brief's scale.*‘highly likely’/);
    const hedge = diagnostics.find((d) => codeOf(d) === 'vague-hedge')!;
    assert.equal(document.getText(hedge.range), 'might');

    // The language status item's counts come from the same analysis.
    const status = await waitForStatus(await briefApi(), document);
    assert.deepEqual(status.counts, {error: 0, warning: 5, info: 0, hint: 0});
  });

  test('a clean brief has no diagnostics', async () => {
    const uri = fixture('ferry-service.brief.md');
    const {document} = await open(uri);
    const status = await waitForStatus(await briefApi(), document);
    assert.equal(status.counts.warning + status.counts.error + status.counts.info + status.counts.hint, 0);
    assert.deepEqual(briefDiagnostics(uri), []);
  });

  test('a diagnostic appears while typing and clears on undo', async () => {
    const uri = await scratch('ferry-service.brief.md');
    const editor = await open(uri);
    const api = await briefApi();
    await waitForStatus(api, editor.document);
    assert.deepEqual(briefDiagnostics(uri), [], 'the copy starts clean');

    // Select "highly likely" in Key Judgement 1 and type over it, key by key.
    const target = rangeOf(editor.document, 'highly likely', 'The ferry operator is highly likely');
    editor.selection = new vscode.Selection(target.start, target.end);
    for (const ch of 'very likely') await vscode.commands.executeCommand('type', {text: ch});
    assert.equal(editor.document.lineAt(target.start.line).text, 'The ferry operator is very likely to cancel its Tuesday crossings for the rest of this winter.');

    const [d] = (await waitForDiagnostics(uri, 'term-off-scale after typing "very likely"', has('term-off-scale'))).filter((x) => codeOf(x) === 'term-off-scale');
    assert.equal(editor.document.getText(d.range), 'very likely');
    assert.equal(d.range.start.line, target.start.line);

    while (editor.document.isDirty) await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.lineAt(target.start.line).text, 'The ferry operator is highly likely to cancel its Tuesday crossings for the rest of this winter.');
    // Clean again (intermediate states while typing, such as "is ver to", had other findings).
    await waitForDiagnostics(uri, 'no diagnostics after undo', (ds) => ds.length === 0);
  });

  test('typing that moves no finding keeps every diagnostic in place; a line added above moves them', async () => {
    const uri = await scratch('weather-station.brief.md');
    const editor = await open(uri);
    const before = await waitForDiagnostics(uri, 'the five findings of the weather-station brief', (ds) => ds.length === 5);
    const where = (ds: vscode.Diagnostic[]) => ds.map((d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();

    // A word typed into an evidence line with no finding after it: the server answers the pull "unchanged".
    const at = rangeOf(editor.document, 'Kettle Point readings', 'Forecasters rely on Kettle Point readings').start;
    await replace(editor.document, new vscode.Range(at, at), 'hourly ');
    await waitForStatus(await briefApi(), editor.document);
    await new Promise((r) => setTimeout(r, 500)); // let the client apply its answer to the pull
    assert.deepEqual(where(briefDiagnostics(uri)), where(before));
    for (const d of briefDiagnostics(uri).filter((x) => codeOf(x) === 'term-off-scale')) assert.equal(editor.document.getText(d.range), 'very likely');

    // A line added under the title: every finding moves down one line.
    const title = rangeOf(editor.document, '# Closure of the Kettle Point Weather Station').end;
    await replace(editor.document, new vscode.Range(title, title), '\n');
    const moved = await waitForDiagnostics(uri, 'the findings one line down', (ds) => ds.length === 5 && ds.every((d) => d.range.start.line > 0) && where(ds).join() !== where(before).join());
    assert.deepEqual(
      moved.map((d) => d.range.start.line).sort((a, b) => a - b),
      before.map((d) => d.range.start.line + 1).sort((a, b) => a - b),
    );
    for (const d of moved.filter((x) => codeOf(x) === 'term-off-scale')) assert.equal(editor.document.getText(d.range), 'very likely');
    assert.equal(editor.document.getText(moved.find((x) => codeOf(x) === 'vague-hedge')!.range), 'might');
  });

  test('the preferred quick fix replaces an off-scale term and clears the diagnostic', async () => {
    const uri = await scratch('ferry-service.brief.md');
    const {document} = await open(uri);
    const original = document.getText();
    await waitForStatus(await briefApi(), document);

    const target = rangeOf(document, 'highly likely', 'The ferry operator is highly likely');
    await replace(document, target, 'very likely');
    const diagnostics = await waitForDiagnostics(uri, 'term-off-scale after the edit', has('term-off-scale'));
    const d = diagnostics.find((x) => codeOf(x) === 'term-off-scale')!;

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, `one preferred fix among: ${actions.map((a) => a.title).join(' | ')}`);
    const fix = preferred[0];
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), 'it is a quick fix');
    assert.match(fix.title, /^Replace with ‘highly likely’/);
    assert.ok(actions.some((a) => /^Disable term-off-scale for this line/.test(a.title)), 'a disable-line action is offered too');

    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)), 'the fix applies');
    assert.equal(document.getText(), original, 'the fix restores the original wording');
    await waitForDiagnostics(uri, 'no diagnostics after the quick fix', (ds) => ds.length === 0);
  });

  test('"Fix all term-off-scale problems" comes to the light bulb without its edit, which VS Code resolves when it is chosen', async () => {
    const uri = await scratch('weather-station.brief.md');
    const {document} = await open(uri);
    const diagnostics = await waitForDiagnostics(uri, 'the two off-scale terms', has('term-off-scale', 2));
    const d = diagnostics.find((x) => codeOf(x) === 'term-off-scale')!;
    const title = 'Fix all term-off-scale problems in this file';
    // No kind: what the light bulb asks on a cursor move. The whole-document edit is not sent then.
    const offered = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range);
    const lazy = offered.find((a) => a.title === title);
    assert.ok(lazy, `offered among: ${offered.map((a) => a.title).join(' | ')}`);
    assert.equal(lazy.edit, undefined, 'no edit until chosen');
    // Resolved (what choosing it does), it has the edit, and the edit fixes both terms.
    const resolved = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, undefined, 100);
    const fixAll = resolved.find((a) => a.title === title)!;
    assert.ok(fixAll.edit && (await vscode.workspace.applyEdit(fixAll.edit)), 'the resolved edit applies');
    assert.equal((document.getText().match(/very likely/g) ?? []).length, 0);
    await waitForDiagnostics(uri, 'no term-off-scale after fixing all', (ds) => !ds.some((x) => codeOf(x) === 'term-off-scale'));
  });
});
