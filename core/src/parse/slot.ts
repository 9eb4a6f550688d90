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
 * The property is a class private field (`#value`) put on the owner: spreads
 * (`{...block}`), `Object.keys`, JSON, structured clones and `assert.deepStrictEqual` do not
 * see it, so the model reads as before. It is added by a constructor that returns the owner
 * (a base class's constructor may return any object, and the subclass's fields are then
 * defined on it): an inline-cached property definition, about three times faster than
 * `Object.defineProperty` with a symbol once warm (the server), about the same in a fresh
 * process's first files (each slot's class starts in the interpreter) — ~40 ms of a
 * 1,000-brief lint either way (~100,000 values kept, one per block and citation).
 * Every slot's class comes from the one class literal below, so V8 gives them one shared
 * feedback vector, megamorphic once the engine's 16 slots are in use (~70–130 ns a stamp
 * against ~25 for a slot of its own; docs/performance.md, "Next").
 */
export class Slot<K extends object, V> {
  private readonly read: (owner: K) => V | undefined;
  private readonly write: (owner: K, value: V) => void;

  constructor(readonly name: string) {
    // One class per slot: its field is its own private name, and its accesses stay monomorphic.
    class Stamp extends ReturnOwner {
      #value: V;
      constructor(owner: K, value: V) {
        super(owner);
        this.#value = value;
      }
      static read(owner: K): V | undefined {
        return #value in owner ? (owner as unknown as Stamp).#value : undefined;
      }
      static write(owner: K, value: V): void {
        if (#value in owner) (owner as unknown as Stamp).#value = value;
        else new Stamp(owner, value);
      }
    }
    this.read = Stamp.read;
    this.write = Stamp.write;
  }

  get(owner: K): V | undefined {
    return this.read(owner);
  }

  /** The value kept with `owner`, made by `make(owner)` and kept the first time (pass a function that closes over nothing: no allocation per call). */
  memo(owner: K, make: (owner: K) => V): V {
    let value = this.read(owner);
    if (value === undefined) this.write(owner, (value = make(owner)));
    return value;
  }

  set(owner: K, value: V): void {
    this.write(owner, value);
  }
}

/** A base class whose constructor returns the object it is given, so that a subclass's private fields are defined on that object. */
class ReturnOwner {
  constructor(owner: object) {
    return owner;
  }
}
