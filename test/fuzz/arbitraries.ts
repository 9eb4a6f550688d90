/**
 * fast-check arbitraries for the reliability properties: brief-shaped documents
 * (with every construct the engine reads, and broken variants of each), random
 * Markdown, hostile Unicode and random bytes, and random edit sequences.
 *
 * Every text here is generated; nothing is copied from real briefs.
 */
import fc from 'fast-check';

// ---- characters and fragments -----------------------------------------------------------

/** Characters that break naive text handling: line ends, surrogates (lone and paired), emoji, RTL, NUL, BOM, separators. */
export const NASTY_PIECES = [
  '\r\n', '\r', '\n', '\n\n', '\t', '\0', '\uFEFF', '\u2028', '\u2029', '\u00A0', '\u200B', '\u200D',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', // lone surrogates
  '😀', '🚢', '👨‍👩‍👧', '🏳️‍🌈', '1️⃣', '\uD83D\uDE00', // paired surrogates and ZWJ sequences
  'مرحبا', 'שלום', '\u202E', '\u202D', '\u200F', '\u061C', // RTL text and controls
  'é', 'e\u0301', '\u0301', 'ﬁ', 'ẞ', 'İ', 'ı', 'Σ', '𝔘', '\u{10FFFF}', '\uFFFD', '\uFFFF',
];

export const nastyChar = fc.constantFrom(...NASTY_PIECES);

/** Any UTF-16 code unit, surrogates included. */
export const codeUnit = fc.integer({min: 0, max: 0xffff}).map((n) => String.fromCharCode(n));

/** A Unicode string mixing ordinary text, full code points, lone code units and the nasty pieces. */
export const unicodeString = fc.string({
  unit: fc.oneof(
    {weight: 4, arbitrary: fc.constantFrom(...'abc xyz.,-12%'.split(''))},
    {weight: 2, arbitrary: nastyChar},
    {weight: 1, arbitrary: codeUnit},
    {weight: 1, arbitrary: fc.string({unit: 'binary', minLength: 1, maxLength: 1})},
    {weight: 1, arbitrary: fc.string({unit: 'grapheme', minLength: 1, maxLength: 1})},
  ),
  maxLength: 400,
});

/** Random bytes, read the ways a host could read them (UTF-8 with replacement, Latin-1). */
export const bytesAsText = fc
  .tuple(fc.uint8Array({maxLength: 2000}), fc.constantFrom('utf8', 'latin1') as fc.Arbitrary<BufferEncoding>)
  .map(([bytes, encoding]) => Buffer.from(bytes).toString(encoding));

// ---- Markdown -----------------------------------------------------------------------------

const MD_TOKENS = [
  '#', '## ', '### ', '#### ', '* ', '- ', '+ ', '1. ', '2) ', '  ', '    ', '\t', '> ', '>', '*', '**', '_', '__', '~~',
  '`', '```', '~~~', '```js', '[', ']', '(', ')', '![', '[^', ']:', '[^1]', '[^1]:', '[S1]', '[S1, S2]', '(Source: Gazette)',
  '<', '>', '<!--', '-->', '<!-- brief-disable -->', '<!-- brief-enable -->', '<div>', '</div>', '<br>', '&amp;', '&#0;',
  '|', '| a | b |', '|---|---|', ':', '---', '***', '===', '\\', '"', '“', '”', "'", 'http://x.test/a?b=(c)',
  '12%', '1,200', '$4.5m', '2027', 'likely', 'highly likely', 'very likely', 'may', 'could possibly', 'high confidence',
  'within three months', 'by 2027', 'according to officials', 'reportedly', 'Summary', 'Key Judgement 1', 'Sources',
  'word', 'Word', ' ', '. ', '\n', '\n\n', '\r\n',
];

/** Markdown soup: tokens that open and close constructs in random order. */
export const randomMarkdown = fc
  .array(fc.oneof({weight: 6, arbitrary: fc.constantFrom(...MD_TOKENS)}, {weight: 1, arbitrary: nastyChar}), {maxLength: 300})
  .map((parts) => parts.join(''));

// ---- brief-shaped documents ---------------------------------------------------------------

const SUBJECTS = ['The ferry operators', 'Harbour officials', 'The island council', 'Fuel suppliers', 'Regional carriers', 'The port authority'];
const VERBS = ['resume the night service', 'raise harbour fees', 'cut winter sailings', 'sign the new contract', 'close the northern pier'];
export const ESTIMATIVE = [
  'are highly likely to', 'are likely to', 'are very likely to', 'are almost certain to', 'are unlikely to', 'will probably',
  'may', 'might', 'could possibly', 'are probably likely to', 'have a realistic possibility to', 'have a remote chance to',
  'are likely (55-75%) to', 'are 80% likely to', 'will', 'are almost certainly going to', 'are extremely likely to',
  'There is a roughly even chance that they', 'We assess with high confidence that they are likely to', 'are possibly going to',
];
const TIMEFRAMES = ['', ' within three months', ' by 2027', ' before the end of the year', ' in the next 12 months', ' this winter', ' by Q3 2027', ' soon'];
const SOURCE_IDS = ['crews', 'fuel', '1', '2', 'S1', 'x-y', 'unused', 'Ref 2b'];
const EOLS = ['\n', '\r\n', '\r'];

const word = fc.constantFrom('harbour', 'ferry', 'fees', 'sailing', 'crew', 'winter', 'route', 'pier', 'island', 'cargo');
const sentenceText = fc.array(word, {minLength: 1, maxLength: 8}).map((w) => w.join(' '));

const statement = fc
  .record({subject: fc.constantFrom(...SUBJECTS), term: fc.constantFrom(...ESTIMATIVE), verb: fc.constantFrom(...VERBS), time: fc.constantFrom(...TIMEFRAMES), extra: fc.option(sentenceText, {nil: undefined})})
  .map((s) => `${s.subject} ${s.term} ${s.verb}${s.time}.${s.extra ? ` ${s.extra[0].toUpperCase()}${s.extra.slice(1)}.` : ''}`);

const citation = fc.oneof(
  fc.constant(''),
  fc.constantFrom(...SOURCE_IDS).map((id) => `[^${id}]`),
  fc.constantFrom(...SOURCE_IDS).map((id) => `[${id}]`),
  fc.constant('[S1, S2]'),
  fc.constant('[Gazette](https://gazette.test/a)'),
  fc.constant(' (Source: Harbour Gazette)'),
  fc.constant(' (Harbour Gazette, 2026)'),
  fc.constant('[^'),
);

const claim = fc.oneof(
  fc.tuple(fc.constantFrom('Fees rose by', 'Sailings fell', 'Cargo volumes grew'), fc.constantFrom('12%', '40 per cent', '1,200', '$4.5 million', '3', '2026')).map(([a, b]) => `${a} ${b}`),
  fc.constantFrom('According to officials, the pier will close', 'The union reportedly agreed', 'A minister said "we are close to a deal"', 'Crews were hired in June'),
  sentenceText,
);

const evidence = fc
  .record({indent: fc.constantFrom('', '', '  ', '    ', '\t'), marker: fc.constantFrom('- ', '* ', '+ ', '1. ', ''), claim, cite: citation, tail: fc.constantFrom('.', '', '. It is likely.', ';', ' — may')})
  .map((e) => `${e.indent}${e.marker}${e.claim}${e.cite}${e.tail}`);

const judgement = fc
  .record({
    style: fc.constantFrom('heading', 'heading-colon', 'kj', 'numbered', 'bold', 'judgment'),
    level: fc.constantFrom('##', '###', '#', '####'),
    n: fc.integer({min: 0, max: 12}),
    statement,
    evidence: fc.array(evidence, {maxLength: 4}),
    gap: fc.boolean(),
  })
  .map((j) => {
    const ev = j.evidence.join('\n');
    const sep = j.gap ? '\n\n' : '\n';
    switch (j.style) {
      case 'heading':
        return `${j.level} Key Judgement ${j.n}\n\n${j.statement}${sep}${ev}`;
      case 'heading-colon':
        return `${j.level} Key Judgement ${j.n}: ${j.statement}${sep}${ev}`;
      case 'kj':
        return `${j.level} KJ ${j.n} – ${j.statement}${sep}${ev}`;
      case 'judgment':
        return `${j.level} Judgment No. ${j.n}\n\n${j.statement}${sep}${ev}`;
      case 'numbered':
        return `${j.n}. ${j.statement}\n${ev.replace(/^/gm, '   ')}`;
      default:
        return `**KJ${j.n}.** ${j.statement}${sep}${ev}`;
    }
  });

const sourceEntry = fc
  .record({id: fc.constantFrom(...SOURCE_IDS), style: fc.constantFrom('footnote', 'bracket', 'numbered', 'plain'), name: fc.constantFrom('Islands Gazette', 'Fuel board', 'Ferry office', ''), date: fc.constantFrom('2026-10-01', 'October 2026', '', '2026-13-45'), grade: fc.constantFrom('Grade B2.', 'A1', '', 'Grade Z9')})
  .map((s) => {
    const body = `${s.name}, notice, ${s.date}. ${s.grade}`;
    if (s.style === 'footnote') return `[^${s.id}]: ${body}`;
    if (s.style === 'bracket') return `- [${s.id}] ${body}`;
    if (s.style === 'numbered') return `${s.id}. ${body}`;
    return body;
  });

const frontMatter = fc.oneof(
  fc.constant(''),
  fc
    .record({title: fc.option(sentenceText, {nil: undefined}), date: fc.constantFrom('2026-11-02', 'yesterday', '', '2026-02-30'), scale: fc.constantFrom('phia', 'icd203', 'nato', 'kent', 'PHIA', 'nosuch', '[phia]', '42', '', '{a: 1}'), extra: fc.constantFrom('', 'author: A. N. Analyst', 'tags: [a, b]', 'classification: OFFICIAL')})
    .map((f) => `---\n${f.title ? `title: ${f.title}\n` : ''}date: ${f.date}\nscale: ${f.scale}\n${f.extra ? f.extra + '\n' : ''}---\n`),
  // Broken YAML: unclosed flow collections, bad indents, tabs, duplicate keys, anchors, an unclosed block.
  fc.constantFrom(
    '---\ntitle: [unclosed\nscale: phia\n---\n',
    '---\ntitle: x\n  bad: indent\n---\n',
    '---\n\ttitle: tab\n---\n',
    '---\ntitle: a\ntitle: b\n---\n',
    '---\na: &x [1, 2]\nb: *x\nc: *nope\n---\n',
    '---\ntitle: x\nscale: phia\n',
    '---\n---\n',
    '---\n- a list\n- not a map\n---\n',
    '---\n"unterminated: string\n---\n',
    '---\r\ntitle: crlf\r\nscale: icd203\r\n---\r\n',
    '\uFEFF---\ntitle: bom\n---\n',
    '---\ntitle: {a: [b, {c: d}]}\nscale: !!binary aGVsbG8=\n---\n',
  ),
);

/** Markdown constructs the engine must skip or survive: code, tables, comments, quotes, suppressions. */
const extraBlock = fc.oneof(
  fc.constantFrom(
    '```\nThe operators may possibly resume 12% of sailings.\n```',
    '```md\n## Key Judgement 9\n\nunclosed fence: likely\n',
    '~~~\n| not | a table |\n~~~',
    '    indented code: fees rose 40%',
    '| Route | Sailings | Change |\n|---|---:|:---|\n| North | 1,200 | -12% |\n| South | 800 | [^fuel] |',
    '| broken | table\n|--|\n| x',
    '<!-- an HTML comment: the operators may resume -->',
    '<!-- unclosed comment\n\nIt is likely.',
    '<div>\nraw <b>html</b> 12%\n</div>',
    '> The minister said "fees will rise by 30%".',
    '> > nested quote\n> - list in quote 45%',
    '<!-- brief-disable-next-line vague-hedge -- quoting the minister -->',
    '<!-- brief-disable-line uncited-claim -->',
    '<!-- brief-disable vague-hedge, uncited-claim -->',
    '<!-- brief-enable -->',
    '<!-- brief-disable-next-line no-such-rule -- typo -->',
    '<!-- brief-disable-next-line -->',
    '<!-- brief-disable-file -->',
    '[^orphan]: A footnote definition outside the Sources.',
    '---',
    '***',
    'Setext heading\n===',
    'Setext two\n---',
    '![an image](img.png "title 12%")',
    '<https://autolink.test/12%>',
    '[ref]: https://ref.test "Ref title"',
    '- [ ] task 12%\n- [x] done',
    '1. one\n   1. nested\n      - deeper 20%',
  ),
  sentenceText.map((s) => `Paragraph about ${s}.`),
);

const section = fc.oneof(
  {weight: 4, arbitrary: judgement},
  {weight: 2, arbitrary: extraBlock},
  {weight: 1, arbitrary: fc.tuple(fc.constantFrom('## Summary', '## Key Judgements', '## Background', '## Outlook', '### Indicators', '## Scope note', '## Sources', '##', '#######  Deep'), sentenceText).map(([h, s]) => `${h}\n\n${s}.`)},
);

/** A brief-shaped document: front matter, title, Summary, judgements with evidence, extra blocks, Sources. */
export const briefDocument: fc.Arbitrary<string> = fc
  .record({
    frontMatter,
    title: fc.option(sentenceText.map((t) => `# ${t}`), {nil: undefined}),
    summary: fc.option(fc.array(statement, {minLength: 1, maxLength: 3}), {nil: undefined}),
    sections: fc.array(section, {maxLength: 7}),
    sources: fc.option(fc.array(sourceEntry, {maxLength: 5}), {nil: undefined}),
    sourcesHeading: fc.constantFrom('## Sources', '## References', '### Sources', '## Source list'),
    eol: fc.constantFrom(...EOLS, '\n', '\n'),
    blank: fc.constantFrom('\n\n', '\n'),
    trailing: fc.constantFrom('', '\n', '\n\n'),
  })
  .map((b) => {
    const parts: string[] = [];
    if (b.title) parts.push(b.title);
    if (b.summary) parts.push(`## Summary\n\n${b.summary.join(' ')}`);
    parts.push(...b.sections);
    if (b.sources) parts.push(`${b.sourcesHeading}\n\n${b.sources.join('\n')}`);
    const body = parts.join(b.blank) + b.trailing;
    return (b.frontMatter + body).replace(/\r?\n/g, b.eol);
  });

/** A brief with random damage: nasty characters inserted and ranges deleted or duplicated. */
export const damagedBrief: fc.Arbitrary<string> = fc
  .tuple(briefDocument, fc.array(fc.tuple(fc.double({min: 0, max: 1, noNaN: true}), fc.double({min: 0, max: 1, noNaN: true}), fc.oneof(nastyChar, fc.constant(''), fc.constantFrom(...MD_TOKENS))), {maxLength: 6}))
  .map(([text, damage]) => {
    let t = text;
    for (const [a, b, insert] of damage) {
      const start = Math.floor(a * t.length);
      const end = Math.min(t.length, start + Math.floor(b * 20));
      t = t.slice(0, start) + insert + t.slice(end);
    }
    return t;
  });

/** Any text the engine could be given. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  {weight: 4, arbitrary: briefDocument},
  {weight: 3, arbitrary: damagedBrief},
  {weight: 2, arbitrary: randomMarkdown},
  {weight: 2, arbitrary: unicodeString},
  {weight: 1, arbitrary: bytesAsText},
);

// ---- edits ----------------------------------------------------------------------------------

/** An edit in relative terms (fractions of the current length), so it applies to any text. */
export interface RelEdit {
  at: number;
  /** Fraction of the text length to delete (0 = pure insert); can span many lines. */
  span: number;
  insert: string;
}

const insertText = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom('', 'x', ' ', '\n', '\r\n', '\n\n', '- ', '## ', '## Key Judgement 4\n\n', '## Sources\n\n[^a]: Gazette, 2026. B2.\n', 'likely', ' highly likely ', 'may possibly', '12%', '[^crews]', '[S1]', '<!--', '-->', '```\n', '---\n', '|', '\t')},
  {weight: 2, arbitrary: fc.array(nastyChar, {minLength: 1, maxLength: 4}).map((a) => a.join(''))},
  {weight: 1, arbitrary: fc.tuple(statement, fc.constantFrom('\n', '\r\n', '\n\n')).map(([s, e]) => s + e)},
  {weight: 1, arbitrary: evidence.map((e) => e + '\n')},
);

export const relEdit: fc.Arbitrary<RelEdit> = fc.record({
  at: fc.double({min: 0, max: 1, noNaN: true}),
  span: fc.oneof(fc.constant(0), fc.double({min: 0, max: 0.02, noNaN: true}), fc.double({min: 0, max: 0.3, noNaN: true})),
  insert: insertText,
});

/** Offsets of a relative edit in `text`. */
export function resolveEdit(text: string, e: RelEdit): {start: number; end: number; text: string} {
  const start = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  const end = Math.min(text.length, start + Math.floor(e.span * text.length));
  return {start, end, text: e.insert};
}

export function applyRel(text: string, e: RelEdit): string {
  const {start, end, text: ins} = resolveEdit(text, e);
  return text.slice(0, start) + ins + text.slice(end);
}

