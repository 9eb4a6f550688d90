/**
 * Editor features: each handler finds the document's parsed brief, calls the engine's
 * service function, and converts offsets to LSP positions. No brief logic here.
 *
 * The whole-document answers (outline, folding, lenses, links, semantic tokens) are made
 * once per version of a document: VS Code asks for the outline twice after each pause
 * (outline and breadcrumbs), and for semantic tokens about twice a second while typing,
 * which it gets as a change to the last answer (a delta) rather than whole.
 */
import {
  CompletionItemKind,
  ErrorCodes,
  ResponseError,
  SymbolKind,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type SemanticTokensEdit,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import type {BriefDocument} from '../../core/src/index.js';
import {
  codeLenses,
  completions,
  definition,
  documentLinks,
  documentSymbols,
  foldingRanges,
  hover,
  prepareRename,
  references,
  rename,
  semanticTokens,
  SEMANTIC_TOKEN_MODIFIERS,
  SEMANTIC_TOKEN_TYPES,
  type CompletionKind,
  type SymbolKind as BriefSymbolKind,
  type SymbolNode,
} from '../../core/src/service/index.js';
import {toRange} from './convert.js';

export const featureCapabilities: ServerCapabilities = {
  hoverProvider: true,
  completionProvider: {triggerCharacters: ['^', '[', ':', ' '], resolveProvider: false},
  documentSymbolProvider: {label: 'Brief'},
  foldingRangeProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: {prepareProvider: true},
  documentLinkProvider: {resolveProvider: false},
  semanticTokensProvider: {
    legend: {tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS]},
    full: {delta: true},
  },
  codeLensProvider: {resolveProvider: false},
};

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  term: CompletionItemKind.Value,
  footnote: CompletionItemKind.Reference,
  source: CompletionItemKind.Reference,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
};

const SYMBOL_KIND: Record<BriefSymbolKind, SymbolKind> = {
  title: SymbolKind.File,
  summary: SymbolKind.String,
  judgements: SymbolKind.Namespace,
  judgement: SymbolKind.Event,
  section: SymbolKind.Module,
  sources: SymbolKind.Package,
  source: SymbolKind.Key,
};

/** The parsed brief of an open document at its current version. */
export type DocFor = (uri: string) => Promise<BriefDocument | undefined>;

/** `compute` once per parsed document (one version of one file); forgotten with the document. */
function perDocument<T>(compute: (doc: BriefDocument) => T): (doc: BriefDocument) => T {
  const made = new WeakMap<BriefDocument, T>();
  return (doc) => {
    let value = made.get(doc);
    if (value === undefined) {
      value = compute(doc);
      made.set(doc, value);
    }
    return value;
  };
}

/** A document's semantic tokens as LSP encodes them: five integers each, line and start relative to the token before. */
export function encodeTokens(doc: BriefDocument): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const t of semanticTokens(doc)) {
    const p = doc.lines.positionAt(t.start);
    let bits = 0;
    for (const m of t.modifiers) bits |= 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m);
    data.push(p.line - line, p.line === line ? p.character - character : p.character, t.end - t.start, SEMANTIC_TOKEN_TYPES.indexOf(t.type), bits);
    line = p.line;
    character = p.character;
  }
  return data;
}

/**
 * The edits that turn `before` into `after` (encoded tokens): at most one, replacing what lies
 * between their common start and common end, cut at whole tokens. Typing changes one token's
 * neighbourhood: the rest of a 1 MB brief's ~36,000 integers stays where it was.
 */
export function tokenEdits(before: readonly number[], after: readonly number[]): SemanticTokensEdit[] {
  const most = Math.min(before.length, after.length);
  let head = 0;
  while (head < most && before[head] === after[head]) head++;
  head -= head % 5;
  let tail = 0;
  while (tail < most - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  tail -= tail % 5;
  const deleteCount = before.length - head - tail;
  const data = after.slice(head, after.length - tail);
  if (deleteCount === 0 && data.length === 0) return [];
  return [{start: head, deleteCount, data}];
}

export interface Features {
  /** A document was closed: drop what is kept for it. */
  forget(uri: string): void;
}

export function registerFeatures(connection: Connection, docFor: DocFor): Features {
  const offsetOf = (doc: BriefDocument, position: {line: number; character: number}) => doc.lines.offsetAt(position);

  connection.onHover(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    if (!doc) return null;
    const h = hover(doc, offsetOf(doc, params.position));
    return h ? {contents: {kind: 'markdown', value: h.markdown}, range: toRange(doc.lines, h.start, h.end)} : null;
  });

  connection.onCompletion(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    if (!doc) return null;
    const result = completions(doc, offsetOf(doc, params.position));
    const range = toRange(doc.lines, result.replaceStart, result.replaceEnd);
    const items: CompletionItem[] = result.items.map((item) => ({
      label: item.label,
      kind: COMPLETION_KIND[item.kind],
      detail: item.detail,
      documentation: item.documentation ? {kind: 'markdown', value: item.documentation} : undefined,
      textEdit: {range, newText: item.insertText},
      sortText: item.sortText,
      filterText: item.filterText,
    }));
    return {isIncomplete: false, items};
  });

  const symbolsOf = perDocument((doc): DocumentSymbol[] => {
    const convert = (n: SymbolNode): DocumentSymbol => ({
      name: n.name || '(untitled)',
      detail: n.detail,
      kind: SYMBOL_KIND[n.kind],
      range: toRange(doc.lines, n.start, n.end),
      selectionRange: toRange(doc.lines, n.selectionStart, n.selectionEnd),
      children: n.children.map(convert),
    });
    return documentSymbols(doc).map(convert);
  });
  connection.onDocumentSymbol(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    return doc ? symbolsOf(doc) : null;
  });

  const foldingOf = perDocument((doc): FoldingRange[] => foldingRanges(doc).map((f) => ({startLine: f.startLine, endLine: f.endLine, kind: f.kind})));
  connection.onFoldingRanges(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    return doc ? foldingOf(doc) : null;
  });

  connection.onDefinition(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    if (!doc) return null;
    const uri = params.textDocument.uri;
    return definition(doc, offsetOf(doc, params.position)).map((t) => ({uri, range: toRange(doc.lines, t.selectionStart, t.selectionEnd)}));
  });

  connection.onReferences(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    if (!doc) return null;
    const uri = params.textDocument.uri;
    return references(doc, offsetOf(doc, params.position), params.context.includeDeclaration).map((r) => ({uri, range: toRange(doc.lines, r.start, r.end)}));
  });

  connection.onPrepareRename(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    if (!doc) return null;
    const r = prepareRename(doc, offsetOf(doc, params.position));
    return r ? {range: toRange(doc.lines, r.start, r.end), placeholder: r.placeholder} : null;
  });

  connection.onRenameRequest(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    if (!doc) return null;
    const edits = rename(doc, offsetOf(doc, params.position), params.newName);
    if ('error' in edits) throw new ResponseError(ErrorCodes.InvalidParams, edits.error);
    return {changes: {[params.textDocument.uri]: edits.map((e) => ({range: toRange(doc.lines, e.start, e.end), newText: e.text}))}};
  });

  const linksOf = perDocument((doc): DocumentLink[] => documentLinks(doc).map((l) => ({range: toRange(doc.lines, l.start, l.end), target: l.target})));
  connection.onDocumentLinks(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    return doc ? linksOf(doc) : null;
  });

  // The last semantic tokens sent for each document, so that the next answer can be a delta of them.
  const sentTokens = new Map<string, {resultId: string; data: number[]}>();
  let tokenResults = 0;
  const tokensOf = perDocument(encodeTokens);
  const tokensFor = async (uri: string) => {
    const doc = await docFor(uri);
    const data = doc ? tokensOf(doc) : [];
    const last = sentTokens.get(uri);
    const resultId = String(++tokenResults);
    sentTokens.set(uri, {resultId, data});
    return {resultId, data, last};
  };
  connection.languages.semanticTokens.on(async (params) => {
    const {resultId, data} = await tokensFor(params.textDocument.uri);
    return {resultId, data};
  });
  connection.languages.semanticTokens.onDelta(async (params) => {
    const {resultId, data, last} = await tokensFor(params.textDocument.uri);
    // The client holds `last` only if it names it; otherwise (a restart, a lost answer) it gets the tokens whole.
    if (!last || last.resultId !== params.previousResultId) return {resultId, data};
    return {resultId, edits: tokenEdits(last.data, data)};
  });

  const lensesOf = perDocument((doc): CodeLens[] => codeLenses(doc).map((l) => ({range: toRange(doc.lines, l.start, l.end), command: {title: l.title, command: ''}})));
  connection.onCodeLens(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    return doc ? lensesOf(doc) : null;
  });

  return {forget: (uri) => sentTokens.delete(uri)};
}
