/**
 * Custom requests and notifications between the Brief Studio server and its clients.
 * Typed once here, as method names and plain types (no runtime imports), so that the
 * server and the VS Code client — which use different builds of the protocol
 * library — share one definition.
 */
import type {JudgementSummary} from '../../core/src/service/index.js';
import {composeBody} from '../../core/src/render/parts.js';

export interface BriefSettings {
  /** Lint briefs at all. */
  enable: boolean;
  /** Scale used when neither the front matter nor .briefrc.yaml names one. */
  scale?: string;
  /** Rule levels, applied under the .briefrc.yaml (the team's file wins). */
  rules?: Record<string, 'off' | 'hint' | 'info' | 'warning' | 'error'>;
  /** Lint while typing (true) or only on open and save (false). */
  lintOnType: boolean;
  /** Require a reason in brief-disable comments (when no config file says otherwise). */
  requireSuppressionReason?: boolean;
  /** Milliseconds to wait after a keystroke before publishing diagnostics (push model). */
  debounceMs: number;
}

export const DEFAULT_SETTINGS: BriefSettings = {
  enable: true,
  lintOnType: true,
  debounceMs: 100,
};

export interface JudgementsParams {
  uri: string;
}

/** A key judgement as the preview shows it: the engine's summary plus its 0-based line. */
export interface JudgementInfo extends JudgementSummary {
  line: number;
}

/** Request `brief/judgements` (JudgementsParams → JudgementInfo[] | null): the key judgements of a document, with their bands (for the preview). */
export const JUDGEMENTS_REQUEST = 'brief/judgements';

export interface StatusParams {
  uri: string;
  version: number | null;
  scale: string;
  scaleName: string;
  scaleOrigin: 'front-matter' | 'config' | 'default';
  counts: {error: number; warning: number; info: number; hint: number};
  /** Config files in effect (absolute paths), most specific last. */
  configFiles: string[];
  /** Milliseconds the analysis took. */
  elapsedMs: number;
}

/** Notification `brief/status` (StatusParams): sent after each analysis of an open document, for the status item. */
export const STATUS_NOTIFICATION = 'brief/status';

export interface RenderParams {
  uri: string;
  /**
   * The `resultId` of the last answer the client holds for this document: the items whose HTML
   * it holds then come as their id alone.
   */
  previousResultId?: string;
}

/**
 * One item of a keyed list. With `html`: new. With `from` and `shift`: the item the client holds
 * under `from` with every line number in it moved by `shift` (`shiftLines`), as when a line was
 * added above it. With neither: the item the client holds under `id`.
 */
export interface RenderItem {
  id: string;
  html?: string;
  from?: string;
  shift?: number;
}

/**
 * A start tag. The renderer's text never holds a raw `<` (it is written `&lt;`) and its attribute
 * values never a raw `"`, so this finds the tags only, whatever the brief says.
 */
const TAG = /<[a-zA-Z][^<>"]*(?:"[^"]*"[^<>"]*)*>/g;
/** In a tag: the attributes that hold a line number (the webview's shiftLines moves the same ones). */
const LINE_ATTRIBUTE = /( (?:data-line|data-target-line)="| id="L| href="#L)(\d+)"/g;

/** The same, for exec() from the start of one tag (LINE_ATTRIBUTE is global, for replace). */
const FIRST_LINE_ATTRIBUTE = new RegExp(LINE_ATTRIBUTE.source);

function mapLines(html: string, map: (line: number) => number): string {
  return html.replace(TAG, (tag) => (tag.includes('="') ? tag.replace(LINE_ATTRIBUTE, (_, attribute: string, n: string) => `${attribute}${map(Number(n))}"`) : tag));
}

/** `html` with every line number in its attributes (`data-line`, `data-target-line`, `id="L…"`, `href="#L…"`) moved by `shift`. */
export function shiftLines(html: string, shift: number): string {
  return mapLines(html, (line) => line + shift);
}

/** The first line number in `html`'s attributes; undefined when it has none. */
export function firstLine(html: string): number | undefined {
  for (const tag of html.matchAll(TAG)) {
    if (!tag[0].includes('="')) continue;
    const hit = FIRST_LINE_ATTRIBUTE.exec(tag[0]);
    if (hit) return Number(hit[2]);
  }
  return undefined;
}

export interface RenderResult {
  /** Name this answer in the next request to get only what changed. */
  resultId: string;
  /**
   * The sanitized HTML of the brief's body (judgement cards, findings; every block carries
   * data-line) as a frame and keyed lists: segments[0] + the items of lists[0] + segments[1] + …
   * Each list's items are the children of the frame's element with `data-keyed="<name>"`.
   */
  segments: string[];
  lists: Array<{name: string; items: RenderItem[]}>;
  /** The renderer's stylesheet; absent when the request named the last answer (it has not changed since). */
  css?: string;
  /** Document version the HTML was rendered from. */
  version: number;
}

/**
 * Every item's HTML, from the answer itself or from `known` (the items of the answer its request
 * named, by id); undefined when an item is in neither (the client must ask again, naming none).
 */
export function renderItems(result: Pick<RenderResult, 'lists'>, known: ReadonlyMap<string, string>): Map<string, string> | undefined {
  const items = new Map<string, string>();
  const held = (id: string) => items.get(id) ?? known.get(id);
  for (const list of result.lists) {
    for (const item of list.items) {
      let html = item.html;
      if (html === undefined && item.from === undefined) html = held(item.id);
      else if (html === undefined) {
        const from = held(item.from!);
        html = from === undefined || item.shift === undefined ? undefined : shiftLines(from, item.shift);
      }
      if (html === undefined) return undefined;
      items.set(item.id, html);
    }
  }
  return items;
}

/** The body an answer makes, its items' HTML from `items` (see renderItems). */
export function renderBody(result: Pick<RenderResult, 'segments' | 'lists'>, items: ReadonlyMap<string, string>): string {
  return composeBody({segments: result.segments, lists: result.lists.map((l) => ({name: l.name, items: l.items.map((i) => items.get(i.id) ?? '')}))});
}

/** Request `brief/render` (RenderParams → RenderResult | null): the preview's content, rendered by the engine. */
export const RENDER_REQUEST = 'brief/render';
