import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Slot} from './slot.js';

test('a slot keeps a value with its owner, out of sight of keys, JSON, spreads and deep equality', () => {
  const slot = new Slot<object, {n: number}>('test');
  const owner = {a: 1};
  assert.equal(slot.get(owner), undefined);
  slot.set(owner, {n: 1});
  assert.deepEqual(slot.get(owner), {n: 1});
  slot.set(owner, {n: 2});
  assert.deepEqual(slot.get(owner), {n: 2});
  assert.deepEqual(Object.keys(owner), ['a']);
  assert.deepEqual(Reflect.ownKeys(owner), ['a']);
  assert.equal(JSON.stringify(owner), '{"a":1}');
  assert.deepStrictEqual(owner, {a: 1});
  // A copy or an object made from it as a prototype does not carry it.
  assert.equal(slot.get({...owner}), undefined);
  assert.equal(slot.get(Object.create(owner) as object), undefined);
  assert.equal(slot.get(structuredClone(owner)), undefined);
});

test('slots are independent, and memo makes a value once', () => {
  const first = new Slot<object, string>('first');
  const second = new Slot<object, string>('second');
  const owner = {};
  first.set(owner, 'one');
  assert.equal(second.get(owner), undefined);
  let made = 0;
  const make = (o: object) => {
    made++;
    return o === owner ? 'two' : 'other';
  };
  assert.equal(second.memo(owner, make), 'two');
  assert.equal(second.memo(owner, make), 'two');
  assert.equal(made, 1);
  assert.equal(first.get(owner), 'one');
});

test('a frozen owner keeps a value too (a private field is not a property)', () => {
  const slot = new Slot<object, number>('frozen');
  const owner = Object.freeze({a: 1});
  slot.set(owner, 1);
  assert.equal(slot.get(owner), 1);
  assert.deepEqual(Reflect.ownKeys(owner), ['a']);
});
