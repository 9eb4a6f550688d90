/** Commands of the extension. Each one is thin: it asks the server or edits text the user chose to change. */
import * as vscode from 'vscode';
import {readFileSync} from 'node:fs';
import type {LanguageClient} from 'vscode-languageclient/node';
import type {PreviewManager} from './preview.js';

export interface CommandDeps {
  client(): LanguageClient | undefined;
  output: vscode.OutputChannel;
  preview: PreviewManager;
  restart(): Promise<void>;
}

/** The body of the `brief` snippet (snippets/brief.code-snippets), which the snippet tests lint. */
export function newBriefTemplate(context: vscode.ExtensionContext): string {
  const snippets = JSON.parse(readFileSync(context.asAbsolutePath('snippets/brief.code-snippets'), 'utf8')) as Record<string, {prefix: string; body: string[] | string}>;
  const brief = Object.values(snippets).find((s) => s.prefix === 'brief');
  if (!brief) throw new Error('the `brief` snippet is missing from snippets/brief.code-snippets');
  return Array.isArray(brief.body) ? brief.body.join('\n') : brief.body;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const register = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  register('brief.newBrief', async () => {
    const doc = await vscode.workspace.openTextDocument({language: 'brief', content: ''});
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(new vscode.SnippetString(newBriefTemplate(context)));
  });

  register('brief.showPreview', () => deps.preview.show(vscode.ViewColumn.Active));
  register('brief.showPreviewToSide', () => deps.preview.show(vscode.ViewColumn.Beside));

  register('brief.fixAll', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'brief') return;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      new vscode.Range(0, 0, editor.document.lineCount, 0),
      'source.fixAll.brief',
    );
    const fixAll = actions?.find((a) => a.kind?.value === 'source.fixAll.brief' && a.edit);
    if (!fixAll?.edit) {
      void vscode.window.setStatusBarMessage('Brief Studio: nothing to fix automatically', 3000);
      return;
    }
    await vscode.workspace.applyEdit(fixAll.edit);
  });

  register('brief.insertSource', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'brief') return;
    const id = await vscode.window.showInputBox({
      title: 'Insert source',
      prompt: 'Footnote id (letters, digits, - and _)',
      validateInput: (v) => (/^[\w-]{1,60}$/.test(v) ? undefined : 'Use letters, digits, - or _ (no spaces).'),
    });
    if (!id) return;
    const text = await vscode.window.showInputBox({title: 'Insert source', prompt: 'Source: publisher, title, date, Admiralty grade', value: 'Publisher, "Title", 2026-01-01. Grade B2.'});
    if (text === undefined) return;
    const doc = editor.document;
    const full = doc.getText();
    const sources = /^#{1,6}\s+(?:sources|references)\s*$/im.exec(full);
    const definition = `[^${id}]: ${text}`;
    await editor.edit((b) => {
      b.insert(editor.selection.active, `[^${id}]`);
      const end = doc.positionAt(full.length);
      const prefix = full.endsWith('\n') ? '' : '\n';
      b.insert(end, sources ? `${prefix}${definition}\n` : `${prefix}\n## Sources\n\n${definition}\n`);
    });
  });

  register('brief.restartServer', () => deps.restart());
  register('brief.showOutput', () => deps.output.show(true));

  register('brief.treatAsBrief', async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc) await vscode.languages.setTextDocumentLanguage(doc, 'brief');
  });

  // Markdown files matching `brief.files` are treated as briefs.
  const adopt = async (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'markdown') return;
    const globs = vscode.workspace.getConfiguration('brief', doc.uri).get<string[]>('files', []);
    if (globs.some((g) => vscode.languages.match({pattern: g}, doc) > 0)) await vscode.languages.setTextDocumentLanguage(doc, 'brief');
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => void adopt(d)));
  for (const d of vscode.workspace.textDocuments) void adopt(d);
}
