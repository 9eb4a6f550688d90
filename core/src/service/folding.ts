import type {BriefDocument} from '../parse/document.js';
import type {Block} from '../parse/section.js';
import {lastContentLine} from './context.js';
import type {FoldingRange} from './types.js';

/**
 * Foldable regions (0-based lines): the front matter, each section with its
 * subsections (to its last non-blank line), lists (and list items with nested
 * content), multi-line HTML comments, `<!-- #region -->` … `<!-- #endregion -->`
 * pairs and code blocks.
 */
export function foldingRanges(doc: BriefDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const lineOf = (offset: number) => doc.lines.positionAt(offset).line;
  const add = (startLine: number, endLine: number, kind?: FoldingRange['kind']) => {
    if (endLine > startLine) out.push(kind ? {startLine, endLine, kind} : {startLine, endLine});
  };

  const fm = doc.frontMatter;
  if (fm && fm.contentRange.end > fm.contentRange.start) add(0, lastContentLine(doc, 0, fm.range.end));

  for (const s of doc.sections) {
    if (s.heading) add(lineOf(s.heading.start), lastContentLine(doc, s.start, s.treeEnd));
    // Lists: runs of list blocks; items whose content spans several blocks.
    let run: Block[] = [];
    const flush = () => {
      if (run.length) {
        add(lineOf(run[0].base), lineOf(run[run.length - 1].end));
        let item: Block[] = [];
        const flushItem = () => {
          if (item.length > 1) add(lineOf(item[0].base), lineOf(item[item.length - 1].end));
          item = [];
        };
        for (const b of run) {
          if (item.length && b.group !== item[0].group) flushItem();
          item.push(b);
        }
        flushItem();
      }
      run = [];
    };
    for (const b of s.blocks) {
      if (b.kind === 'heading') continue;
      if (b.listDepth > 0 && !b.footnote) {
        // Something unindented between two items (a code fence, HTML) ends the list.
        const prev = run[run.length - 1];
        if (prev && /(?:^|\n)(?![ \t]|[-+*][ \t]|\d{1,9}[.)][ \t])[^\r\n]*\S/.test(doc.text.slice(prev.end, b.base).replace(/^[^\n]*\n/, ''))) flush();
        run.push(b);
      } else flush();
    }
    flush();
  }

  const regions: number[] = [];
  for (const c of doc.comments) {
    // <!-- #region name --> … <!-- #endregion -->, as VS Code's Markdown support writes them.
    if (/^\s*#?endregion\b/i.test(c.body)) {
      const open = regions.pop();
      if (open !== undefined) add(open, lineOf(c.start), 'region');
      continue;
    }
    if (/^\s*#?region\b/i.test(c.body)) {
      regions.push(lineOf(c.start));
      continue;
    }
    add(lineOf(c.start), lineOf(Math.max(c.start, c.end - 1)), 'comment');
  }
  for (const c of doc.code) add(lineOf(c.start), lastContentLine(doc, c.start, c.end));

  // One range per start line (clients keep one): the outermost.
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  const kept: FoldingRange[] = [];
  for (const r of out) if (!kept.length || kept[kept.length - 1].startLine !== r.startLine) kept.push(r);
  return kept;
}
