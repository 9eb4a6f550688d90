/**
 * Hostile briefs: nothing in a brief may become script, an event handler, a
 * `javascript:` URL, a frame, a style sheet or any other active content.
 */
import {test, describe} from 'node:test';
import assert from 'node:assert/strict';
import {lintText} from '../linter.js';
import {brief} from '../testing/rule-tester.js';
import {renderBrief, RenderCache} from './index.js';
import {article, byClass, tags} from './html-reader.js';

const HOSTILE_LINES = [
  '<script>alert("block")</script>',
  '',
  'Inline <script>alert("inline")</script> script and <img src=x onerror=alert("img")> image.',
  '',
  '[click](javascript:alert("link")) [upper](JAVASCRIPT:alert(1)) [spaced](<javascript:alert(1)>) [entity](jav&#x61;script:alert(1))',
  '',
  '[vb](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [file](file:///etc/passwd)',
  '',
  '<javascript:alert("autolink")>',
  '',
  '<iframe src="https://evil.example/frame"></iframe>',
  '',
  '<svg onload=alert("svg")><script>alert("svg-script")</script></svg>',
  '',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("mxss")>',
  '',
  '![pixel](javascript:alert("img-src")) ![titled](https://example.org/a.png "x\\" onerror=\\"alert(1)")',
  '',
  '[titled link](https://example.org "a\\" onclick=\\"alert(1)")',
  '',
  '<a href="javascript:alert(1)" onclick="alert(2)">raw anchor</a>',
  '',
  '<div style="position:fixed;inset:0" onmouseover="alert(1)">overlay</div>',
  '',
  '<style>body{display:none}</style>',
  '',
  '<link rel="stylesheet" href="https://evil.example/x.css"><meta http-equiv="refresh" content="0;url=https://evil.example">',
  '',
  '<form action="https://evil.example"><input name=q><button>go</button></form>',
  '',
  '<object data="x.swf"></object><embed src="x.swf"><base href="https://evil.example/">',
  '',
  '| cell <script>alert("cell")</script> | <img src=x onerror=alert(1)> |',
  '|---|---|',
  '| [x](javascript:alert(1)) | ok |',
  '',
  '> quoted <script>alert("quote")</script>',
  '',
  '- item <iframe src=x></iframe>',
  '',
  '```html',
  '<script>alert("code")</script>',
  '```',
  '',
  '[ref link][evil]',
  '',
  '[evil]: javascript:alert("ref")',
  '',
  'Cited.[^x"onmouseover=alert(1)]',
  '',
  '[^x"onmouseover=alert(1)]: A note <script>alert("footnote")</script> with [a link](javascript:alert(1)).',
  '',
  'NUL \u0000 and fake sentinel \u00000o\u0000 and &#0; stay inert.',
];

const HOSTILE_BODY = HOSTILE_LINES.join('\n') + '\n';

function hostileBrief(): string {
  return brief({
    rawFrontMatter: '---\ntitle: "<script>alert(\'title\')</script>"\nclassification: "<img src=x onerror=alert(1)>"\nauthors:\n  - "<b onmouseover=alert(1)>A</b>"\ndate: 2026-11-01\n---\n\n',
    title: 'Hostile <b>brief</b>',
    judgements: [
      {statement: 'The <script>alert("kj")</script> operators are likely to resume the night service within the next three months.', evidence: ['Evidence <img src=x onerror=alert("ev")>.[^s1]']},
    ],
    extra: '\n## Notes\n\n' + HOSTILE_BODY,
  });
}

const SAFE_HREF = /^(?:#|https?:|mailto:|irc:|ircs:|xmpp:)/i;

function assertInert(html: string) {
  const all = tags(html);
  const forbidden = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'form', 'input:text', 'button', 'link', 'base', 'math', 'foreignobject', 'textarea', 'select']);
  for (const t of all) {
    assert.ok(!forbidden.has(t.name), `<${t.name}> survived`);
    for (const [name, value] of t.attrs) {
      assert.ok(!/^on/i.test(name), `event handler ${name} on <${t.name}>`);
      assert.ok(!/^\s*(?:javascript|vbscript|data):/i.test(value) || (t.name === 'meta' && name === 'content'), `${name}="${value}" on <${t.name}>`);
      assert.notEqual(name, 'style', `style attribute on <${t.name}>`);
      assert.notEqual(name, 'srcdoc');
      assert.notEqual(name, 'formaction');
    }
    const href = t.attrs.get('href');
    if (href !== undefined) assert.match(href, SAFE_HREF, `href ${href}`);
    const src = t.attrs.get('src');
    if (src !== undefined) assert.match(src, /^https?:/i, `src ${src}`);
    if (t.name === 'input') assert.equal(t.attrs.get('type'), 'checkbox');
  }
  // Only our own <style> (in the head) and our own <meta> tags.
  assert.ok(all.filter((t) => t.name === 'style').length <= 1);
  for (const m of all.filter((t) => t.name === 'meta')) assert.ok(m.attrs.has('charset') || ['Content-Security-Policy'].includes(m.attrs.get('http-equiv') ?? '') || ['viewport', 'color-scheme'].includes(m.attrs.get('name') ?? ''), 'foreign <meta>');
  assert.ok(!html.includes('\0'), 'no NUL in the output');
}

describe('renderBrief: hostile briefs', () => {
  const text = hostileBrief();
  const {doc, findings} = lintText(text);
  const {html, body} = renderBrief(doc, findings, {standalone: true, cache: new RenderCache()});

  test('no script, frame, form, object, style or meta from the brief survives; no handlers; no unsafe URLs', () => {
    assertInert(html);
  });

  test('SVG appears only as our own yardsticks', () => {
    const svgs = tags(body).filter((t) => t.name === 'svg');
    assert.equal(svgs.length, doc.judgements.length);
    for (const s of svgs) assert.equal(s.attrs.get('class'), 'brief-yardstick-bar');
    assert.equal(tags(article(body)).filter((t) => t.name === 'svg').length, 0);
  });

  test('the text of raw HTML is kept, escaped, as inert text', () => {
    const a = article(body);
    assert.ok(a.includes('&lt;script>alert("block")&lt;/script>'), 'block HTML shown as text');
    assert.ok(a.includes('<code class="brief-raw-html">&lt;script></code>'), 'inline HTML shown as text');
    assert.ok(a.includes('&lt;iframe src="https://evil.example/frame">'));
    assert.ok(a.includes('<code class="language-html">&lt;script>alert("code")&lt;/script>'), 'code stays code');
    assert.ok(a.includes('Inline '), 'surrounding prose kept');
    assert.ok(a.includes('raw anchor'));
  });

  test('links with unsafe URLs keep their text but lose the URL', () => {
    const a = article(body);
    assert.ok(/<a>click<\/a>/.test(a));
    assert.ok(/<a>upper<\/a>/.test(a));
    assert.ok(/<a>ref link<\/a>/.test(a));
    assert.ok(/<a>vb<\/a>/.test(a));
    assert.ok(/<a>data<\/a>/.test(a));
  });

  test('front matter and headings are escaped', () => {
    const header = body.slice(body.indexOf('<header'), body.indexOf('</header>'));
    assert.ok(header.includes('&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;'));
    assert.ok(header.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('<title>&lt;script&gt;'));
    const footer = body.slice(body.indexOf('<footer'));
    assert.ok(footer.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  test('a hostile footnote label becomes a safe id and href, and they still pair', () => {
    for (const c of byClass(body, 'brief-cite')) if (c.attrs.has('href')) assert.match(c.attrs.get('href')!, /^#user-content-fn-[a-z0-9_-]+$/);
    const pair = byClass(body, 'brief-cite').find((t) => (t.attrs.get('href') ?? '').startsWith('#user-content-fn-x_22'));
    assert.ok(pair, 'citation rendered');
    assert.ok(tags(body).some((t) => t.attrs.get('id') === pair.attrs.get('href')!.slice(1)), 'its entry has the id');
  });

  test('NUL characters and forged sentinels do not disturb the structure', () => {
    const a = article(body);
    assert.ok(a.includes('stay inert.'));
    const blocks = tags(a).filter((t) => t.attrs.has('data-line'));
    const lines = blocks.map((t) => Number(t.attrs.get('data-line')));
    assert.deepEqual(lines, [...lines].sort((x, y) => x - y), 'lines in document order');
  });

  test('each hostile line, alone in a brief, renders inert', () => {
    for (const line of HOSTILE_LINES.filter((l) => l.trim())) {
      const t = brief({extra: `\n## Notes\n\n${line}\n`});
      const r = lintText(t);
      assertInert(renderBrief(r.doc, r.findings, {standalone: true, cache: new RenderCache()}).html);
    }
  });

  test('finding messages that quote hostile text stay escaped', () => {
    const t = brief({judgements: [{statement: 'The <script>x</script> operators are very likely to resume the night service within the next three months.', evidence: ['Item.[^s1]']}]});
    const r = lintText(t);
    const out = renderBrief(r.doc, [...r.findings, {ruleId: 'x', category: 'style', severity: 'error', message: '<img src=x onerror=alert(1)>', start: 0, end: 1}], {standalone: true, cache: new RenderCache()});
    assertInert(out.html);
    assert.ok(out.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });
});

describe('renderBrief: Markdown the parser cannot take', () => {
  test('a section nested too deeply for the parser shows as escaped text; the rest renders', () => {
    const text = brief({extra: `\n## Deep\n\n${'>'.repeat(5000)} <script>alert(1)</script> deep\n`});
    const {doc, findings} = lintText(text);
    const {html, body} = renderBrief(doc, findings, {standalone: true, cache: new RenderCache()});
    assertInert(html);
    // Shown as text, and marked with the engine's finding that it could not be read.
    assert.match(body, /<pre class="brief-raw-html brief-unrendered[^"]*" data-line="\d+" id="L\d+"[^>]*data-rules="nesting-too-deep"[^>]*><code>## Deep/);
    assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt; deep'));
    assert.match(body, /<h2 data-line="\d+" id="L\d+">Summary<\/h2>/);
  });

  test('a section nested deeper than the engine reads shows as its text, without going through the parser', () => {
    // Lists nested 300 deep: remark would parse them, in time quadratic in the depth.
    const nested = Array.from({length: 300}, (_, i) => `${'  '.repeat(i)}- level <b>${i}</b>`).join('\n');
    const text = brief({extra: `\n## Nested\n\n${nested}\n`});
    const {doc, findings} = lintText(text);
    assert.ok(findings.some((f) => f.ruleId === 'nesting-too-deep'), 'the engine stops reading the section');
    const {html, body} = renderBrief(doc, findings, {standalone: true, cache: new RenderCache()});
    assertInert(html);
    assert.match(body, /<pre class="brief-raw-html brief-unrendered[^"]*"[^>]*><code>## Nested/);
    assert.ok(body.includes('- level &lt;b&gt;299&lt;/b&gt;'));
    assert.ok(!/<li>/.test(body.slice(body.indexOf('## Nested'))), 'no list rendered from that section');
    assert.match(body, /<h2 data-line="\d+" id="L\d+">Summary<\/h2>/);
  });
});
