/**
 * End-to-end tests of `brief render` (the built out/cli/src/main.js) on temporary
 * folders: the standalone page, config resolution shared with `brief lint`, hostile
 * briefs and errors.
 */
import {test, describe, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, realpathSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {tags} from '../../core/src/render/html-reader.js';
import {runBrief as brief, writeFiles as write} from './test-support.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;

const KJ = `---
title: Ferry Service
date: 2026-11-01
scale: phia
---

# Ferry Service

## Summary

The ferry operators are likely to resume the night service within the next three months.

## Key Judgement 1

The ferry operators are likely to resume the night service within the next three months.

- The operators have hired twelve new crew members since June.[^s1]
- Reportedly, the harbour master has approved the timetable.

## Sources

[^s1]: Harbour Gazette, "Crew hiring", 2026-10-01. Grade B2.
`;

const HOSTILE = `---
title: "<script>alert('t')</script>"
---

# Hostile

<script>alert(1)</script>

Text <img src=x onerror=alert(2)> and [link](javascript:alert(3)) and <iframe src="https://evil.example"></iframe>.

<svg onload=alert(4)><script>alert(5)</script></svg>

<a href="javascript:alert(6)" onclick="alert(7)">anchor</a>
`;

/** Number of findings `brief lint --format json` reports for a file. */
function lintCount(args: string[], cwd: string): number {
  const r = brief(['lint', '--format', 'json', ...args], cwd);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return (JSON.parse(r.stdout) as Array<{messages: unknown[]}>)[0].messages.length;
}

function shownCount(html: string): number {
  if (html.includes('<p class="brief-findings-none">No findings.</p>')) return 0;
  const m = /All (\d+) findings?/.exec(html);
  assert.ok(m, 'findings summary present');
  return Number(m[1]);
}

let tmp: string;
before(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'brief-render-')));
});
after(() => {
  rmSync(tmp, {recursive: true, force: true});
});

describe('brief render', () => {
  test('writes a standalone page to standard output', () => {
    const r = brief(['render', join(EXAMPLES, 'defects.brief.md')], tmp);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^<!DOCTYPE html>/);
    assert.ok(r.stdout.includes(CSP));
    assert.doesNotMatch(r.stdout, /<script/i);
    assert.match(r.stdout, /<title>Water Rights in the Sarno Valley<\/title>/);
    assert.match(r.stdout, /class="brief-card/);
    assert.match(r.stdout, /data-line="\d+"/);
  });

  test('-o writes the page to a file, creating folders', () => {
    const out = join(tmp, 'out', 'nested', 'page.html');
    const r = brief(['render', join(EXAMPLES, 'clean.brief.md'), '-o', out], tmp);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes('<p class="brief-findings-none">No findings.</p>'));
  });

  test('the findings are the ones brief lint reports, with the same config (example folder .briefrc.yaml)', () => {
    const file = join(EXAMPLES, 'defects.brief.md');
    const r = brief(['render', file], tmp);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(shownCount(r.stdout), lintCount([file], tmp));
    // The example config turns source-metadata on: its finding shows in the page.
    assert.match(r.stdout, /data-rules="[^"]*source-metadata/);
  });

  test('config: nearest .briefrc.yaml, --config and --no-config', () => {
    const dir = join(tmp, 'cfg');
    write(dir, {'ferry.brief.md': KJ, '.briefrc.yaml': 'rules:\n  uncited-attribution: off\n', 'other.yaml': 'rules:\n  uncited-attribution: error\n'});
    const file = join(dir, 'ferry.brief.md');
    const nearest = brief(['render', 'ferry.brief.md'], dir);
    assert.equal(nearest.code, 0, nearest.stderr);
    assert.doesNotMatch(nearest.stdout, /uncited-attribution/);
    assert.equal(shownCount(nearest.stdout), lintCount(['ferry.brief.md'], dir));
    const none = brief(['render', file, '--no-config'], tmp);
    assert.match(none.stdout, /data-rules="uncited-attribution"/);
    assert.match(none.stdout, /brief-finding-warning/);
    const explicit = brief(['render', file, '--config', join(dir, 'other.yaml')], tmp);
    assert.match(explicit.stdout, /class="brief-finding brief-finding-error"[^>]*data-rules="uncited-attribution"/);
    assert.equal(shownCount(explicit.stdout), lintCount([file, '--config', join(dir, 'other.yaml')], tmp));
  });

  test('--theme and --title', () => {
    const file = join(EXAMPLES, 'clean.brief.md');
    const dark = brief(['render', file, '--theme', 'dark', '--title', 'Review <copy>'], tmp);
    assert.equal(dark.code, 0, dark.stderr);
    assert.match(dark.stdout, /<body class="brief-page" data-theme="dark">/);
    assert.match(dark.stdout, /<title>Review &lt;copy&gt;<\/title>/);
  });

  test('a hostile brief renders to a page with no script, handler, frame or javascript: URL', () => {
    write(tmp, {'hostile.brief.md': HOSTILE});
    const r = brief(['render', 'hostile.brief.md'], tmp);
    assert.equal(r.code, 0, r.stderr);
    const html = r.stdout;
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<iframe/i);
    for (const t of tags(html)) {
      assert.ok(t.name !== 'svg' || t.attrs.get('class') === 'brief-yardstick-bar', 'only our own SVG');
      for (const [name, value] of t.attrs) {
        assert.doesNotMatch(name, /^on/i, `handler on <${t.name}>`);
        assert.doesNotMatch(value, /^\s*javascript:/i, `${name} on <${t.name}>`);
      }
    }
    assert.ok(/<a>link<\/a>/.test(html), 'the unsafe link keeps its text only');
    assert.ok(html.includes('&lt;script>alert(1)&lt;/script>'), 'the raw HTML is shown as text');
    assert.ok(html.includes('<title>&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;</title>'));
  });

  test('a brief with a BOM and CRLF line endings', () => {
    write(tmp, {'bom.brief.md': '\uFEFF' + KJ.replace(/\n/g, '\r\n')});
    const r = brief(['render', 'bom.brief.md', '--no-config'], tmp);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /<h2[^>]* data-line="12" id="L12"[^>]*>Key Judgement 1/);
    assert.match(r.stdout, /<li[^>]* data-line="16" id="L16"[^>]*>The operators have hired/);
  });

  test('help', () => {
    const r = brief(['render', '--help'], tmp);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: brief render/);
    assert.match(brief(['help', 'render'], tmp).stdout, /Usage: brief render/);
    assert.match(brief(['--help'], tmp).stdout, /render <file>/);
  });

  test('errors exit 2 with a message', () => {
    const cases: Array<[string[], RegExp]> = [
      [['render'], /needs the brief to render/],
      [['render', 'a.brief.md', 'b.brief.md'], /one brief at a time/],
      [['render', 'missing.brief.md'], /Cannot read missing\.brief\.md: no such file/],
      [['render', '.'], /Cannot read \.: not a regular file/],
      [['render', join(EXAMPLES, 'clean.brief.md'), '--theme', 'darkk'], /Unknown theme "darkk"\. Did you mean "dark"\?/],
      [['render', join(EXAMPLES, 'clean.brief.md'), '--bogus'], /Unknown option "--bogus"/],
      [['render', join(EXAMPLES, 'clean.brief.md'), '--config', 'x.yaml', '--no-config'], /cannot be used together/],
      [['render', join(EXAMPLES, 'clean.brief.md'), '--config', join(tmp, 'absent.yaml')], /absent\.yaml/],
    ];
    for (const [args, message] of cases) {
      const r = brief(args, tmp);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '');
    }
  });

  test('an unwritable output exits 2', () => {
    write(tmp, {'blocker': 'a file, not a folder'});
    const r = brief(['render', join(EXAMPLES, 'clean.brief.md'), '-o', join(tmp, 'blocker', 'page.html')], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Cannot write the page/);
  });
});
