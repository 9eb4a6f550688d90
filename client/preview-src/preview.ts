/**
 * The preview's script, running inside the webview (DOM, no Node). It swaps in new
 * content without reloading, keeps the scroll position, and syncs scrolling with the
 * editor both ways through typed messages.
 */
import type {FromWebview, ToWebview} from './messages.js';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('brief-root')!;
/** Set while we scroll because the editor asked, so that the scroll is not echoed back. */
let scrollingFromEditor = 0;
let version = -1;

function blocks(): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-line]'));
}

function lineOf(el: HTMLElement): number {
  return Number(el.dataset.line);
}

/** The block whose source line is the last at or before `line`. */
function blockForLine(line: number): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  for (const el of blocks()) {
    if (lineOf(el) <= line) best = el;
    else break;
  }
  return best ?? blocks()[0];
}

function scrollToLine(line: number) {
  const el = blockForLine(line);
  if (!el) return;
  scrollingFromEditor++;
  window.scrollTo({top: el.getBoundingClientRect().top + window.scrollY - 8});
  setTimeout(() => scrollingFromEditor--, 100);
}

function update(body: string, newVersion: number) {
  if (newVersion < version) return; // never replace fresh content with stale
  version = newVersion;
  const y = window.scrollY;
  root.innerHTML = body; // sanitized by the engine's renderer; the page's CSP runs no inline script or handler
  window.scrollTo({top: y});
  vscode.setState({y, version});
  vscode.postMessage({type: 'rendered', version});
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'update' && typeof m.body === 'string' && typeof m.version === 'number') update(m.body, m.version);
  else if (m.type === 'scrollTo' && typeof m.line === 'number') scrollToLine(m.line);
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  vscode.setState({y: window.scrollY, version});
  if (scrollingFromEditor) return;
  if (scrollTimer !== undefined) clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    const top = blocks().find((el) => el.getBoundingClientRect().bottom > 0);
    if (top) vscode.postMessage({type: 'revealLine', line: lineOf(top)});
  }, 50);
});

function openFrom(target: EventTarget | null) {
  const el = (target as HTMLElement | null)?.closest?.<HTMLElement>('[data-line]');
  if (el && !(target as HTMLElement).closest('a')) vscode.postMessage({type: 'openLine', line: lineOf(el)});
}
root.addEventListener('dblclick', (e) => openFrom(e.target));
root.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') openFrom(e.target);
});

const state = vscode.getState() as {y?: number} | undefined;
if (state?.y) window.scrollTo({top: state.y});
version = Number(root.dataset.version ?? -1);
vscode.postMessage({type: 'ready'});
if (version >= 0) vscode.postMessage({type: 'rendered', version});
