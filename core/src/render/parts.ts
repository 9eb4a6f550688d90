/**
 * The page body in parts (no imports: the extension and the language server's protocol use it
 * too, without the renderer).
 */

/**
 * The body as a frame and keyed lists: `segments[0] + lists[0].items + segments[1] + … +
 * segments[n]`. Each list's items are elements of one container, the element of the frame
 * with `data-keyed="<name>"` (absent when the list is empty): the findings (each `li`), the
 * judgement cards (each `li.brief-card`) and the sections (each `div.brief-section`), so that
 * a preview can replace only the items whose HTML changed.
 */
export interface PageParts {
  segments: string[];
  lists: Array<{name: string; items: string[]}>;
}

/** The body the parts make. */
export function composeBody(parts: PageParts): string {
  let out = parts.segments[0];
  parts.lists.forEach((list, i) => {
    out += list.items.join('') + parts.segments[i + 1];
  });
  return out;
}
