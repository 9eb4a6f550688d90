import type {Lexicon} from '../scales/lexicon.js';
import type {SectionAnalysis} from './section.js';

/**
 * Section analyses by section text (and lexicon). An edit changes one section's text;
 * every other section is a cache hit. Bounded by the total length of cached text.
 */
export class SectionCache {
  private maps = new WeakMap<Lexicon, Map<string, SectionAnalysis>>();
  private size = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxChars = 64 * 1024 * 1024) {}

  get(text: string, lexicon: Lexicon, compute: (text: string, lexicon: Lexicon) => SectionAnalysis): SectionAnalysis {
    let map = this.maps.get(lexicon);
    if (!map) {
      map = new Map();
      this.maps.set(lexicon, map);
    }
    const found = map.get(text);
    if (found) {
      this.hits++;
      // Refresh recency.
      map.delete(text);
      map.set(text, found);
      return found;
    }
    this.misses++;
    const value = compute(text, lexicon);
    map.set(text, value);
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
