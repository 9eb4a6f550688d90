/**
 * Messages between the preview webview and the extension, typed once for both sides.
 * The extension validates everything the webview sends (parseFromWebview).
 */

/**
 * One item of a keyed list: new (`html`); the element the webview shows under `from` with every
 * line number in it moved by `shift` (a line was added or removed above it); or, with neither,
 * the element it shows under `id`.
 */
export interface PatchItem {
  id: string;
  html?: string;
  from?: string;
  shift?: number;
}

/** What a patch did to the page's items: parsed from HTML, moved by some lines, or kept as they were. */
export interface PatchCounts {
  parsed: number;
  moved: number;
  kept: number;
}

/** Extension → webview. */
export type ToWebview =
  /**
   * New rendered content; the page keeps its scroll position. The body is `segments[0]` + the
   * items of `lists[0]` + `segments[1]` + …; each list's items are the children of the element
   * with `data-keyed="<name>"`. An item without `html` is an element the webview already
   * shows (see PatchItem); if it has none, it asks for everything (`resync`).
   */
  | {type: 'patch'; segments: string[]; lists: Array<{name: string; items: PatchItem[]}>; version: number}
  /** Scroll so that the block for this 0-based source line is at the top. */
  | {type: 'scrollTo'; line: number};

/** Webview → extension. */
export type FromWebview =
  /** The script is loaded and listening. */
  | {type: 'ready'}
  /** The preview was scrolled by the user: the top block's source line. */
  | {type: 'revealLine'; line: number}
  /** The user clicked (or pressed Enter on) a block: open its source line. */
  | {type: 'openLine'; line: number}
  /** The page shows the content of this document version. */
  | {type: 'rendered'; version: number; items?: PatchCounts}
  /** A patch named an item the page does not have: send every item's HTML. */
  | {type: 'resync'};

const MAX_LINE = 10_000_000;

function isLine(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_LINE;
}

/** Accepts only well-formed messages; anything else from the webview is dropped. */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'resync':
      return {type: m.type};
    case 'revealLine':
    case 'openLine':
      return isLine(m.line) ? {type: m.type, line: m.line} : undefined;
    case 'rendered': {
      if (!(typeof m.version === 'number' && Number.isInteger(m.version) && m.version >= 0)) return undefined;
      const c = m.items as Record<string, unknown> | undefined;
      const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
      const items = c && typeof c === 'object' && count(c.parsed) && count(c.moved) && count(c.kept) ? {parsed: c.parsed as number, moved: c.moved as number, kept: c.kept as number} : undefined;
      return items ? {type: 'rendered', version: m.version, items} : {type: 'rendered', version: m.version};
    }
    default:
      return undefined;
  }
}
