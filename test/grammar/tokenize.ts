/**
 * Tokenises text with the committed grammars of syntaxes/ through vscode-textmate and
 * vscode-oniguruma (the engine VS Code itself uses). VS Code's Markdown and YAML
 * grammars are not in the repository: `text.html.markdown` and `source.yaml` resolve
 * to the small stand-ins below, written for these tests. They imitate what the brief
 * grammars rely on: a paragraph per line starting with a zero-width match, list items
 * and block quotes holding paragraphs, headings whose text is a capture with inline
 * patterns, table cells likewise, fenced code, inline code, emphasis, links,
 * reference-style link shortcuts ([text]) and HTML comments.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join, resolve} from 'node:path';
import textmate from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

const {Registry, INITIAL, parseRawGrammar} = textmate;
type IGrammar = import('vscode-textmate').IGrammar;
type IRawGrammar = import('vscode-textmate').IRawGrammar;

const root = resolve(import.meta.dirname, '..', '..', '..');
export const syntaxes = join(root, 'syntaxes');

/** Stand-in for VS Code's Markdown grammar (scope text.html.markdown). */
export const MARKDOWN_STUB = {
  scopeName: 'text.html.markdown',
  patterns: [{include: '#front-matter'}, {include: '#block'}],
  repository: {
    // Markdown's own front matter, with a scope of its own: the brief grammar's must win.
    'front-matter': {begin: '\\A---[ \\t]*$', end: '^---[ \\t]*$', contentName: 'stub.markdown.frontmatter'},
    block: {patterns: [{include: '#heading'}, {include: '#quote'}, {include: '#list'}, {include: '#fence'}, {include: '#html-comment'}, {include: '#table'}, {include: '#paragraph'}]},
    heading: {
      match: '(?:^|\\G)[ ]{0,3}(#{1,6})[ \\t]+(.*?)[ \\t]*$',
      name: 'markup.heading.markdown',
      captures: {1: {name: 'punctuation.definition.heading.markdown'}, 2: {name: 'entity.name.section.markdown', patterns: [{include: '#inline'}]}},
    },
    fence: {
      begin: '(?:^|\\G)[ ]{0,3}(`{3,}|~{3,})[^`]*$',
      end: '(?:^|\\G)[ ]{0,3}\\1[ \\t]*$',
      name: 'markup.fenced_code.block.markdown',
    },
    list: {
      begin: '(?:^|\\G)[ ]{0,3}([-*+])[ \\t]',
      beginCaptures: {1: {name: 'punctuation.definition.list.begin.markdown'}},
      while: '(?:^|\\G)(?:[ ]{2,4}|\\t)',
      name: 'markup.list.unnumbered.markdown',
      patterns: [{include: '#block'}],
    },
    quote: {
      begin: '(?:^|\\G)[ ]{0,3}(>)[ ]?',
      while: '(?:^|\\G)[ ]{0,3}(>)[ ]?',
      name: 'markup.quote.markdown',
      patterns: [{include: '#block'}],
    },
    table: {
      begin: '(?:^|\\G)(\\|)(?=[^|].*\\|[ \\t]*$)',
      while: '(?:^|\\G)(?=\\|)',
      name: 'markup.table.markdown',
      patterns: [
        {match: '\\|', name: 'punctuation.definition.table.markdown'},
        {match: '(?<=\\|)[ \\t]*([^|]*[^|\\s])[ \\t]*(?=\\|)', captures: {1: {patterns: [{include: '#inline'}]}}},
      ],
    },
    'html-comment': {begin: '(?:^|\\G)[ \\t]*<!--', end: '-->', name: 'comment.block.html'},
    paragraph: {
      begin: '(?:^|\\G)[ ]{0,3}(?=[^ \\t\\n])',
      while: '(?:^|\\G)[ ]{4,}(?=[^ \\t\\n])',
      name: 'meta.paragraph.markdown',
      patterns: [{include: '#inline'}],
    },
    inline: {
      patterns: [
        {match: '(`+)(?:(?!\\1).)+\\1', name: 'markup.inline.raw.string.markdown'},
        {begin: '(?<![\\w*])\\*(?=[^\\s*])', end: '\\*', name: 'markup.italic.markdown', patterns: [{include: '#inline'}]},
        {begin: '<!--', end: '-->', name: 'comment.block.html'},
        {match: '\\[([^\\]]*)\\]\\(([^)\\s]*)\\)', name: 'meta.link.inline.markdown', captures: {1: {name: 'string.other.link.title.markdown'}}},
        {match: '\\[([^\\]\\s]+)\\]', name: 'meta.link.reference.markdown', captures: {1: {name: 'string.other.link.title.markdown'}}},
      ],
    },
  },
};

/** Stand-in for a YAML grammar (scope source.yaml): keys and plain values. */
export const YAML_STUB = {
  scopeName: 'source.yaml',
  patterns: [{match: '^[ \\t]*([A-Za-z_][\\w-]*)[ \\t]*(:)', captures: {1: {name: 'entity.name.tag.yaml'}, 2: {name: 'punctuation.separator.key-value.mapping.yaml'}}}],
};

async function loadOniguruma() {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  return {
    createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  };
}

function stub(grammar: object): IRawGrammar {
  return parseRawGrammar(JSON.stringify(grammar), 'stub.json');
}

const grammars = new Map<boolean, Promise<IGrammar>>();

/**
 * The brief grammar (text.html.markdown.brief) with its injection, loaded once.
 * `yaml: false` leaves source.yaml unresolved, as when VS Code's YAML extension is disabled.
 */
export function briefGrammar({yaml = true}: {yaml?: boolean} = {}): Promise<IGrammar> {
  let promise = grammars.get(yaml);
  if (promise) return promise;
  promise = (async () => {
    const registry = new Registry({
      onigLib: loadOniguruma(),
      loadGrammar: async (scopeName) => {
        if (scopeName === 'text.html.markdown.brief') return parseRawGrammar(readFileSync(join(syntaxes, 'brief.tmLanguage.json'), 'utf8'), join(syntaxes, 'brief.tmLanguage.json'));
        if (scopeName === 'brief.injection') return parseRawGrammar(readFileSync(join(syntaxes, 'brief.injection.tmLanguage.json'), 'utf8'), join(syntaxes, 'brief.injection.tmLanguage.json'));
        if (scopeName === 'text.html.markdown') return stub(MARKDOWN_STUB);
        if (scopeName === 'source.yaml') return yaml ? stub(YAML_STUB) : null;
        return null;
      },
      // As package.json's `injectTo: ["text.html.markdown.brief"]` does in VS Code.
      getInjections: (scopeName) => (scopeName === 'text.html.markdown.brief' ? ['brief.injection'] : undefined),
    });
    const grammar = await registry.loadGrammar('text.html.markdown.brief');
    if (!grammar) throw new Error('text.html.markdown.brief did not load');
    return grammar;
  })();
  grammars.set(yaml, promise);
  return promise;
}

export interface Token {
  line: number;
  text: string;
  scopes: string[];
}

/** Tokens of every line of `text`. */
export async function tokenize(text: string, options: {yaml?: boolean} = {}): Promise<Token[]> {
  const grammar = await briefGrammar(options);
  const out: Token[] = [];
  let state = INITIAL;
  text.split('\n').forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const piece = line.slice(t.startIndex, t.endIndex);
      if (piece) out.push({line: i, text: piece, scopes: t.scopes});
    }
    state = r.ruleStack;
  });
  return out;
}

/** Does a token's scope list contain `scope` (or a scope below it, as themes match: `a.b` matches `a.b.c`)? */
export function hasScope(t: Token, scope: string): boolean {
  return t.scopes.some((s) => s === scope || s.startsWith(scope + '.'));
}

/** The runs of text (joined across adjacent tokens of one line) that carry `scope`. */
export async function spans(text: string, scope: string): Promise<string[]> {
  const tokens = await tokenize(text);
  const out: string[] = [];
  let run = '';
  let runLine = -1;
  for (const t of tokens) {
    if (hasScope(t, scope)) {
      if (run && t.line !== runLine) {
        out.push(run);
        run = '';
      }
      run += t.text;
      runLine = t.line;
    } else if (run) {
      out.push(run);
      run = '';
    }
  }
  if (run) out.push(run);
  return out;
}

/** Scopes of the token that holds the first occurrence of `needle` (which must not straddle tokens). */
export async function scopesOf(text: string, needle: string): Promise<string[]> {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  const lineNo = text.slice(0, at).split('\n').length - 1;
  const col = at - (text.lastIndexOf('\n', at - 1) + 1);
  let pos = 0;
  for (const t of (await tokenize(text)).filter((x) => x.line === lineNo)) {
    const end = pos + t.text.length;
    if (col >= pos && col < end) {
      if (col + needle.length > end) throw new Error(`${JSON.stringify(needle)} straddles tokens`);
      return t.scopes;
    }
    pos = end;
  }
  throw new Error(`no token at ${JSON.stringify(needle)}`);
}
