/**
 * Types of the editor features (hover, completion, symbols…). Offsets are UTF-16
 * code units into `doc.text`; `doc.lines` converts them to line/character. No LSP
 * types here: the language server maps these onto the protocol.
 */

export interface Range {
  start: number;
  end: number;
}

export interface HoverResult extends Range {
  /** Markdown shown in the hover. */
  markdown: string;
}

export type CompletionKind = 'term' | 'footnote' | 'source' | 'key' | 'value';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** One line shown next to the label, e.g. "highly likely — ≈80–≈90%". */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Replaces the text from `replaceStart` to `replaceEnd` of the result. */
  insertText: string;
  /** Order in the list (compare as strings); the label when absent. */
  sortText?: string;
  /** Text the client filters on while the user types, when it differs from the label. */
  filterText?: string;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** Range every item's `insertText` replaces (the partial word being typed). */
  replaceStart: number;
  replaceEnd: number;
}

export type SymbolKind = 'title' | 'summary' | 'judgements' | 'judgement' | 'section' | 'sources' | 'source';

export interface SymbolNode {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** Whole extent (a section with its subsections, up to its last non-blank character). */
  start: number;
  end: number;
  /** What to select and reveal: the heading text, the statement, the source id. Inside start…end. */
  selectionStart: number;
  selectionEnd: number;
  children: SymbolNode[];
}

export interface FoldingRange {
  /** 0-based lines. */
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

export interface DefinitionTarget extends Range {
  /** The id inside the definition (for LocationLink's targetSelectionRange). */
  selectionStart: number;
  selectionEnd: number;
}

export interface PrepareRenameResult extends Range {
  placeholder: string;
}

export interface RenameEdit extends Range {
  text: string;
}

export interface DocumentLink extends Range {
  /** Absolute http(s) or mailto URI. */
  target: string;
}

export type SemanticTokenType = 'likelihood' | 'confidence' | 'citation' | 'judgementHeading' | 'hedge';
export type SemanticTokenModifier = 'remote' | 'unlikely' | 'even' | 'likely' | 'certain' | 'offScale' | 'unresolved' | 'declaration';

export interface SemanticToken extends Range {
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

export interface CodeLens extends Range {
  title: string;
}

export interface JudgementLikelihood {
  /** The phrase as written, e.g. "probably". */
  phrase: string;
  /** The canonical term it expresses, e.g. "likely". */
  term: string;
  /** The band as the scale prints it, e.g. "≈55–≈75%". */
  label: string;
  band: [number, number];
  /** True when the phrase is on the brief's scale. */
  onScale: boolean;
  /** Name of the scale the band comes from (the brief's, or the phrase's own when off-scale). */
  scaleName: string;
}

export interface JudgementSummary {
  /** 0-based position among the brief's judgements. */
  index: number;
  /** The number as written ("Key Judgement 3"), if any. */
  number?: number;
  /** "Key judgement 3". */
  name: string;
  layout: 'heading' | 'list';
  /** Whole judgement: heading to last line of its evidence (heading layout), or the list item. */
  start: number;
  end: number;
  /** Range of the statement (or of the heading when there is no statement). */
  statementStart: number;
  statementEnd: number;
  /** The statement, white space folded and markup removed ('' when there is none). */
  text: string;
  likelihood?: JudgementLikelihood;
  confidence?: string;
  timeframe?: string;
  evidenceCount: number;
  /** Evidence items with at least one resolved citation. */
  sourcedEvidenceCount: number;
}
