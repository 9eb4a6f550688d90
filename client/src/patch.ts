/**
 * The patch the extension posts to the preview's webview for a server answer (pure: no
 * `vscode`, tested in test/preview/patch.test.ts). An item the webview shows goes as its id; an
 * item the server sent as moved goes as moved only if the webview shows the item it moved from;
 * anything else with its HTML.
 */
import type {RenderResult} from '../../server/src/protocol.js';
import type {PatchItem, ToWebview} from '../preview-src/messages.js';

/**
 * The webview's patch for `result`, whose items' HTML is in `items` (renderItems), given the ids
 * the webview shows; and the ids it will show once the patch is applied.
 */
export function webviewPatch(result: RenderResult, items: ReadonlyMap<string, string>, shown: ReadonlySet<string>): {patch: Extract<ToWebview, {type: 'patch'}>; shown: Set<string>} {
  const next = new Set<string>();
  const lists = result.lists.map(({name, items: list}) => ({
    name,
    items: list.map(({id, from, shift}): PatchItem => {
      const item: PatchItem =
        shown.has(id) || next.has(id) ? {id} : from !== undefined && shift !== undefined && shown.has(from) ? {id, from, shift} : {id, html: items.get(id)};
      next.add(id);
      return item;
    }),
  }));
  return {patch: {type: 'patch', segments: result.segments, lists, version: result.version}, shown: next};
}
