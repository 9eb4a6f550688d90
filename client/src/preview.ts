/**
 * The preview panel: a webview beside the editor showing the brief's key judgements
 * on the probability yardstick. Strict CSP (default-src 'none', nonce'd styles), all
 * text escaped, no scripts from the brief. Issue 5 replaces the body with the engine's
 * full renderer.
 */
import * as vscode from 'vscode';
import {randomBytes} from 'node:crypto';
import type {LanguageClient} from 'vscode-languageclient/node';
import {JUDGEMENTS_REQUEST, type JudgementInfo} from '../../server/src/protocol.js';

export class PreviewManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor?.document.languageId === 'brief') {
          this.document = editor.document;
          this.schedule();
        }
      }),
    );
  }

  /** The open panel, for tests. */
  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  show(column: vscode.ViewColumn): void {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'brief') this.document = editor.document;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('brief.preview', 'Brief Preview', {viewColumn: column, preserveFocus: true}, {
        enableScripts: false,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined), null, this.disposables);
    } else {
      this.panel.reveal(column, true);
    }
    void this.render();
  }

  private schedule() {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), 300);
  }

  private async render() {
    const panel = this.panel;
    const doc = this.document;
    if (!panel || !doc) return;
    let judgements: JudgementInfo[] = [];
    try {
      judgements = (await this.client()?.sendRequest<JudgementInfo[] | null>(JUDGEMENTS_REQUEST, {uri: doc.uri.toString()})) ?? [];
    } catch {
      judgements = [];
    }
    panel.title = `Preview ${doc.uri.path.split('/').pop() ?? ''}`;
    panel.webview.html = html(judgements, doc.uri.path.split('/').pop() ?? 'brief');
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!);
}

function html(judgements: JudgementInfo[], name: string): string {
  const nonce = randomBytes(16).toString('base64');
  const cards = judgements
    .map((j) => {
      const l = j.likelihood;
      const bar = l
        ? `<div class="bar" role="img" aria-label="${escape(`${l.term}: ${l.label}`)}"><div class="band" style="left:${l.band[0]}%;width:${Math.max(1, l.band[1] - l.band[0])}%"></div></div>`
        : '<p class="missing">No likelihood stated</p>';
      return `<section class="card" data-line="${j.line}"><h2>${escape(j.name)}</h2><p>${escape(j.text)}</p>${bar}<p class="meta">${l ? escape(`${l.phrase} · ${l.label}${l.onScale ? '' : ' (not on this scale)'}`) : ''}${j.timeframe ? ` · ${escape(j.timeframe)}` : ''} · ${j.evidenceCount} evidence, ${j.sourcedEvidenceCount} sourced</p></section>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';">
<style nonce="${nonce}">
body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:0 1em}
.card{border:1px solid var(--vscode-panel-border);border-radius:6px;padding:.5em 1em;margin:1em 0}
.bar{position:relative;height:10px;background:var(--vscode-editorWidget-background);border:1px solid var(--vscode-panel-border)}
.band{position:absolute;top:0;bottom:0;background:var(--vscode-charts-blue)}
.meta{opacity:.8;font-size:.9em}.missing{color:var(--vscode-errorForeground)}
</style><title>${escape(name)}</title></head><body><h1>${escape(name)}</h1>${cards || '<p>No key judgements found.</p>'}</body></html>`;
}
