// Not a test: types into a large brief in a real VS Code so that ipc-trace.cjs records what VS Code
// asks the server (bench/vscode-recording/record.sh runs it). Bundled only by record.sh.
import * as vscode from 'vscode';
import {briefApi, waitForStatus} from '../../test/vscode/suite/helpers.mjs';
import {middleCursor} from '../cursor.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

suite('Recording', () => {
  test('typing in a large brief', async function () {
    this.timeout(180_000);
    const file = process.env.BRIEF_RECORD_BRIEF;
    if (!file) throw new Error('BRIEF_RECORD_BRIEF names the brief to type in');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document);
    await waitForStatus(await briefApi(), document);
    // Read first, as an analyst would: VS Code's requests after opening settle.
    await sleep(5000);
    // Where the bench types: the middle key judgement's sentence.
    const {line, character} = middleCursor(document.getText());
    const at = new vscode.Position(line, character);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await sleep(3000);
    for (const ch of ' and the wider region of the north') {
      await vscode.commands.executeCommand('type', {text: ch});
      await sleep(120);
    }
    await sleep(4000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
