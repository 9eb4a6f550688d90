/**
 * What the server sends for a preview (`brief/render`): the page's keyed lists, each item as
 * little as the client needs. The server keeps, per document, the last answer's items by their
 * HTML. A request naming that answer gets
 * - an item with the same HTML as its id alone;
 * - an item (of 1 kB or more) that is the held item at the same place in the same list with
 *   every line number moved by the same amount (a line was added or removed above it) as
 *   `{from, shift}`, checked by making it: a section after an Enter above it is ~40 bytes
 *   instead of its whole HTML. Only the same place is tried: a section or card that changed
 *   place in its list also changed its `data-section` or `data-judgement` index, so it is no
 *   longer a held item moved;
 * - any other item whole.
 */
import {firstLine, shiftLines, type RenderItem, type RenderResult} from './protocol.js';
import type {PageParts} from '../../core/src/render/parts.js';

/** Items shorter than this go whole rather than as moved (a finding's line, a short card). */
const MIN_MOVED = 1024;

interface Held {
  id: string;
  /** The item's first line number. */
  base: number;
  html: string;
}

interface Answer {
  resultId: string;
  /** Item ids by HTML. */
  ids: Map<string, string>;
  /** The items of MIN_MOVED or more that hold line numbers, by id. */
  lined: Map<string, Held>;
  /** Each list's item ids, in order. */
  order: Map<string, string[]>;
}

export class PreviewAnswers {
  private last = new Map<string, Answer>();
  private results = 0;
  private items = 0;

  /** The answer for `uri`'s page, as a change to the answer `previousResultId` names when that is the last one sent. */
  answer(uri: string, previousResultId: string | undefined, parts: PageParts): Pick<RenderResult, 'resultId' | 'lists'> & {incremental: boolean} {
    const last = this.last.get(uri);
    const holds = last && previousResultId !== undefined && previousResultId === last.resultId ? last : undefined;
    const next: Answer = {resultId: String(++this.results), ids: new Map(), lined: new Map(), order: new Map()};
    const lists = parts.lists.map(({name, items}) => {
      const order: string[] = [];
      next.order.set(name, order);
      const heldOrder = holds?.order.get(name);
      return {
        name,
        items: items.map((html, index): RenderItem => {
          const known = next.ids.get(html) ?? holds?.ids.get(html);
          if (known !== undefined) {
            next.ids.set(html, known);
            order.push(known);
            // Under this answer's string (equal to the held one), so that only one copy is kept.
            const held = holds?.lined.get(known);
            if (held && !next.lined.has(known)) next.lined.set(known, held.html === html ? held : {...held, html});
            return {id: known};
          }
          const id = String(++this.items);
          next.ids.set(html, id);
          order.push(id);
          const base = html.length >= MIN_MOVED ? firstLine(html) : undefined;
          if (base === undefined) return {id, html};
          next.lined.set(id, {id, base, html});
          const same = heldOrder && index < heldOrder.length ? holds!.lined.get(heldOrder[index]) : undefined;
          // Checked by making it as the client will: the held item moved by the difference of first lines is this one.
          if (same && same.base !== base && shiftLines(same.html, base - same.base) === html) return {id, from: same.id, shift: base - same.base};
          return {id, html};
        }),
      };
    });
    this.last.set(uri, next);
    return {resultId: next.resultId, lists, incremental: holds !== undefined};
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
