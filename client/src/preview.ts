/**
 * The preview panel (extension side). The engine renders the brief (through the
 * server's `brief/render`); the webview script (client/preview-src) swaps the content in
 * without reloading and syncs scrolling both ways. Security: CSP `default-src 'none'`,
 * the (inlined) script and style allowed by nonce only, no local resources, and every
 * message from the webview validated.
 */
import * as vscode from 'vscode';
import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import type {LanguageClient} from 'vscode-languageclient/node';
import {RENDER_REQUEST, type RenderResult} from '../../server/src/protocol.js';
import {parseFromWebview, type ToWebview} from '../preview-src/messages.js';
import {esc} from '../../core/src/render/escape.js';

export class PreviewManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  private css = '';
  private ready = false;
  /** Set while the editor scrolls because the preview asked, so that it is not echoed back. */
  private revealing = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<{uri: string; version: number}>();
  /** Fires when the webview shows a document version (tests wait on it). */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.schedule(150);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor?.document.languageId === 'brief' && editor.document !== this.document) {
          this.document = editor.document;
          this.css = '';
          this.schedule(0);
        }
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (!this.panel || e.textEditor.document !== this.document || this.revealing) return;
        const line = e.visibleRanges[0]?.start.line;
        if (line !== undefined) this.post({type: 'scrollTo', line});
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
    if (this.panel) {
      this.panel.reveal(column, true);
      this.schedule(0);
      return;
    }
    this.panel = vscode.window.createWebviewPanel('brief.preview', 'Brief Preview', {viewColumn: column, preserveFocus: true}, {
      enableScripts: true,
      // The script is inlined (nonce'd): the page loads no resource at all.
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    this.ready = false;
    this.css = '';
    this.panel.onDidDispose(() => (this.panel = undefined), null, this.disposables);
    this.panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw), null, this.disposables);
    this.schedule(0);
  }

  private onMessage(raw: unknown) {
    const m = parseFromWebview(raw);
    if (!m || !this.document) return;
    if (m.type === 'ready') {
      this.ready = true;
    } else if (m.type === 'rendered') {
      this.rendered.fire({uri: this.document.uri.toString(), version: m.version});
    } else if (m.type === 'revealLine' || m.type === 'openLine') {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
      const line = Math.min(m.line, this.document.lineCount - 1);
      const range = new vscode.Range(line, 0, line, 0);
      if (m.type === 'openLine') {
        void vscode.window.showTextDocument(this.document, {selection: range, viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One});
      } else if (editor) {
        this.revealing = true;
        editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
        setTimeout(() => (this.revealing = false), 100);
      }
    }
  }

  private post(message: ToWebview) {
    if (this.panel && this.ready) void this.panel.webview.postMessage(message);
  }

  private schedule(delay: number) {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), delay);
  }

  private async render() {
    const panel = this.panel;
    const doc = this.document;
    if (!panel || !doc) return;
    let result: RenderResult | null = null;
    try {
      result = (await this.client()?.sendRequest<RenderResult | null>(RENDER_REQUEST, {uri: doc.uri.toString()})) ?? null;
    } catch (error) {
      result = {body: `<p class="brief-error">The preview could not be rendered: ${esc((error as Error).message)}</p>`, css: '', version: doc.version};
    }
    if (!result || panel !== this.panel) return;
    panel.title = `Preview ${doc.uri.path.split('/').pop() ?? ''}`;
    if (!this.css || (result.css && result.css !== this.css)) {
      // First render (or new styles): the page itself, then content by message.
      this.css = result.css;
      this.ready = false;
      panel.webview.html = this.page(panel.webview, result.css, result.body, result.version);
      return;
    }
    this.post({type: 'update', body: result.body, version: result.version});
  }

  private page(webview: vscode.Webview, css: string, body: string, version: number): string {
    const nonce = randomBytes(16).toString('base64');
    const csp = `default-src 'none'; img-src ${webview.cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${css}</style><title>Brief Preview</title></head>
<body><main id="brief-root" data-version="${version}">${body}</main><script nonce="${nonce}">${this.script()}</script></body></html>`;
  }

  private scriptText: string | undefined;

  /** The webview script (dist/preview.js), inlined so that the page needs no resource loading. */
  private script(): string {
    this.scriptText ??= readFileSync(this.context.asAbsolutePath('dist/preview.js'), 'utf8').replace(/<\/script/gi, '<\\/script');
    return this.scriptText;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    this.rendered.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
