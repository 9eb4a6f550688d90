import {test, describe} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {lintText} from '../linter.js';
import {defaultConfig} from '../config/types.js';
import {builtinScales} from '../scales/index.js';
import {brief} from '../testing/rule-tester.js';
import {renderBrief, RenderCache, type RenderOptions} from './index.js';
import {article, byClass, hasClass, lineOf, sourceLine, tagBefore, tags} from './html-reader.js';
import type {Finding} from '../rules/types.js';

const DEFECTS = readFileSync(new URL('../../../../examples/defects.brief.md', import.meta.url), 'utf8');
const CLEAN = readFileSync(new URL('../../../../examples/clean.brief.md', import.meta.url), 'utf8');

function render(text: string, options: RenderOptions = {}) {
  const {doc, findings} = lintText(text, {config: defaultConfig()});
  return {doc, findings, ...renderBrief(doc, findings, {cache: new RenderCache(), ...options})};
}

describe('renderBrief: structure', () => {
  test('a fragment inside one .brief-root, with header, findings summary, cards and body in that order', () => {
    const {body} = render(DEFECTS);
    assert.match(body, /^<div class="brief-root" data-theme="auto">/);
    assert.match(body, /<\/div>$/);
    const order = ['brief-header', 'brief-findings-summary', 'brief-judgements', 'brief-body'].map((c) => body.indexOf(`class="${c}`));
    assert.ok(order.every((i) => i >= 0), String(order));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
  });

  test('front matter shows as a header block (title, date, classification) and is not rendered as Markdown', () => {
    const {body} = render(DEFECTS);
    const header = body.slice(body.indexOf('<header'), body.indexOf('</header>'));
    assert.match(header, /<dt>Title<\/dt><dd>Water Rights in the Sarno Valley<\/dd>/);
    assert.match(header, /<dt>Date<\/dt><dd>2026-11-20<\/dd>/);
    assert.match(header, /<p class="brief-classification">OFFICIAL<\/p>/);
    const article = body.slice(body.indexOf('<article'));
    assert.doesNotMatch(article, /scale: icd203|autor:/);
    assert.doesNotMatch(article, /<hr/);
  });

  test('authors, as a list or one name', () => {
    const list = render(brief({frontMatter: 'authors:\n  - A. Analyst\n  - B. Reviewer'})).body;
    assert.match(list, /<dt>Authors<\/dt><dd>A\. Analyst, B\. Reviewer<\/dd>/);
    const one = render(brief({frontMatter: 'authors: C. Writer'})).body;
    assert.match(one, /<dt>Author<\/dt><dd>C\. Writer<\/dd>/);
  });

  test('standalone: a complete page with the script-free CSP and the CSS inlined; no <script> at all', () => {
    const {html, css} = render(CLEAN, {standalone: true});
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`));
    assert.ok(html.includes(`<style>${css}</style>`));
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /<title>[^<]+<\/title>/);
    assert.match(html, /<body class="brief-page" data-theme="auto">/);
  });

  test('cspNonce puts the nonce on the style element and in the CSP instead of unsafe-inline', () => {
    const {html} = render(CLEAN, {cspNonce: 'abc123'});
    assert.ok(html.includes(`style-src 'nonce-abc123'`));
    assert.ok(html.includes('<style nonce="abc123">'));
    assert.doesNotMatch(html, /unsafe-inline/);
  });

  test('the page has no inline style attributes (a nonce-only style-src would block them)', () => {
    const {html} = render(DEFECTS, {standalone: true});
    assert.equal(tags(html).filter((t) => t.attrs.has('style')).length, 0);
  });

  test('theme: data-theme on the root and page; color-scheme follows it; the title option wins', () => {
    for (const theme of ['light', 'dark', 'auto'] as const) {
      const {html, body} = render(CLEAN, {standalone: true, theme, title: 'My <Brief>'});
      assert.match(body, new RegExp(`^<div class="brief-root" data-theme="${theme}">`));
      assert.ok(html.includes(`<meta name="color-scheme" content="${theme === 'auto' ? 'light dark' : theme}">`));
      assert.ok(html.includes('<title>My &lt;Brief&gt;</title>'));
    }
  });

  test('CSS follows VS Code theme variables with fallbacks, has dark, print, high-contrast and focus rules', () => {
    const {css} = render(CLEAN);
    assert.match(css, /var\(--vscode-editor-foreground, var\(--brief-fb-fg\)\)/);
    assert.match(css, /var\(--vscode-editor-background, var\(--brief-fb-bg\)\)/);
    assert.match(css, /@media \(prefers-color-scheme: dark\)/);
    assert.match(css, /@media print/);
    assert.match(css, /vscode-high-contrast/);
    assert.match(css, /@media \(forced-colors: active\)/);
    assert.match(css, /:focus-visible/);
  });

  test('GFM: tables, task lists, strikethrough and autolinks render', () => {
    const {body} = render(brief({extra: '\n## Notes\n\n| Term | Band |\n|:-----|-----:|\n| likely | 55–75% |\n\n- [x] checked item\n- [ ] open item\n\n~~struck~~ and www.example.org\n'}));
    assert.match(body, /<table data-line="\d+" id="L\d+">/);
    assert.match(body, /<tr data-line="\d+"/);
    assert.match(body, /<th align="left">Term<\/th>/);
    assert.match(body, /<li class="task-list-item" data-line="\d+" id="L\d+"><input type="checkbox" checked disabled> checked item/);
    assert.match(body, /<del>struck<\/del>/);
    assert.match(body, /<a href="http:\/\/www\.example\.org">www\.example\.org<\/a>/);
  });

  test('footnote citations link to their entry across sections; an undefined one is marked, with no dead link', () => {
    const {body} = render(DEFECTS);
    assert.ok(body.includes('<a href="#user-content-fn-pumps" class="brief-cite">pumps</a>'));
    const entry = tags(body).find((t) => t.attrs.get('id') === 'user-content-fn-pumps');
    assert.ok(entry && hasClass(entry, 'brief-footnote'));
    assert.ok(body.includes('<a class="brief-cite brief-cite-unresolved" title="[^ghost] is not defined">ghost</a>'));
    // Every in-page link has a target.
    const ids = new Set(tags(body).map((t) => t.attrs.get('id')).filter(Boolean));
    for (const t of tags(body)) {
      const href = t.attrs.get('href');
      if (t.name === 'a' && href?.startsWith('#')) assert.ok(ids.has(href.slice(1)), `no target for ${href}`);
    }
  });

  test('reference links resolve against a definition in another section, and the definition is shown as a source', () => {
    const text = brief({
      judgements: [{statement: 'The ferry operators are likely to resume the night service within the next three months.', evidence: ['The [harbour report][hr] lists twelve new crew members.[^s1]']}],
      extra: '\n[hr]: https://example.org/harbour "Harbour report"\n',
    });
    const {body} = render(text);
    assert.ok(body.includes('<a href="https://example.org/harbour" title="Harbour report">harbour report</a>'), body);
    assert.match(body, /<p class="brief-definition" data-line="\d+" id="L\d+"><span class="brief-footnote-label">hr<\/span> <a href="https:\/\/example\.org\/harbour">/);
  });

  test('ids are unique, and every block has a data-line', () => {
    const {body} = render(DEFECTS);
    const ids = tags(body).map((t) => t.attrs.get('id')).filter(Boolean);
    assert.equal(new Set(ids).size, ids.length);
    const blocks = tags(article(body)).filter((t) => ['p', 'h1', 'h2', 'li', 'blockquote', 'pre', 'table', 'tr'].includes(t.name));
    assert.ok(blocks.length > 20);
    for (const b of blocks) assert.ok(b.attrs.has('data-line'), `${b.name} at ${b.at} has no data-line`);
  });
});

describe('renderBrief: source line mapping', () => {
  const LF = [
    '---',
    'title: Line Mapping',
    'date: 2026-11-01',
    'scale: phia',
    '---',
    '',
    '# Line Mapping',
    '',
    '## Summary',
    '',
    'The ferry operators are likely to resume the night service within the next three months.',
    '',
    'Setext subheading',
    '-----------------',
    '',
    '## Key Judgement 1',
    '',
    'The ferry operators are likely to resume the night service within the next three months.',
    '',
    '- The operators have hired twelve new crew members since June.[^s1]',
    '- Nested list follows',
    '  - A nested item about the timetable.[^s1]',
    '- Third item with a',
    '  continuation line.',
    '',
    '> A quoted line from the harbour master.',
    '',
    '```',
    'code line one',
    '```',
    '',
    'Paragraph in two lines,',
    'the second line.',
    '',
    '| Quay | Crew |',
    '|------|------|',
    '| North | 12 |',
    '',
    '## Sources',
    '',
    '[^s1]: Harbour Gazette, "Crew hiring", 2026-10-01. Grade B2.',
    '',
  ].join('\n');

  const SNIPPETS: Array<[string, string]> = [
    ['>Line Mapping', '# Line Mapping'],
    ['>Summary', '## Summary'],
    ['Setext subheading', 'Setext subheading'],
    ['>Key Judgement 1', '## Key Judgement 1'],
    ['The operators have hired', 'The operators have hired'],
    ['Nested list follows', 'Nested list follows'],
    ['A nested item about', 'A nested item about'],
    ['Third item with a', 'Third item with a'],
    ['A quoted line', 'A quoted line'],
    ['code line one', '```'],
    ['Paragraph in two lines', 'Paragraph in two lines'],
    ['North', '| North |'],
    ['Harbour Gazette', '[^s1]: Harbour'],
  ];

  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const) {
    test(`data-line equals the 0-based source line (${name}, with front matter)`, () => {
      const text = LF.replace(/\n/g, eol);
      const {body} = render(text);
      for (const [html, source] of SNIPPETS) {
        assert.equal(lineOf(body, html), sourceLine(text, source), `${html} (${name})`);
      }
      // The judgement paragraph (second occurrence of the sentence) maps to its own line.
      const kj = article(body).indexOf('>Key Judgement 1');
      assert.equal(lineOf(article(body).slice(kj), 'The ferry operators'), 17);
      // id="L<line>" on the first block of a line.
      assert.match(body, /<h2 data-line="15" id="L15">Key Judgement 1<\/h2>/);
      assert.match(body, /<header class="brief-header" data-line="0" id="L0">/);
    });
  }

  test('lines count UTF-16 text with emoji and non-Latin scripts correctly, and findings land on their block', () => {
    const text = brief({
      judgements: [{statement: 'Die Fähre 🚢 wird wahrscheinlich fahren — the ferry operators are very likely to resume the night service within the next three months.', evidence: ['Crew numbers rose by 40% «according to» 港务局 since June.']}],
    });
    const {body, findings} = render(text);
    assert.equal(lineOf(body, 'Die Fähre'), sourceLine(text, 'Die Fähre'));
    assert.equal(lineOf(body, 'Crew numbers'), sourceLine(text, 'Crew numbers'));
    const offScale = findings.find((f) => f.ruleId === 'term-off-scale');
    assert.ok(offScale);
    const statement = tagBefore(body, 'Die Fähre');
    assert.ok(hasClass(statement, 'brief-finding'));
    assert.ok(statement.attrs.get('data-rules')!.split(' ').includes('term-off-scale'));
    const evidence = tagBefore(body, 'Crew numbers');
    assert.equal(evidence.name, 'li');
    assert.ok(evidence.attrs.get('data-rules')!.split(' ').includes('uncited-claim'));
  });
});

describe('renderBrief: findings', () => {
  test('each block with findings has the worst severity class, count, rules, title and a hidden message list', () => {
    const {body, findings} = render(DEFECTS);
    const marked = byClass(body, 'brief-finding');
    assert.ok(marked.length > 5);
    let total = 0;
    for (const t of marked) {
      const n = Number(t.attrs.get('data-findings'));
      total += n;
      const sev = t.attrs.get('data-severity')!;
      assert.ok(hasClass(t, `brief-finding-${sev}`));
      assert.equal(t.attrs.get('tabindex'), '0');
      assert.equal(t.attrs.get('title')!.split('\n').length, n);
    }
    assert.equal(total, findings.length, 'every finding is shown on exactly one block');
    assert.equal(byClass(body, 'brief-finding-item').length, findings.length);
    // Worst wins: the Summary paragraph has errors and a warning.
    const summary = tagBefore(body, 'The upstream cooperatives are likely');
    assert.ok(hasClass(summary, 'brief-finding-error'));
    assert.match(summary.attrs.get('data-rules')!, /summary-mismatch/);
    assert.match(summary.attrs.get('data-rules')!, /mixed-scales/);
  });

  test('front-matter findings mark the header', () => {
    const {body} = render(DEFECTS);
    const header = tags(body).find((t) => t.name === 'header')!;
    assert.ok(hasClass(header, 'brief-finding'));
    assert.match(header.attrs.get('data-rules')!, /frontmatter-keys/);
  });

  test('the summary counts by severity and category equal the findings, and link to the first affected block', () => {
    const {body, findings} = render(DEFECTS);
    const counts = byClass(body, 'brief-count');
    const severity = new Map<string, number>();
    const category = new Map<string, number>();
    for (const f of findings) {
      severity.set(f.severity, (severity.get(f.severity) ?? 0) + 1);
      category.set(f.category, (category.get(f.category) ?? 0) + 1);
    }
    const shownSeverity = new Map(counts.filter((t) => t.attrs.has('data-severity')).map((t) => [t.attrs.get('data-severity')!, Number(t.attrs.get('data-count'))]));
    const shownCategory = new Map(counts.filter((t) => t.attrs.has('data-category')).map((t) => [t.attrs.get('data-category')!, Number(t.attrs.get('data-count'))]));
    assert.deepEqual(shownSeverity, severity);
    assert.deepEqual(shownCategory, category);
    // The first error is the Summary's mismatch (line 12).
    const error = counts.find((t) => t.attrs.get('data-severity') === 'error')!;
    assert.equal(error.attrs.get('href'), '#L12');
    assert.ok(body.includes(`All ${findings.length} findings`));
  });

  test('a brief with no findings says so, and marks nothing', () => {
    const {body, findings} = render(CLEAN);
    assert.equal(findings.length, 0);
    assert.ok(body.includes('<p class="brief-findings-none">No findings.</p>'));
    assert.equal(byClass(body, 'brief-finding').length, 0);
  });

  test('messages are escaped (only messages and rule ids are shown)', () => {
    const {doc} = lintText(CLEAN);
    const finding: Finding = {ruleId: 'x-<rule>', category: 'style', severity: 'warning', message: 'Bad <b>"quoted"</b> & more', start: doc.sections[2].start, end: doc.sections[2].start + 3};
    const {body} = renderBrief(doc, [finding], {cache: new RenderCache()});
    assert.ok(body.includes('Bad &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &amp; more'));
    assert.ok(!body.includes('<b>"quoted"'));
    assert.ok(body.includes('data-rules="x-&lt;rule&gt;"'));
  });

  test('a finding between blocks (on an HTML comment) goes to the next block', () => {
    const text = brief({extra: '\n## Notes\n\n<!-- brief-disable-next-line vague-hedge -->\nThe desk may revisit this.\n'});
    const {doc} = lintText(text);
    const at = text.indexOf('<!--');
    const f: Finding = {ruleId: 'suppression-reason', category: 'structure', severity: 'warning', message: 'No reason', start: at, end: at + 4};
    const {body} = renderBrief(doc, [f], {cache: new RenderCache()});
    assert.ok(hasClass(tagBefore(body, 'The desk may revisit'), 'brief-finding'));
    assert.ok(!body.includes('brief-disable'), 'comments are not shown');
  });
});

describe('renderBrief: judgement cards', () => {
  test('one card per judgement, each linking to its block', () => {
    const {body, doc} = render(DEFECTS);
    const cards = byClass(body, 'brief-card');
    assert.equal(cards.length, doc.judgements.length);
    const links = byClass(body, 'brief-card-link');
    assert.equal(links.length, doc.judgements.length);
    for (const [i, link] of links.entries()) {
      const line = doc.lines.positionAt(doc.judgements[i].section.start).line;
      assert.equal(link.attrs.get('href'), `#L${line}`);
      assert.equal(cards[i].attrs.get('data-target-line'), String(line));
      assert.ok(tags(body).some((t) => t.attrs.get('id') === `L${line}`));
    }
  });

  test('the yardstick: one segment per scale term at its band, the judgement band highlighted, an accessible label', () => {
    const {body} = render(brief());
    const phia = builtinScales.get('phia')!;
    const segs = byClass(body, 'brief-yardstick-seg');
    assert.equal(segs.length, phia.terms.length);
    for (const [i, t] of phia.terms.entries()) {
      assert.equal(segs[i].attrs.get('data-term'), t.term);
      assert.equal(Number(segs[i].attrs.get('x')), t.band[0]);
      assert.equal(Number(segs[i].attrs.get('width')), t.band[1] - t.band[0]);
    }
    const active = byClass(body, 'brief-yardstick-active');
    assert.equal(active.length, 1);
    assert.equal(active[0].attrs.get('data-term'), 'likely');
    const svg = tags(body).find((t) => t.name === 'svg')!;
    assert.equal(svg.attrs.get('role'), 'img');
    assert.equal(svg.attrs.get('aria-label'), 'likely: 55–75% on the UK PHIA Probability Yardstick');
    // Gaps between bands stay visible: no segment covers 20–25%.
    assert.ok(!phia.terms.some((t) => t.band[0] < 25 && t.band[1] > 20));
  });

  test('ICD 203 draws its two rows; each term is a segment', () => {
    const {body} = render(DEFECTS);
    const icd = builtinScales.get('icd203')!;
    const first = body.slice(body.indexOf('<svg'), body.indexOf('</svg>'));
    assert.equal(byClass(first, 'brief-yardstick-seg').length, icd.terms.length);
    assert.equal(new Set(byClass(first, 'brief-yardstick-seg').map((t) => t.attrs.get('y'))).size, 2);
  });

  test('off-scale and missing likelihoods are marked; timeframe, evidence and confidence are shown', () => {
    const text = brief({
      judgements: [
        {statement: 'The ferry operators are very likely to resume the night service within the next three months.', evidence: ['The operators have hired twelve new crew members since June.[^s1]', 'Unsourced item about the timetable.']},
        {statement: 'We judge with high confidence that the harbour will reopen.', evidence: []},
      ],
    });
    const {body} = render(text);
    const cards = body.split(/<li class="brief-card[ "]/).slice(1);
    assert.equal(cards.length, 2);
    assert.match(cards[0], /brief-yardstick-offscale/);
    assert.match(cards[0], /Not on the UK PHIA Probability Yardstick/);
    assert.equal(byClass(cards[0], 'brief-yardstick-active').length, 0);
    assert.match(cards[0], /aria-label="very likely: [^"]*not a term of the UK PHIA Probability Yardstick"/);
    assert.match(cards[0], /<li class="brief-card-timeframe">within the next three months<\/li>/);
    assert.match(cards[0], /data-evidence="2" data-sourced="1">2 evidence items, 1 sourced <span class="brief-badge brief-badge-warn">1 unsourced<\/span>/);
    assert.match(cards[1], /No likelihood stated/);
    assert.match(cards[1], /No time frame/);
    assert.match(cards[1], /<li class="brief-card-confidence">high confidence<\/li>/);
    assert.match(cards[1], /No evidence/);
    assert.match(cards[1], /aria-label="No likelihood stated\. UK PHIA Probability Yardstick"/);
  });

  test('Summary cross-check: disagrees from summary-mismatch findings, agrees when restated with the same band', () => {
    const defects = render(DEFECTS).body;
    const status = byClass(defects, 'brief-card-summary').map((t) => t.attrs.get('data-summary'));
    assert.deepEqual(status.slice(0, 2), ['disagrees', 'disagrees']);
    const clean = render(brief()).body;
    assert.deepEqual(byClass(clean, 'brief-card-summary').map((t) => t.attrs.get('data-summary')), ['agrees']);
    const elsewhere = render(brief({summary: 'The council budget is unlikely to pass before the winter recess.'})).body;
    assert.deepEqual(byClass(elsewhere, 'brief-card-summary').map((t) => t.attrs.get('data-summary')), ['absent']);
  });

  test('Summary cross-check: one Summary sentence restating two judgements in two clauses agrees with both', () => {
    const text = brief({
      summary: 'The ferry operators are likely to resume the night service within the next three months, and the harbour board is unlikely to raise mooring fees before the spring.',
      judgements: [
        {statement: 'The ferry operators are likely to resume the night service within the next three months.', evidence: ['The operators have hired twelve new crew members since June.[^s1]']},
        {statement: 'The harbour board is unlikely to raise mooring fees before the spring.', evidence: ['The board froze fees in its October minutes.[^s1]']},
      ],
    });
    const {body} = render(text);
    assert.deepEqual(byClass(body, 'brief-card-summary').map((t) => t.attrs.get('data-summary')), ['agrees', 'agrees']);
  });

  test('statement text in cards is escaped', () => {
    const {body} = render(brief({judgements: [{statement: 'The <b>operators</b> & "crews" are likely to resume the night service within the next three months.', evidence: ['Item.[^s1]']}]}));
    const card = body.slice(body.indexOf('brief-card-statement'), body.indexOf('</p>', body.indexOf('brief-card-statement')));
    assert.ok(!card.includes('<b>'));
    assert.ok(card.includes('&amp;'));
  });

  test('the list layout: one card per listed judgement', () => {
    const text = `---\ntitle: List\n---\n\n# List\n\n## Summary\n\nThe port is likely to reopen within six months.\n\n## Key Judgements\n\n1. The port is likely to reopen within six months.\n2. The union is unlikely to strike before the March election.\n`;
    const {body, doc} = render(text);
    assert.equal(doc.judgements.length, 2);
    const cards = byClass(body, 'brief-card-link');
    assert.equal(cards.length, 2);
    assert.equal(cards[1].attrs.get('href'), `#L${sourceLine(text, '2. The union')}`);
    assert.match(body, /Evidence in the body of the brief/);
  });

  test('a brief without judgements says how to add them', () => {
    const {body} = render('# Notes\n\nJust notes.\n');
    assert.match(body, /No key judgements found/);
  });
});
