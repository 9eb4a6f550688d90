import MarkdownIt, {type Token} from 'markdown-it';
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
  useLeanTokens(md);
  return md;
})();

/**
 * markdown-it 15's Token constructor sets its thirteen fields with Object.defineProperty
 * (a class-fields helper of its build): ~2% of a corpus lint. Block tokens are made here
 * with plain assignments instead — same fields in the same order, same prototype, so they
 * are indistinguishable from markdown-it's own (parse/markdown.test.ts compares them).
 */
function useLeanTokens(md: ReturnType<typeof MarkdownIt>): void {
  const State = md.block.State;
  const TokenClass = new State('', md, {}, []).Token;
  type TokenFields = InstanceType<typeof TokenClass>;
  function LeanToken(this: TokenFields, type: string, tag: string, nesting: Token["nesting"]) {
    this.map = null;
    this.level = 0;
    this.children = null;
    this.content = '';
    this.markup = '';
    this.info = '';
    this.block = false;
    this.hidden = false;
    this.type = type;
    this.tag = tag;
    this.attrs = null;
    this.nesting = nesting;
    this.meta = null;
  }
  LeanToken.prototype = TokenClass.prototype;
  const Lean = LeanToken as unknown as new (type: string, tag: string, nesting: Token["nesting"]) => TokenFields;
  // StateBlock.prototype.push, with the lean constructor.
  State.prototype.push = function push(this: InstanceType<typeof State>, type: string, tag: string, nesting: Token["nesting"]) {
    const token = new Lean(type, tag, nesting);
    token.block = true;
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  };
}

/** The block parser's environment (markdown-it's Env), with the line where nesting stopped it. */
export type ParseEnv = NonNullable<Parameters<typeof blockParser.parse>[1]> & {
  /** First line (0-based) not read because the nesting limit was reached. */
  tooDeep?: number;
};
