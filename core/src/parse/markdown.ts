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
  // The Token class, from a state made before either change (its constructor sets it).
  const TokenClass = new md.block.State('', md, {}, []).Token;
  useLeanTokens(md, TokenClass);
  useLeanStates(md, TokenClass);
  return md;
})();

type TokenConstructor = InstanceType<ReturnType<typeof MarkdownIt>['block']['State']>['Token'];

/**
 * markdown-it 15's Token constructor sets its thirteen fields with Object.defineProperty
 * (a class-fields helper of its build): ~2% of a corpus lint. Block tokens are made here
 * with plain assignments instead — same fields in the same order, same prototype, so they
 * are indistinguishable from markdown-it's own (parse/markdown.test.ts compares them).
 */
function useLeanTokens(md: ReturnType<typeof MarkdownIt>, TokenClass: TokenConstructor): void {
  const State = md.block.State;
  type TokenFields = InstanceType<TokenConstructor>;
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

/**
 * The same for the two parser states made for every section parsed (the core state and the
 * block state, whose constructor also finds each line's start, end and indent): ~4% of a
 * corpus lint went to their class-field helper. Lean constructors set the same fields in the
 * same order on the same prototypes (parse/markdown.test.ts compares them on random text).
 */
function useLeanStates(md: ReturnType<typeof MarkdownIt>, TokenClass: TokenConstructor): void {
  const CoreState = md.core.State;
  const BlockState = md.block.State;
  type Core = InstanceType<typeof CoreState>;
  type Block = InstanceType<typeof BlockState>;

  function LeanCoreState(this: Core, src: string, parser: typeof md, env: Core['env']) {
    this.tokens = [];
    this.inlineMode = false;
    this.Token = TokenClass;
    this.src = src;
    this.env = env;
    this.md = parser;
  }
  LeanCoreState.prototype = CoreState.prototype;

  function LeanBlockState(this: Block, src: string, parser: typeof md, env: Block['env'], tokens: Block['tokens']) {
    this.bMarks = [];
    this.eMarks = [];
    this.tShift = [];
    this.sCount = [];
    this.bsCount = [];
    this.blkIndent = 0;
    this.line = 0;
    this.lineMax = 0;
    this.tight = false;
    this.listIndent = -1;
    this.parentType = 'root';
    this.level = 0;
    this.Token = TokenClass;
    this.src = src;
    this.md = parser;
    this.env = env;
    this.tokens = tokens;
    markLines(this, src);
    this.lineMax = this.bMarks.length - 1;
  }
  LeanBlockState.prototype = BlockState.prototype;

  md.core.State = LeanCoreState as unknown as typeof CoreState;
  md.block.State = LeanBlockState as unknown as typeof BlockState;
}

/**
 * Each line's start, end (before its newline), count of leading blanks and their width in
 * columns (a tab reaches the next multiple of 4), as markdown-it's block state records them —
 * including its quirks: a last line of blanks only, without a newline, is no line; a last line
 * without a newline ends at the text's end. Then one more entry at the end of the text.
 */
function markLines(state: {bMarks: number[]; eMarks: number[]; tShift: number[]; sCount: number[]; bsCount: number[]}, src: string): void {
  const len = src.length;
  let start = 0;
  let pos = 0;
  while (pos < len) {
    // The line's leading blanks.
    let indent = 0;
    let width = 0;
    let c = src.charCodeAt(pos);
    while (c === 32 || c === 9) {
      indent++;
      width += c === 9 ? 4 - (width % 4) : 1;
      if (++pos === len) break;
      c = src.charCodeAt(pos);
    }
    if (pos === len) break; // blanks to the end, no newline: not a line
    // Its end: the newline, or the end of the text.
    const nl = src.indexOf('\n', pos);
    const end = nl < 0 ? len : nl;
    state.bMarks.push(start);
    state.eMarks.push(end);
    state.tShift.push(indent);
    state.sCount.push(width);
    state.bsCount.push(0);
    pos = start = end + 1;
  }
  state.bMarks.push(len);
  state.eMarks.push(len);
  state.tShift.push(0);
  state.sCount.push(0);
  state.bsCount.push(0);
}

/** The block parser's environment (markdown-it's Env), with the line where nesting stopped it. */
export type ParseEnv = NonNullable<Parameters<typeof blockParser.parse>[1]> & {
  /** First line (0-based) not read because the nesting limit was reached. */
  tooDeep?: number;
};
