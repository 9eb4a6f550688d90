import type {Lexicon} from '../scales/lexicon.js';
import type {SectionAnalysis} from './section.js';
import {ownCopy} from '../text/utf16.js';

/**
 * Section analyses by section text (and lexicon). An edit changes one section's text;
 * every other section is a cache hit. Bounded by the total length of cached text.
 */
export class SectionCache {
  /** Values carry their own key: a hit is looked up with a slice of the new text, which must not become the key. */
  private maps = new WeakMap<Lexicon, Map<string, {key: string; analysis: SectionAnalysis}>>();
  private size = 0;
  hits = 0;
  misses = 0;

  /**
   * `maxChars` bounds the section text kept (an analysis takes some ten times its text in
   * memory). Unchanged sections of an open document are kept by the document itself
   * (`ParseOptions.previous`), so the cache mostly serves undo and other documents.
   */
  constructor(readonly maxChars = 1024 * 1024) {}

  get(text: string, lexicon: Lexicon, compute: (text: string, lexicon: Lexicon) => SectionAnalysis): SectionAnalysis {
    let map = this.maps.get(lexicon);
    if (!map) {
      map = new Map();
      this.maps.set(lexicon, map);
    }
    const found = map.get(text);
    if (found) {
      this.hits++;
      // Refresh recency, under the stored key (the lookup key is a slice of the whole document).
      map.delete(found.key);
      map.set(found.key, found);
      return found.analysis;
    }
    this.misses++;
    // A copy of the section's text: a slice would keep the whole document's text alive, and with it
    // every version the cache has seen (a 1 MB brief grew by ~1 MB per keystroke).
    const own = ownCopy(text);
    const value = compute(own, lexicon);
    map.set(own, {key: own, analysis: value});
    this.size += text.length;
    if (this.size > this.maxChars) {
      for (const key of map.keys()) {
        if (this.size <= this.maxChars / 2) break;
        map.delete(key);
        this.size -= key.length;
      }
    }
    return value;
  }
}

/**
 * A cache that keeps nothing: for a one-shot lint (the CLI without --fix), where no section
 * is seen twice and hashing and copying every section's text would be wasted.
 */
export class NoSectionCache extends SectionCache {
  constructor() {
    super(0);
  }

  override get(text: string, lexicon: Lexicon, compute: (text: string, lexicon: Lexicon) => SectionAnalysis): SectionAnalysis {
    this.misses++;
    return compute(text, lexicon);
  }
}
