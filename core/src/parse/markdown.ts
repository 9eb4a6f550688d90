import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';

/**
 * The block parser. markdown-it (CommonMark + GFM tables + footnote definitions),
 * block phase only: inline parsing is ours (see analysis/inline.ts), because rules
 * need exact source offsets and markdown-it's inline tokens carry none. Measured on
 * a 1 MB brief: ~90 ms for the block phase, against ~1.7 s for micromark/remark per
 * section (docs/performance.md).
 */
export const blockParser = (() => {
  const md = new MarkdownIt('default', {html: true, linkify: false, typographer: false});
  md.use(footnote);
  md.core.ruler.disable(['inline', 'text_join', 'footnote_tail', 'linkify', 'replacements', 'smartquotes']);
  return md;
})();
