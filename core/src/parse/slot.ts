/**
 * A value kept with an object of the document model, under a private key: what a WeakMap
 * keyed by the object would hold, without a trap of V8's young-generation GC.
 *
 * V8's minor GC (the scavenger) visits a WeakMap's values as strong references and only
 * then looks at the keys, so a key that its own value reaches (a block -> its section ->
 * the section's blocks; a document -> its sourcing index -> the document) stays alive
 * until a full GC. Every document parsed with such an entry survived each minor GC, was
 * copied and promoted to the old generation, and waited there for a full GC: ~60 KB per
 * small brief, scavenges of ~10 ms every few files, about a fifth of a corpus lint's
 * time in GC. A property on the object itself is an ordinary reference, collected with
 * the object. (gc.test.ts checks that unused documents die young.)
 *
 * The property is non-enumerable: spreads (`{...block}`), `Object.keys`, JSON and
 * `assert.deepStrictEqual` do not see it, so the model reads as before.
 */
export class Slot<K extends object, V> {
  private readonly key: symbol;

  constructor(name: string) {
    this.key = Symbol(name);
  }

  get(owner: K): V | undefined {
    return (owner as Record<symbol, V | undefined>)[this.key];
  }

  /** The value kept with `owner`, made by `make(owner)` and kept the first time (pass a function that closes over nothing: no allocation per call). */
  memo(owner: K, make: (owner: K) => V): V {
    let value = this.get(owner);
    if (value === undefined) this.set(owner, (value = make(owner)));
    return value;
  }

  set(owner: K, value: V): void {
    const o = owner as Record<symbol, V>;
    if (Object.prototype.hasOwnProperty.call(o, this.key)) o[this.key] = value;
    else Object.defineProperty(o, this.key, {value, writable: true, configurable: true, enumerable: false});
  }
}
