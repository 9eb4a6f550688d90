/**
 * Editor features of the brief engine, as pure functions of a parsed `BriefDocument`
 * and UTF-16 offsets into `doc.text` (`doc.lines` converts to line/character). The
 * language server is a thin adapter over these; nothing here knows about LSP.
 */
export {hover, confidenceLevel} from './hover.js';
export {completions} from './completion.js';
export {documentSymbols} from './symbols.js';
export {foldingRanges} from './folding.js';
export {definition, references, prepareRename, rename} from './navigation.js';
export {documentLinks} from './links.js';
export {semanticTokens, SEMANTIC_TOKEN_TYPES, SEMANTIC_TOKEN_MODIFIERS} from './tokens.js';
export {codeLenses, judgementSummaries} from './judgements.js';
export {bandBar, bandClass, explainGrade} from './context.js';
export type * from './types.js';
