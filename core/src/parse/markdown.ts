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
  // Past `maxNesting` levels (about 50 nested lists or quotes) markdown-it stops reading the
  // rest of the section without a word: note the line where that happens (env.tooDeep),
  // so that the brief can say what was not checked.
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state, startLine, endLine) => {
    if (state.level >= md.options.maxNesting) {
      const line = state.skipEmptyLines(startLine);
      const env = state.env as ParseEnv;
      if (line < endLine && (env.tooDeep === undefined || line < env.tooDeep)) env.tooDeep = line;
    }
    tokenize(state, startLine, endLine);
  };
  return md;
})();

/** The block parser's environment (markdown-it's Env), with the line where nesting stopped it. */
export type ParseEnv = NonNullable<Parameters<typeof blockParser.parse>[1]> & {
  /** First line (0-based) not read because the nesting limit was reached. */
  tooDeep?: number;
};
