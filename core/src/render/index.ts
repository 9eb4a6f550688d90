/**
 * The preview renderer's API: `renderBrief` renders a brief to HTML in this thread, parsing
 * each piece it has not seen with unified/remark (markdown.ts) through a cache shared by the
 * process. The page itself is built in page.ts, which needs no parser: the language server
 * builds it the same way from templates parsed in a worker thread.
 */
import type {BriefDocument} from '../parse/document.js';
import type {Finding} from '../rules/types.js';
import {RenderCache} from './markdown.js';
import {renderPage, type RenderOptions, type RenderResult} from './page.js';

export {RenderCache} from './markdown.js';
export {PageMemo, renderPage, renderPieces, type RenderOptions, type RenderResult, type Theme} from './page.js';
export {TemplateCache, type TemplateSource, type Piece} from './template.js';
export {yardstick, summaryCrossCheck, bandText} from './cards.js';
export {CSS as PREVIEW_CSS} from './css.js';

/** The cache `renderBrief` uses unless given another; its `misses` count sections (or pieces of long ones) parsed. */
export const defaultRenderCache = new RenderCache();

/** The brief as a reader will see it, with its findings (see page.ts for the HTML). */
export function renderBrief(doc: BriefDocument, findings: readonly Finding[], options: RenderOptions = {}): RenderResult {
  return renderPage(doc, findings, {...options, cache: options.cache ?? defaultRenderCache});
}
