import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {parseFrontMatter, parseWithLibrary, type FrontMatter} from './frontmatter.js';
import {parseSimpleYaml} from './frontmatter-simple.js';

/** What the `yaml` library path gives for the same text (the reference for the fast path). */
function viaLibrary(text: string): FrontMatter | undefined {
  const fm = parseFrontMatter(text);
  if (!fm || fm.errors.some((e) => /no closing/.test(e.message))) return fm;
  const fresh: FrontMatter = {range: fm.range, contentRange: fm.contentRange, data: {}, entries: [], errors: []};
  return parseWithLibrary(fresh, text.slice(fm.contentRange.start, fm.contentRange.end), fm.contentRange.start);
}

/** Asserts that the fast path gives exactly the library's result; returns whether it read the text itself. */
function check(text: string): boolean {
  const actual = parseFrontMatter(text);
  const expected = viaLibrary(text);
  assert.deepStrictEqual(actual, expected, JSON.stringify(text));
  if (!actual) return false;
  const yamlText = text.slice(actual.contentRange.start, actual.contentRange.end);
  const accepted = parseSimpleYaml(yamlText) !== undefined;
  if (accepted) assert.deepEqual(actual.errors, [], `fast path accepted text the library rejects: ${JSON.stringify(text)}`);
  return accepted;
}

const fence = (yaml: string, eol = '\n') => `---${eol}${yaml}---${eol}# Title${eol}`;

// ---- table tests -------------------------------------------------------------------------

test('the corpus shape is read by the fast path, with the library result', () => {
  const text = fence('title: Synthetic Assessment 701020\ndate: 2026-03-16\nscale: icd203\nclassification: OFFICIAL\nauthors: [Economics Team]\n');
  assert.equal(check(text), true);
  const fm = parseFrontMatter(text)!;
  assert.deepEqual(fm.data, {title: 'Synthetic Assessment 701020', date: '2026-03-16', scale: 'icd203', classification: 'OFFICIAL', authors: ['Economics Team']});
  const authors = fm.entries.find((e) => e.key === 'authors')!;
  assert.equal(text.slice(authors.valueRange.start, authors.valueRange.end), '[Economics Team]');
  assert.equal(text.slice(authors.keyRange.start, authors.keyRange.end), 'authors');
});

/** Front matter the fast path must read itself (and read as the library does). */
const ACCEPTED: Array<[string, string]> = [
  ['empty front matter', ''],
  ['blank lines only', '\n\n   \n'],
  ['comments only', '# a comment\n   # indented\n'],
  ['plain scalars', 'title: Ports\nscale: phia\n'],
  ['empty values', 'title:\nscale:   \nauthor: # nobody yet\n'],
  ['trailing spaces', 'title: Ports   \nscale: phia \n'],
  ['a comment after a value', 'title: Ports # the working title\n'],
  ['# glued to text is text, after a space a comment', 'title: Issue#4 of C# #4\n'],
  ['colons that are not indicators', 'source: http://example.org/a:b\ntime: 12:30\n'],
  ['numbers, booleans and nulls resolve as YAML 1.2 core does', 'a: 12\nb: -3\nc: 0o17\nd: 0x1F\ne: 1.5\nf: 1e3\ng: .inf\nh: -.Inf\ni: .NaN\nj: true\nk: False\nl: null\nm: ~\nn: 007\no: +1\n'],
  ['YAML 1.1 words stay strings', 'a: yes\nb: no\nc: on\nd: off\ne: y\n'],
  ['dates stay strings', 'date: 2026-03-16\nwhen: 2026-03-16T10:00:00Z\n'],
  ['double quotes with escapes', 'title: "Ports \\"and\\" \\\\ harbours\\n\\t\\x41\\u00e9\\U0001F600\\/\\ \\_"\n'],
  ['single quotes with doubled quotes', "title: 'It''s the port # not a comment'\n"],
  ['quotes keep spaces and # inside', 'title: "  a # b  "\n'],
  ['flow lists', 'authors: [Regional Desk, "B, Team", \'C\']\nempty: []\nspaced: [ a , b ]\nnumbers: [1, 2.5, true, null]\n'],
  ['block lists', 'authors:\n  - Regional Desk\n  - "B: Team"\n  - \'C\'\nnext: x\n'],
  ['zero-indented block lists', 'authors:\n- a\n- b\n'],
  ['a block list with comments and blank lines', 'authors: # who wrote it\n  # first\n  - a\n\n  - b # second\n# between\nscale: phia\n'],
  ['unicode', 'title: Über die Häfen 😀 — مرحبا\nauthors: [Zoë, 李]\n'],
  ['keys of word characters', 'a_b: 1\nc-d: 2\n_e: 3\nconstructor: 4\ntoString: 5\n'],
];

for (const [name, yaml] of ACCEPTED) {
  test(`fast path: ${name}`, () => {
    assert.equal(check(fence(yaml)), true, 'read by the fast path');
    assert.equal(check(fence(yaml.replace(/\n/g, '\r\n'), '\r\n')), true, 'read by the fast path with CRLF');
    assert.equal(check('\uFEFF' + fence(yaml)), true, 'read by the fast path after a BOM');
  });
}

test('fast path values and ranges for the edge cases', () => {
  const text = fence('a: 12\nb:   \nc: "x\\"y" # c\nd: [p, "q"]\ne:\n  - f\n  - g\n\nh: Issue#4 #x\n');
  const fm = parseFrontMatter(text)!;
  assert.deepEqual(fm.data, {a: 12, b: null, c: 'x"y', d: ['p', 'q'], e: ['f', 'g'], h: 'Issue#4'});
  const slice = (k: string) => {
    const e = fm.entries.find((x) => x.key === k)!;
    return text.slice(e.valueRange.start, e.valueRange.end);
  };
  assert.equal(slice('c'), '"x\\"y"');
  assert.equal(slice('b'), '');
  assert.equal(slice('e'), '- f\n  - g\n');
  assert.equal(slice('h'), 'Issue#4');
});

/** Front matter outside the subset: the library reads it (the result is still checked to be the library's). */
const FALLBACK: Array<[string, string]> = [
  ['duplicate keys', 'title: a\ntitle: b\n'],
  ['anchors and aliases', 'a: &x 1\nb: *x\n'],
  ['an alias to no anchor', 'a: *x\n'],
  ['tags', 'a: !!str 1\n'],
  ['a nested map', 'a:\n  b: 1\n'],
  ['a flow map', 'a: {b: 1}\n'],
  ['a multi-line plain scalar', 'title: Ports\n  and harbours\n'],
  ['a multi-line quoted scalar', 'title: "Ports\n  and harbours"\n'],
  ['a block scalar', 'summary: |\n  text\n'],
  ['tabs', 'title:\tPorts\n'],
  ['an indented key', ' title: Ports\n'],
  ['a nested mapping on one line', 'title: Ports: outlook\n'],
  ['a value ending in a colon', 'title: Ports:\n'],
  ['an unclosed flow list', 'scale: [phia\n'],
  ['an unclosed quote', 'title: "Ports\n'],
  ['text after a closing quote', 'title: "Ports" harbours\n'],
  ['a bad escape', 'title: "\\q"\n'],
  ['a list at the top', '- a\n- b\n'],
  ['a scalar at the top', 'just text\n'],
  ['a lone carriage return', 'a: b\rc: d\n'],
  ['a key with a space before the colon', 'title : Ports\n'],
  ['a quoted key', '"title": Ports\n'],
  ['a __proto__ key', '__proto__: x\n'],
  ['a null key', 'null: x\n'],
  ['a trailing comma', 'a: [x,]\n'],
  ['list items at two indentations', 'a:\n  - x\n    - y\n'],
  ['an empty list item', 'a:\n  -\n'],
  ['a directive', '%YAML 1.2\n'],
  ['a reserved indicator', 'a: @x\n'],
];

for (const [name, yaml] of FALLBACK) {
  test(`library path: ${name}`, () => {
    assert.equal(check(fence(yaml)), false, 'left to the library');
  });
}

// ---- differential property ---------------------------------------------------------------

const KEYS = ['title', 'scale', 'date', 'authors', 'classification', 'a', 'b', 'x_y', 'my-key', '_k'];
const ODD_KEYS = ['true', 'null', 'Yes', 'on', '__proto__', 'constructor', '1', '"q"', "'s'", 'a b', '-k', 'k'.repeat(1030), 'é'];

/** Plain text that any reader takes as a string. */
const SAFE_PLAIN = ['Ports', 'Synthetic Assessment 701020', '2026-03-16', 'icd203', 'OFFICIAL', 'Issue #4', 'C#', 'http://x.y/z', 'a:b', "It's", 'Zoë 😀', 'x]', 'x}', 'a, b'];
/** Plain text that is special in some way: numbers, keywords, indicators, odd characters. */
const TRICKY_PLAIN = [
  '12', '-5', '+1', '007', '0o17', '0x1F', '0xg', '1e3', '1.', '1.0', '.5', '.inf', '-.Inf', '.NaN', '.nan.', '~', 'null', 'Null', 'NULL', 'nULL',
  'true', 'False', 'TRUE', 'tRUE', 'yes', 'no', 'on', '9007199254740993', '1_000', '1e', 'a: b', 'x:', 'a #b', '[x', '{a: 1}', '&anc x', '*anc',
  '!tag x', '!!str 1', '|', '>', '%x', '@x', '`x', '- x', '-x', '?x', '? x', ':x', ',x', '#', '\u00a0x', 'x\u00a0', '\u2028', '\uD800',
  '\uFEFF', '\u0085', '\x01', 'a\tb', '\\', '"', "'", ' ', '', '---', '...',
];
const DQ_PIECES = ['a', ' ', '#', "'", ',', ':', ']', '\\n', '\\"', '\\\\', '\\x41', '\\u00e9', '\\U0001F600', '\\/', '\\ ', '\\_', '\\N', '\\0', '\\q', '\\u12', '\\U00110000', '\\x', '\\\t', 'é', '😀', '\t'];
const SQ_PIECES = ['a', ' ', '#', "''", '"', ',', ':', ']', '\\', 'é', '\t'];

const doubleQuoted = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), {maxLength: 6}).map((p) => `"${p.join('')}"`);
const singleQuoted = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), {maxLength: 6}).map((p) => `'${p.join('')}'`);

const safeDq = doubleQuoted(DQ_PIECES.filter((p) => !/^\\(?:q|u12|U00110000|x|\t)$|\t/.test(p)));
const safeSq = singleQuoted(SQ_PIECES.filter((p) => p !== '\t'));
const safeScalar = fc.oneof({weight: 4, arbitrary: fc.constantFrom(...SAFE_PLAIN)}, safeDq, safeSq);
const safeFlowItem = fc.oneof(fc.constantFrom(...SAFE_PLAIN.filter((s) => !/[,:#'\]}]/.test(s))), safeDq, safeSq);

const anyScalar = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom(...SAFE_PLAIN, ...TRICKY_PLAIN)},
  doubleQuoted(DQ_PIECES),
  singleQuoted(SQ_PIECES),
  fc.constantFrom('"unclosed', "'unclosed", '"a" b', "'a'b", '"a"#c', "'it''s'", "'''", '"\\"'),
);

const spaces = fc.constantFrom('', ' ', '  ');
const comment = fc.constantFrom('', ' # note', '  #x', ' #', '#glued');

function flowList(item: fc.Arbitrary<string>, seps: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(item, {maxLength: 4}), fc.constantFrom(...seps), spaces, spaces)
    .map(([items, sep, a, b]) => `[${a}${items.join(sep)}${b}]`);
}

/** Lines of simple front matter: the fast path must read all of them. */
const simpleDoc = fc
  .tuple(
    fc.shuffledSubarray(KEYS, {minLength: 0}),
    fc.array(
      fc.oneof(
        {weight: 4, arbitrary: fc.tuple(safeScalar, spaces, fc.constantFrom('', ' # note', '  #x')).map(([v, s, c]) => ` ${v}${s}${c}`)},
        {weight: 2, arbitrary: flowList(safeFlowItem, [', ', ',', ' , ']).map((l) => ` ${l}`)},
        {weight: 1, arbitrary: fc.constantFrom('', ' ', ' # empty')},
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom('', '  ', '    '), fc.array(safeScalar, {minLength: 1, maxLength: 3}))
            .map(([indent, items]) => items.map((i) => `\n${indent}- ${i}`).join('')),
        },
      ),
      {minLength: KEYS.length, maxLength: KEYS.length},
    ),
    fc.array(fc.constantFrom('', '# comment', '   '), {maxLength: 3}),
  )
  .map(([keys, values, extras]) => {
    const lines = keys.map((k, i) => `${k}:${values[i]}`);
    for (const [i, extra] of extras.entries()) lines.splice((i * 7) % (lines.length + 1), 0, extra);
    return lines.map((l) => l + '\n').join('');
  });

/** Any line: simple ones and every kind of tricky one. */
const anyLine = fc.oneof(
  {weight: 6, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(': ', ':', ':  ', ' : ', ':\t', ':x'), anyScalar, spaces, comment).map((p) => p.join(''))},
  {weight: 2, arbitrary: fc.tuple(fc.constantFrom(...KEYS), flowList(anyScalar, [', ', ',', ' , ', ' ', ',,']), comment).map(([k, l, c]) => `${k}: ${l}${c}`)},
  {weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ODD_KEYS), fc.constantFrom(': x', ':', ': [a]')).map((p) => p.join(''))},
  {weight: 2, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(':', ': ', ': # c')).map((p) => p.join(''))},
  {weight: 3, arbitrary: fc.tuple(fc.constantFrom('', ' ', '  ', '    ', '\t'), fc.constantFrom('- ', '-', '-  '), anyScalar).map((p) => p.join(''))},
  {weight: 1, arbitrary: fc.tuple(fc.constantFrom(' ', '  ', '    '), anyScalar).map((p) => p.join(''))},
  {weight: 1, arbitrary: fc.constantFrom('', ' ', '# c', '  # c', '#', '---x', '...x', '? a', ': b', 'a: |', '  text', 'a: >-', 'a: &x', 'b: *x', '<<: *x', 'k: {a: 1}')},
);

const eolOf = fc.constantFrom('\n', '\r\n');
const anyDoc = fc
  .tuple(fc.array(fc.tuple(anyLine, fc.oneof({weight: 20, arbitrary: eolOf}, fc.constant('\r'))), {maxLength: 8}), fc.boolean())
  .map(([lines, bom]) => ({yaml: lines.map(([l, e]) => l + e).join(''), bom}));

test('property: simple front matter is read by the fast path, exactly as the library reads it', () => {
  fc.assert(
    fc.property(simpleDoc, eolOf, fc.boolean(), (yaml, eol, bom) => {
      const text = (bom ? '\uFEFF' : '') + fence(yaml.replace(/\n/g, eol), eol);
      assert.equal(check(text), true, `fast path declined ${JSON.stringify(yaml)}`);
    }),
    {numRuns: 1500, seed: 20260316},
  );
});

test('property: whenever the fast path reads front matter, it gives the library result', () => {
  let accepted = 0;
  let total = 0;
  fc.assert(
    fc.property(anyDoc, ({yaml, bom}) => {
      total++;
      if (check((bom ? '\uFEFF' : '') + fence(yaml))) accepted++;
    }),
    {numRuns: 4000, seed: 4031},
  );
  // The tricky grammar still has many simple texts; the fast path must take a good share of them.
  assert.ok(accepted > total * 0.1, `fast path read ${accepted} of ${total}`);
});
