/**
 * Property-based tests of the engine: never throws, ranges inside the text, fixes
 * that do not overlap and do what they say, and the section cache agrees with a
 * fresh parse. Bounded for CI; `npm run fuzz` runs the same properties longer.
 */
import {describe, test} from 'node:test';
import {engineProperties} from './properties.js';
import {assertProperty} from './run.js';

describe('engine properties (fast-check)', () => {
  for (const p of engineProperties) {
    test(p.name, () => assertProperty(p));
  }
});
