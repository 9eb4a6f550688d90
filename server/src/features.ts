/**
 * Editor features: each handler finds the document's parsed brief, calls the engine's
 * service function, and converts offsets to LSP positions. No brief logic here.
 */
import {
  CompletionItemKind,
  ErrorCodes,
  ResponseError,
  SemanticTokensBuilder,
  SymbolKind,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
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
    full: true,
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

export function registerFeatures(connection: Connection, docFor: DocFor): void {
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

  connection.onDocumentSymbol(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    if (!doc) return null;
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

  connection.onFoldingRanges(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    if (!doc) return null;
    return foldingRanges(doc).map((f) => ({startLine: f.startLine, endLine: f.endLine, kind: f.kind}));
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

  connection.onDocumentLinks(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    if (!doc) return null;
    return documentLinks(doc).map((l) => ({range: toRange(doc.lines, l.start, l.end), target: l.target}));
  });

  connection.languages.semanticTokens.on(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    const builder = new SemanticTokensBuilder();
    if (!doc) return builder.build();
    for (const t of semanticTokens(doc)) {
      const p = doc.lines.positionAt(t.start);
      let bits = 0;
      for (const m of t.modifiers) bits |= 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m);
      builder.push(p.line, p.character, t.end - t.start, SEMANTIC_TOKEN_TYPES.indexOf(t.type), bits);
    }
    return builder.build();
  });

  connection.onCodeLens(async (params) => {
    const doc = await docFor(params.textDocument.uri);
    if (!doc) return null;
    return codeLenses(doc).map((l) => ({range: toRange(doc.lines, l.start, l.end), command: {title: l.title, command: ''}}));
  });
}
