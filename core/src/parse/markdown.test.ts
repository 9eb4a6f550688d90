import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import {blockParser} from './markdown.js';

/** markdown-it as it comes (its own Token constructor), configured like the block parser. */
function stockParser() {
  const md = new MarkdownIt('default', {html: true, linkify: false, typographer: false});
  md.use(footnote);
  md.core.ruler.disable(['inline', 'text_join', 'footnote_tail', 'linkify', 'replacements', 'smartquotes']);
  return md;
}

const shape = (tokens: object[]) => tokens.map((t) => ({proto: Object.getPrototypeOf(t), keys: Object.keys(t), json: JSON.stringify(t)}));

test('lean block tokens are indistinguishable from markdown-it\'s own', () => {
  const texts = [
    '# Title\n\nSome *text* with [a link](https://example.org)[^1].\n\n> quoted\n> > nested\n\n- a\n  - b\n    1. c\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```js\ncode\n```\n\n    indented\n\n<div>html</div>\n\n[^1]: A footnote\n    with a second paragraph.\n\n[ref]: https://example.org "Title"\n\nSetext\n---\n',
    readFileSync(new URL('../../../../examples/clean.brief.md', import.meta.url), 'utf8'),
  ];
  const stock = stockParser();
  for (const text of texts) {
    const ours = blockParser.parse(text, {});
    const theirs = stock.parse(text, {});
    assert.ok(ours.length > 10);
    assert.deepEqual(shape(ours), shape(theirs));
    assert.equal(ours[0] instanceof Object.getPrototypeOf(theirs[0]).constructor, true);
    // Token methods still work on lean tokens.
    ours[0].attrSet('data-x', '1');
    assert.equal(ours[0].attrGet('data-x'), '1');
  }
});

/** Text made of the pieces markdown-it's line scan and block rules care about. */
const markdownish = fc
  .array(fc.constantFrom('a', 'word ', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r', '\0', '# ', '- ', '1. ', '> ', '    ', '```', '|', '---', '[^1]: ', '[x]: /u', '<div>', '*', '\u00e9', '\u2019'), {maxLength: 60})
  .map((parts) => parts.join(''));

test('lean parser states record what markdown-it\'s own do, and parse alike', () => {
  const stock = stockParser();
  const fields = (s: object) => JSON.stringify(s, (k, v) => (k === 'md' || k === 'env' || k === 'Token' ? undefined : v));
  fc.assert(
    fc.property(markdownish, (text) => {
      const ours = new blockParser.block.State(text, blockParser, {}, []);
      const theirs = new stock.block.State(text, stock, {}, []);
      assert.equal(Object.getPrototypeOf(ours), Object.getPrototypeOf(theirs));
      assert.deepEqual(Object.keys(ours), Object.keys(theirs));
      assert.equal(fields(ours), fields(theirs));
      assert.equal(ours.Token, theirs.Token);
      const core = new blockParser.core.State(text, blockParser, {});
      const stockCore = new stock.core.State(text, stock, {});
      assert.deepEqual(Object.keys(core), Object.keys(stockCore));
      assert.equal(fields(core), fields(stockCore));
      assert.deepEqual(shape(blockParser.parse(text, {})), shape(stock.parse(text, {})));
    }),
    {numRuns: 2000},
  );
  // The quirks, spelled out: a last line of blanks without a newline is no line; a tab reaches the next multiple of 4.
  const state = new blockParser.block.State('a\n \tb\n  ', blockParser, {}, []);
  assert.deepEqual([state.bMarks, state.eMarks, state.tShift, state.sCount], [[0, 2, 8], [1, 5, 8], [0, 2, 0], [0, 4, 0]]);
});
