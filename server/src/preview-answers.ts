/**
 * What the server sends for a preview (`brief/render`): the page's keyed lists, each item as
 * little as the client needs. The server keeps, per document, the last answer's items by their
 * HTML. A request naming that answer gets
 * - an item with the same HTML as its id alone;
 * - an item (of 1 kB or more) that is a held one with every line number moved by the same
 *   amount (a line was added or removed above it) as `{from, shift}`, checked by making it: a
 *   section after an Enter above it is ~40 bytes instead of its whole HTML;
 * - any other item whole.
 */
import {lineShape, shiftLines, type RenderItem, type RenderResult} from './protocol.js';
import type {PageParts} from '../../core/src/render/parts.js';
import {hash64} from '../../core/src/baseline.js';

/** Items shorter than this go whole rather than as moved (a finding's line, a short card). */
const MIN_MOVED = 1024;

interface Shaped {
  id: string;
  /** The item's first line number. */
  base: number;
  /** A hash of its HTML with every line number relative to `base` (a move is checked by making it). */
  shape: string;
  html: string;
}

interface Answer {
  resultId: string;
  /** Item ids by HTML. */
  ids: Map<string, string>;
  /** The items of MIN_MOVED or more that hold line numbers, by id and by shape hash. */
  shaped: Map<string, Shaped>;
  byShape: Map<string, Shaped>;
}

export class PreviewAnswers {
  private last = new Map<string, Answer>();
  private results = 0;
  private items = 0;

  /** The answer for `uri`'s page, as a change to the answer `previousResultId` names when that is the last one sent. */
  answer(uri: string, previousResultId: string | undefined, parts: PageParts): Pick<RenderResult, 'resultId' | 'lists'> & {incremental: boolean} {
    const last = this.last.get(uri);
    const holds = last && previousResultId !== undefined && previousResultId === last.resultId ? last : undefined;
    const next: Answer = {resultId: String(++this.results), ids: new Map(), shaped: new Map(), byShape: new Map()};
    const keep = (s: Shaped) => {
      next.shaped.set(s.id, s);
      if (!next.byShape.has(s.shape)) next.byShape.set(s.shape, s);
    };
    const lists = parts.lists.map(({name, items}) => ({
      name,
      items: items.map((html): RenderItem => {
        const known = next.ids.get(html) ?? holds?.ids.get(html);
        if (known !== undefined) {
          next.ids.set(html, known);
          // Under this answer's string (equal to the held one), so that only one copy is kept.
          const s = holds?.shaped.get(known);
          if (s && !next.shaped.has(known)) keep(s.html === html ? s : {...s, html});
          return {id: known};
        }
        const id = String(++this.items);
        next.ids.set(html, id);
        const line = html.length >= MIN_MOVED ? lineShape(html) : undefined;
        if (!line) return {id, html};
        // The baseline's 64-bit hash (with the length): a key far smaller than the shape.
        const shape = `${line.shape.length}:${hash64(line.shape)}`;
        keep({id, base: line.base, shape, html});
        const from = holds?.byShape.get(shape);
        // Checked by making it as the client will: the shape is known by its hash only.
        if (from && from.base !== line.base && shiftLines(from.html, line.base - from.base) === html) return {id, from: from.id, shift: line.base - from.base};
        return {id, html};
      }),
    }));
    this.last.set(uri, next);
    return {resultId: next.resultId, lists, incremental: holds !== undefined};
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
