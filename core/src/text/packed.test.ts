import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {mapPacked} from './packed.js';

test('mapPacked gives what map gives, calling the function once per item in order', () => {
  for (const xs of [[], [1], [3, 1, 2], Array.from({length: 100}, (_, i) => i)]) {
    const seen: number[] = [];
    const out = mapPacked(xs, (x) => {
      seen.push(x);
      return {x, twice: x * 2};
    });
    assert.deepEqual(out, xs.map((x) => ({x, twice: x * 2})));
    assert.deepEqual(seen, xs);
  }
});

test('mapPacked makes packed lists, also in the interpreter (where Array.prototype.map makes holey ones)', () => {
  // V8's own view of the arrays, through its test-only natives, in a process of its own.
  const module = fileURLToPath(new URL('./packed.js', import.meta.url));
  const script = `
    const {mapPacked} = await import(${JSON.stringify(module)});
    const kinds = [];
    for (const xs of [[1, 2, 3], [{a: 1}], []]) {
      const out = mapPacked(xs, (x) => ({x}));
      kinds.push(%HasHoleyElements(out) ? 'holey' : 'packed');
    }
    console.log(kinds.join(' '));`;
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], {encoding: 'utf8'});
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'packed packed packed');
});
