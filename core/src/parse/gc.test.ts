/**
 * A parsed (and linted) document that nobody keeps must die in V8's young generation.
 * Two things kept every document alive through each minor GC until a full one — WeakMaps
 * whose values reach their own keys, and an accessor (`get lines()`) on the document
 * object — so every document was copied and promoted: ~20% of a corpus lint went to GC
 * (see parse/slot.ts). This measures the old generation after forced minor GCs: dropped
 * documents must grow it far less than kept ones do. (Either cause put back fails it.)
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import {parseBrief} from './document.js';
import {NoSectionCache} from './cache.js';
import {lintText} from '../linter.js';

v8.setFlagsFromString('--expose-gc');
// Kept documents would teach V8 to allocate the model straight in the old generation (pretenuring),
// which would then count against the dropped ones measured after them.
v8.setFlagsFromString('--no-allocation-site-pretenuring');
const gc = vm.runInNewContext('gc') as (options?: {type: 'minor' | 'major'}) => void;

const EXAMPLE = readFileSync(new URL('../../../../examples/defects.brief.md', import.meta.url), 'utf8');
const TEXTS = Array.from({length: 40}, (_, i) => EXAMPLE.replace('## Summary', `## Summary\n\nRevision ${i}.`));
const cache = new NoSectionCache();

function oldSpace(): number {
  return v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.space_used_size;
}

/** Old-generation growth per document over minor GCs, with the documents dropped or kept. */
function growthPerDocument(make: (text: string) => unknown, keep: boolean): number {
  const kept: unknown[] = [];
  const one = (text: string) => {
    const doc = make(text);
    if (keep) kept.push(doc);
  };
  for (const text of TEXTS) one(text); // warm up: memos, code
  gc();
  gc();
  const before = oldSpace();
  for (const text of TEXTS) {
    one(text);
    gc({type: 'minor'});
    gc({type: 'minor'});
  }
  const growth = (oldSpace() - before) / TEXTS.length;
  kept.length = 0;
  return growth;
}

for (const [name, make] of [
  ['parseBrief', (t: string) => parseBrief(t, {cache})],
  ['lintText', (t: string) => lintText(t, {cache, reuse: false})],
] as const) {
  test(`a document from ${name} that nobody keeps dies in a minor GC`, () => {
    const kept = growthPerDocument(make, true);
    const dropped = growthPerDocument(make, false);
    assert.ok(kept > 20_000, `kept documents should fill the old generation (${kept.toFixed(0)} bytes each)`);
    assert.ok(dropped < kept / 3, `dropped documents grew the old generation by ${dropped.toFixed(0)} bytes each, kept ones by ${kept.toFixed(0)}`);
  });
}
