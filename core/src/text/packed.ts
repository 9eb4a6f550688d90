/**
 * `xs.map(f)` into an array V8 keeps "packed" (no holes), whoever calls it.
 *
 * `Array.prototype.map` gives a holey array when it runs as V8's built-in (the interpreter's
 * calls, a fresh process's first files) and a packed one when TurboFan has inlined it, so the
 * model's lists (a section's blocks, definitions…) came in four hidden classes (holey or
 * packed, empty or not). Optimised code that had met some of them was thrown away on meeting
 * another ("wrong map" deoptimisations in a 1,000-brief lint) and recompiled, and loops over
 * the lists stayed polymorphic. Built by `push`, every list is packed: one class when it holds
 * objects, one while empty.
 */
export function mapPacked<T, U>(xs: readonly T[], f: (x: T) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]));
  return out;
}
