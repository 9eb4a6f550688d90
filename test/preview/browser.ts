/** Headless Chromium (Debian's, driven by playwright-core) for the preview's browser tests. */
import {chromium, type Browser} from 'playwright-core';
import {existsSync} from 'node:fs';

export const CHROMIUM = process.env.BRIEF_CHROMIUM ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (CI does this in .ci/run) or set BRIEF_CHROMIUM.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * A page as the webview would be: the script under test, a fake `acquireVsCodeApi`
 * that records what the script posts, and the extension's CSP.
 */
export function webviewPage(body: string, css: string, script: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-t' 'unsafe-inline'; script-src 'nonce-t';">
<style nonce="t">${css}</style></head>
<body class="vscode-light"><main id="brief-root">${body}</main>
<script nonce="t">
window.__posted = [];
window.__state = undefined;
window.acquireVsCodeApi = () => ({postMessage: (m) => window.__posted.push(m), getState: () => window.__state, setState: (s) => { window.__state = s; }});
</script>
<script nonce="t">${script}</script></body></html>`;
}
