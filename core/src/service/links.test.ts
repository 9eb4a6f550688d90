import {test} from 'node:test';
import assert from 'node:assert/strict';
import {documentLinks, linkTarget} from './links.js';
import {parseBrief} from '../parse/document.js';

test('document links: inline links, bare URLs, autolinks, link definitions', () => {
  const text = `# Ferries

See [the notice](https://example.org/notice "Notice") and <https://example.org/auto>.
Also https://example.org/bare, www.example.org/www and <press@example.org>.
Mail [us](mailto:desk@example.org). Not [relative](./other.brief.md) or [ftp](ftp://example.org/f).
Code: \`https://example.org/code\`.

[^a]: Gazette, https://example.org/footnote.

[def]: <https://example.org/def> "Def"
[plain]: http://example.org/plain
`;
  const links = documentLinks(parseBrief(text));
  assert.deepEqual(links.map((l) => [text.slice(l.start, l.end), l.target]), [
    ['https://example.org/notice', 'https://example.org/notice'],
    ['https://example.org/auto', 'https://example.org/auto'],
    ['https://example.org/bare', 'https://example.org/bare'],
    ['www.example.org/www', 'http://www.example.org/www'],
    ['press@example.org', 'mailto:press@example.org'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['https://example.org/footnote', 'https://example.org/footnote'],
    ['https://example.org/def', 'https://example.org/def'],
    ['http://example.org/plain', 'http://example.org/plain'],
  ]);
});

test('linkTarget keeps only http, https and mailto', () => {
  assert.equal(linkTarget('HTTPS://example.org'), 'HTTPS://example.org');
  assert.equal(linkTarget('javascript:alert(1)'), undefined);
  assert.equal(linkTarget('file:///etc/passwd'), undefined);
  assert.equal(linkTarget('./x.md'), undefined);
  assert.equal(linkTarget('https://'), undefined);
});

test('document links with CRLF and emoji before them', () => {
  const text = '# 🚢\r\n\r\n🚢 [x](https://example.org/a) 🚢 https://example.org/b\r\n';
  assert.deepEqual(documentLinks(parseBrief(text)).map((l) => text.slice(l.start, l.end)), ['https://example.org/a', 'https://example.org/b']);
  assert.deepEqual(documentLinks(parseBrief('')), []);
});
