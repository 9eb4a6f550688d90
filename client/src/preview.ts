/**
 * The preview panel (extension side). The engine renders the brief (through the
 * server's `brief/render`); the webview script (client/preview-src) swaps the content in
 * without reloading and syncs scrolling both ways. Each request names the last answer, so the
 * server sends only the items (findings, cards, sections) whose HTML changed; this side keeps
 * every item's HTML and sends the webview the ones it does not show yet. Security: CSP `default-src 'none'`,
 * the (inlined) script and style allowed by nonce only, no local resources, and every
 * message from the webview validated.
 */
import * as vscode from 'vscode';
import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import type {LanguageClient} from 'vscode-languageclient/node';
import {RENDER_REQUEST, renderBody, renderItems, type RenderResult} from '../../server/src/protocol.js';
import {parseFromWebview, type PatchCounts, type ToWebview} from '../preview-src/messages.js';
import {webviewPatch} from './patch.js';
import {esc} from '../../core/src/render/escape.js';

export class PreviewManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  private css = '';
  private ready = false;
  /** The last answer from the server, and every item's HTML in it by id (what the next request builds on). */
  private last: RenderResult | undefined;
  private known = new Map<string, string>();
  /** Items the webview shows, by id: a patch sends only the others' HTML. */
  private shown = new Set<string>();
  /** The version of the page's own HTML: what a (re)loaded webview shows until a patch comes. */
  private pageVersion = -1;
  /** Set while the editor scrolls because the preview asked, so that it is not echoed back. */
  private revealing = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<{uri: string; version: number; items?: PatchCounts}>();
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
          this.forget();
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
    this.forget();
    this.panel.onDidDispose(() => (this.panel = undefined), null, this.disposables);
    this.panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw), null, this.disposables);
    this.schedule(0);
  }

  private onMessage(raw: unknown) {
    const m = parseFromWebview(raw);
    if (!m || !this.document) return;
    if (m.type === 'ready' || m.type === 'resync') {
      // A page (re)loaded (a hidden webview is reloaded from its first HTML), or one that lost
      // track: it has no item, so the last answer goes to it whole.
      this.ready = true;
      this.shown.clear();
      if (this.last && (m.type === 'resync' || this.last.version !== this.pageVersion)) this.postPatch(this.last);
    } else if (m.type === 'rendered') {
      this.rendered.fire({uri: this.document.uri.toString(), version: m.version, items: m.items});
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

  private post(message: ToWebview): boolean {
    if (!this.panel || !this.ready) return false;
    void this.panel.webview.postMessage(message);
    return true;
  }

  /** Forget the server's last answer (another document, a new page). */
  private forget() {
    this.last = undefined;
    this.known = new Map();
    this.shown.clear();
    this.pageVersion = -1;
  }

  /** Sends `result` to the webview, with the HTML of the items it does not show yet. */
  private postPatch(result: RenderResult) {
    const {patch, shown} = webviewPatch(result, this.known, this.shown);
    if (this.post(patch)) this.shown = shown;
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
    const request = (previousResultId?: string) =>
      this.client()?.sendRequest<RenderResult | null>(RENDER_REQUEST, {uri: doc.uri.toString(), previousResultId}) ?? Promise.resolve(null);
    let result: RenderResult | null = null;
    let items: Map<string, string> | undefined;
    try {
      result = await request(this.last?.resultId);
      items = result ? renderItems(result, this.known) : undefined;
      if (result && !items) {
        // The answer built on items this side no longer has: ask for all of them.
        result = await request();
        items = result ? renderItems(result, new Map()) : undefined;
      }
    } catch (error) {
      const message = `<p class="brief-error">The preview could not be rendered: ${esc((error as Error).message)}</p>`;
      result = {resultId: '', segments: [message], lists: [], css: '', version: doc.version};
      items = new Map();
    }
    if (!result || !items || panel !== this.panel || doc !== this.document) return;
    this.last = result;
    this.known = items;
    panel.title = `Preview ${doc.uri.path.split('/').pop() ?? ''}`;
    if (!this.css || (result.css && result.css !== this.css)) {
      // First render (or new styles): the page itself, then content by message.
      this.css = result.css ?? '';
      this.ready = false;
      this.pageVersion = result.version;
      panel.webview.html = this.page(panel.webview, this.css, renderBody(result, items), result.version);
      return;
    }
    this.postPatch(result);
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
