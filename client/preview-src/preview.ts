/**
 * The preview's script, running inside the webview (DOM, no Node). It swaps in new
 * content without reloading, keeps the scroll position, and syncs scrolling with the
 * editor both ways through typed messages. Content comes as patches: while the frame is the
 * same, only the keyed lists' changed items are replaced, in place (a keystroke in a 1 MB
 * brief: ~40 ms in Chromium against ~1.5 s to parse and lay out the whole body again).
 */
import type {FromWebview, PatchCounts, PatchItem, ToWebview} from './messages.js';

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

/** The elements of the keyed lists, by the id the extension gave their HTML. */
let items = new Map<string, Element>();

/**
 * HTML (sanitized by the engine's renderer; the page's CSP runs no inline script or handler)
 * as nodes, parsed in a template, as innerHTML does: nothing in it runs or loads.
 */
function fragment(html: string): DocumentFragment {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content;
}

/** Each item's element: all parsed at once (one parse is much cheaper than one per item), else one by one. */
function parseAll(htmls: string[]): Array<Element | undefined> {
  if (htmls.length > 1) {
    const all = fragment(htmls.join(''));
    // Each item is one element; if the parser joined or split any, parse them apart.
    if (all.children.length === htmls.length) return Array.from(all.children);
  }
  return htmls.map((html) => fragment(html).firstElementChild ?? undefined);
}

/** The frame (everything but the keyed lists' items) the page shows, when it came from a patch. */
let frameShown: string[] | undefined;

type Patch = Extract<ToWebview, {type: 'patch'}>;

/**
 * Each list's elements, in order (parsed from new HTML, or the element shown under that id), and
 * the elements by id once the patch is applied; undefined when an item names no element shown.
 */
function resolve(m: Patch): {lists: Element[][]; next: Map<string, Element>} | undefined {
  const next = new Map<string, Element>();
  const placed = new Set<Element>();
  const lists: Element[][] = [];
  const parsed = parseAll(m.lists.flatMap((l) => l.items.flatMap((i) => (i.html !== undefined ? [i.html] : []))));
  // How many items of this patch take each element shown: one moved in place must be no other's.
  const uses = new Map<string, number>();
  for (const list of m.lists) for (const item of list.items) if (item.html === undefined) uses.set(item.from ?? item.id, (uses.get(item.from ?? item.id) ?? 0) + 1);
  let p = 0;
  for (const list of m.lists) {
    const children: Element[] = [];
    for (const item of list.items) {
      let el: Element | undefined;
      if (item.html !== undefined) el = parsed[p++];
      else if (item.from !== undefined) {
        el = items.get(item.from);
        if (el && (placed.has(el) || (uses.get(item.from) ?? 0) > 1)) el = el.cloneNode(true) as Element;
        if (el) shiftLines(el, item.shift ?? 0);
      } else el = next.get(item.id) ?? items.get(item.id);
      if (!el) return undefined;
      // The same HTML twice in one page: a copy.
      if (placed.has(el)) el = el.cloneNode(true) as Element;
      placed.add(el);
      next.set(item.id, el);
      children.push(el);
    }
    lists.push(children);
  }
  return {lists, next};
}

/** Moves every line number in `el` (data-line, data-target-line, id="L…", href="#L…") by `shift`: the server's shiftLines on the element. */
function shiftLines(el: Element, shift: number) {
  for (const e of [el, ...el.querySelectorAll('[data-line], [data-target-line], [id^="L"], [href^="#L"]')]) {
    for (const name of ['data-line', 'data-target-line']) {
      const v = e.getAttribute(name);
      if (v !== null && /^\d+$/.test(v)) e.setAttribute(name, String(Number(v) + shift));
    }
    const id = /^L(\d+)$/.exec(e.getAttribute('id') ?? '');
    if (id) e.setAttribute('id', `L${Number(id[1]) + shift}`);
    const href = /^#L(\d+)$/.exec(e.getAttribute('href') ?? '');
    if (href) e.setAttribute('href', `#L${Number(href[1]) + shift}`);
  }
}

function containerOf(parent: ParentNode, name: string): Element | undefined {
  return Array.from(parent.querySelectorAll('[data-keyed]')).find((el) => el.getAttribute('data-keyed') === name);
}

/**
 * Makes `container`'s element children `children` with few DOM moves: elements that stay keep
 * their place (and their layout), the others are removed, new ones inserted where they go.
 */
function reconcile(container: Element, children: Element[]) {
  const keep = new Set(children);
  let kept = 0;
  for (const el of container.children) if (keep.has(el)) kept++;
  // Mostly new: one replacement is cheaper than many moves.
  if (kept < children.length / 2) {
    container.replaceChildren(...children);
    return;
  }
  for (const el of Array.from(container.children)) if (!keep.has(el)) el.remove();
  children.forEach((el, i) => {
    const at = container.children[i];
    if (at !== el) container.insertBefore(el, at ?? null);
  });
}

function patch(m: Patch) {
  if (m.version < version) return; // never replace fresh content with stale
  const sameFrame = frameShown !== undefined && frameShown.length === m.segments.length && frameShown.every((s, i) => s === m.segments[i]);
  // The same frame: only the lists' items change, in place; else a new frame the kept elements move into.
  const frame = sameFrame ? undefined : fragment(m.segments.join(''));
  const containers = m.lists.map((l) => containerOf(frame ?? root, l.name));
  const resolved = containers.some((c, i) => !c && m.lists[i].items.length) ? undefined : resolve(m);
  if (!resolved) {
    vscode.postMessage({type: 'resync'});
    return;
  }
  items = resolved.next;
  const y = window.scrollY;
  resolved.lists.forEach((children, i) => {
    const container = containers[i];
    if (!container) return;
    if (frame) container.replaceChildren(...children);
    else reconcile(container, children);
  });
  if (frame) {
    // Only the new HTML was parsed: the elements kept from the page moved into the new frame.
    root.replaceChildren(frame);
    frameShown = m.segments;
  }
  version = m.version;
  window.scrollTo({top: y});
  vscode.setState({y, version});
  vscode.postMessage({type: 'rendered', version, items: counts(m)});
}

function counts(m: Patch): PatchCounts {
  const all = m.lists.flatMap((l) => l.items);
  const parsed = all.filter((i) => i.html !== undefined).length;
  const moved = all.filter((i) => i.html === undefined && i.from !== undefined).length;
  return {parsed, moved, kept: all.length - parsed - moved};
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'patch' && typeof m.version === 'number' && isPatch(m)) patch(m);
  else if (m.type === 'scrollTo' && typeof m.line === 'number') scrollToLine(m.line);
});

function isPatch(m: {segments?: unknown; lists?: unknown}): m is Extract<ToWebview, {type: 'patch'}> {
  return (
    Array.isArray(m.segments) &&
    m.segments.every((s) => typeof s === 'string') &&
    Array.isArray(m.lists) &&
    m.lists.length === m.segments.length - 1 &&
    m.lists.every(
      (l) =>
        l &&
        typeof l.name === 'string' &&
        Array.isArray(l.items) &&
        l.items.every((i: unknown) => {
          const item = i as PatchItem;
          return (
            !!item &&
            typeof item.id === 'string' &&
            (item.html === undefined || typeof item.html === 'string') &&
            (item.from === undefined || (typeof item.from === 'string' && Number.isInteger(item.shift)))
          );
        }),
    )
  );
}

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
