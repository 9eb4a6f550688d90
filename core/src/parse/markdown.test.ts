import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
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
