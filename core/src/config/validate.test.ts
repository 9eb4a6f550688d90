import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseDocument} from 'yaml';
import {SchemaValidator, type JsonSchema} from './validate.js';
import {didYouMean, editDistance} from './suggest.js';
import {dirname, join, normalize, relative, resolve, ancestors, basename, isAbsolute} from './paths.js';

function check(yaml: string, schema: JsonSchema) {
  const doc = parseDocument(yaml);
  const v = new SchemaValidator(schema, doc);
  const r = v.validate(doc.contents, schema);
  return {ok: r.ok, value: r.value, messages: v.issues.map((i) => i.message), ranges: v.issues.map((i) => yaml.slice(i.range[0], i.range[1]))};
}

test('validator: type, enum, minimum/maximum, with the offending text as range', () => {
  const schema = {type: 'object', properties: {n: {type: 'integer', minimum: 1, maximum: 5}, e: {enum: ['a', 'b']}, s: {type: 'string'}}, additionalProperties: false};
  const r = check('n: 9\ne: c\ns: [x]\nz: 1\n', schema);
  assert.deepEqual(r.ranges, ['9', 'c', '[x]', 'z']);
  assert.match(r.messages[0], /"n" must be at most 5 \(got 9\)/);
  assert.match(r.messages[1], /"e" must be one of "a", "b" \(got "c"\)/);
  assert.match(r.messages[2], /"s" must be a string, not a list/);
  assert.match(r.messages[3], /Unknown key "z"/);
  assert.deepEqual(r.value, {});
});

test('validator: items (list and tuple), minItems/maxItems, additionalProperties as a schema', () => {
  const list = check('[1, x, 3]', {type: 'array', items: {type: 'number'}});
  assert.deepEqual(list.value, [1, 3]);
  assert.deepEqual(list.ranges, ['x']);
  const tuple = check('[a, 2]', {type: 'array', items: [{type: 'string'}, {type: 'string'}], maxItems: 2});
  assert.deepEqual(tuple.value, ['a', undefined]);
  assert.match(check('[1, 2, 3]', {type: 'array', maxItems: 2}).messages[0], /at most 2 items/);
  const map = check('a: 1\nb: no\n', {type: 'object', additionalProperties: {type: 'number'}});
  assert.deepEqual(map.value, {a: 1});
  assert.deepEqual(map.ranges, ['no']);
});

test('validator: oneOf chooses the branch by type; $ref; required', () => {
  const schema = {
    definitions: {lvl: {type: 'string', enum: ['on', 'off']}},
    oneOf: [{$ref: '#/definitions/lvl'}, {type: 'object', properties: {lvl: {$ref: '#/definitions/lvl'}}, required: ['lvl']}],
  };
  assert.deepEqual(check('on', schema).value, 'on');
  assert.deepEqual(check('lvl: off', schema).value, {lvl: 'off'});
  assert.match(check('offf', schema).messages[0], /Did you mean "off"\?/);
  assert.match(check('{}', schema).messages[0], /needs "lvl"/);
  assert.match(check('[on]', schema).messages[0], /must be one of "on", "off" or a map of keys to values, not a list/);
});

test('validator: aliases resolve; booleans and numbers are told apart', () => {
  const r = check('a: &x 3\nb: *x\nc: true\n', {type: 'object', properties: {a: {type: 'number'}, b: {type: 'number'}, c: {type: 'number'}}});
  assert.deepEqual(r.value, {a: 3, b: 3});
  assert.match(r.messages[0], /"c" must be a number, not true/);
});

test('suggestions', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('ab', 'ba'), 1);
  assert.equal(didYouMean('warn', ['off', 'hint', 'info', 'warning', 'error']), 'warning');
  assert.equal(didYouMean('phya', ['phia', 'icd203', 'nato', 'kent']), 'phia');
  assert.equal(didYouMean('zzzzzz', ['phia', 'kent']), undefined);
});

test('paths', () => {
  assert.equal(normalize('/a/./b/../c//d/'), '/a/c/d');
  assert.equal(normalize('/../a'), '/a');
  assert.equal(dirname('/a/b/c.md'), '/a/b');
  assert.equal(dirname('/a'), '/');
  assert.equal(dirname('/'), '/');
  assert.equal(dirname('C:/x/y'), 'C:/x');
  assert.equal(dirname('C:/x'), 'C:/');
  assert.equal(basename('/a/b/c.md'), 'c.md');
  assert.equal(join('/a', 'b', '../c'), '/a/c');
  assert.equal(resolve('/a/b', '../c.yaml'), '/a/c.yaml');
  assert.equal(resolve('/a/b', '/etc/x.yaml'), '/etc/x.yaml');
  assert.equal(relative('/a/b', '/a/b/c/d.md'), 'c/d.md');
  assert.equal(relative('/a/b', '/a/x/d.md'), '../x/d.md');
  assert.deepEqual(ancestors('/a/b'), ['/a/b', '/a', '/']);
  assert.deepEqual(ancestors('C:/a'), ['C:/a', 'C:/']);
  assert.ok(isAbsolute('/x') && isAbsolute('D:/x') && !isAbsolute('x/y'));
});
