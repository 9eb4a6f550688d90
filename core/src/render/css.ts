/**
 * The preview's stylesheet. Colours are CSS variables that follow the VS Code theme
 * variables when the page is in a webview (`--vscode-*`), with light and dark
 * fallbacks for a standalone page (`prefers-color-scheme`, or `data-theme` to force
 * one). High contrast (VS Code's and the OS's forced colours), print and keyboard
 * focus are handled here too.
 */

const LIGHT = `
  --brief-fb-fg: #1f2328;
  --brief-fb-bg: #ffffff;
  --brief-fb-muted: #59636e;
  --brief-fb-border: #d1d9e0;
  --brief-fb-panel: #f6f8fa;
  --brief-fb-link: #0969da;
  --brief-fb-focus: #0969da;
  --brief-fb-code-bg: #eff1f3;
  --brief-fb-error: #cf222e;
  --brief-fb-warning: #9a6700;
  --brief-fb-info: #0969da;
  --brief-fb-hint: #59636e;
  --brief-fb-ok: #1a7f37;
  --brief-fb-track: #e4e8ec;
  --brief-fb-seg: #a8b3bf;
  --brief-fb-active: #0969da;
  --brief-fb-popup: #ffffff;`;

const DARK = `
  --brief-fb-fg: #e6edf3;
  --brief-fb-bg: #0d1117;
  --brief-fb-muted: #9198a1;
  --brief-fb-border: #3d444d;
  --brief-fb-panel: #151b23;
  --brief-fb-link: #4493f8;
  --brief-fb-focus: #4493f8;
  --brief-fb-code-bg: #1f2630;
  --brief-fb-error: #f85149;
  --brief-fb-warning: #d29922;
  --brief-fb-info: #4493f8;
  --brief-fb-hint: #9198a1;
  --brief-fb-ok: #3fb950;
  --brief-fb-track: #262c36;
  --brief-fb-seg: #56606c;
  --brief-fb-active: #4493f8;
  --brief-fb-popup: #1f2630;`;

export const CSS = `
.brief-page, .brief-root {${LIGHT}
}
@media (prefers-color-scheme: dark) {
  .brief-page:not([data-theme="light"]), .brief-root:not([data-theme="light"]) {${DARK}
  }
}
.brief-page[data-theme="dark"], .brief-root[data-theme="dark"] {${DARK}
}
/* In a VS Code webview the body carries the theme kind: dark fallbacks for any variable the theme leaves unset. */
body.vscode-dark .brief-root:not([data-theme="light"]), body.vscode-high-contrast:not(.vscode-high-contrast-light) .brief-root:not([data-theme="light"]) {${DARK}
}
.brief-page[data-theme="light"], .brief-root[data-theme="light"] {${LIGHT}
}
.brief-root {
  --brief-fg: var(--vscode-editor-foreground, var(--brief-fb-fg));
  --brief-bg: var(--vscode-editor-background, var(--brief-fb-bg));
  --brief-muted: var(--vscode-descriptionForeground, var(--brief-fb-muted));
  --brief-border: var(--vscode-contrastBorder, var(--vscode-panel-border, var(--brief-fb-border)));
  --brief-panel: var(--vscode-editorWidget-background, var(--brief-fb-panel));
  --brief-link: var(--vscode-textLink-foreground, var(--brief-fb-link));
  --brief-focus: var(--vscode-focusBorder, var(--brief-fb-focus));
  --brief-code-bg: var(--vscode-textCodeBlock-background, var(--brief-fb-code-bg));
  --brief-error: var(--vscode-editorError-foreground, var(--brief-fb-error));
  --brief-warning: var(--vscode-editorWarning-foreground, var(--brief-fb-warning));
  --brief-info: var(--vscode-editorInfo-foreground, var(--brief-fb-info));
  --brief-hint: var(--vscode-descriptionForeground, var(--brief-fb-hint));
  --brief-ok: var(--vscode-testing-iconPassed, var(--brief-fb-ok));
  --brief-track: var(--vscode-input-background, var(--brief-fb-track));
  --brief-seg: var(--vscode-disabledForeground, var(--brief-fb-seg));
  --brief-active: var(--vscode-charts-blue, var(--brief-fb-active));
  --brief-popup: var(--vscode-editorHoverWidget-background, var(--brief-fb-popup));
  --brief-font: var(--vscode-markdown-font-family, var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif));
  --brief-mono: var(--vscode-editor-font-family, ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace);
  color: var(--brief-fg);
  background: var(--brief-bg);
  font-family: var(--brief-font);
  font-size: var(--vscode-markdown-font-size, 1rem);
  line-height: 1.6;
  max-width: 52rem;
  margin: 0 auto;
  padding: 1rem 1.25rem 3rem;
  overflow-wrap: break-word;
}
body.brief-page { margin: 0; background: var(--vscode-editor-background, var(--brief-fb-bg)); color: var(--vscode-editor-foreground, var(--brief-fb-fg)); }
.brief-root *, .brief-root *::before, .brief-root *::after { box-sizing: border-box; }
.brief-root a { color: var(--brief-link); }
.brief-root a:hover { text-decoration: underline; }
.brief-root :focus { outline: none; }
.brief-root :focus-visible, .brief-root .brief-finding:focus { outline: 2px solid var(--brief-focus); outline-offset: 2px; border-radius: 2px; }
.brief-root h1, .brief-root h2, .brief-root h3, .brief-root h4, .brief-root h5, .brief-root h6 { line-height: 1.25; margin: 1.5em 0 .5em; font-weight: 600; }
.brief-root h1 { font-size: 1.9em; }
.brief-root h2 { font-size: 1.45em; border-bottom: 1px solid var(--brief-border); padding-bottom: .2em; }
.brief-root h3 { font-size: 1.2em; }
.brief-root p, .brief-root ul, .brief-root ol, .brief-root blockquote, .brief-root pre, .brief-root table { margin: 0 0 1em; }
.brief-root ul, .brief-root ol { padding-left: 2em; }
.brief-root li + li { margin-top: .25em; }
.brief-root blockquote { margin-left: 0; padding: 0 1em; color: var(--brief-muted); border-left: .25em solid var(--brief-border); }
.brief-root code, .brief-root pre { font-family: var(--brief-mono); font-size: .9em; }
.brief-root code { background: var(--brief-code-bg); padding: .1em .35em; border-radius: 4px; }
.brief-root pre { background: var(--brief-code-bg); padding: .8em 1em; overflow-x: auto; border-radius: 6px; line-height: 1.45; }
.brief-root pre code { background: none; padding: 0; }
.brief-root .brief-raw-html { color: var(--brief-muted); }
.brief-root pre.brief-unrendered[title]::before { content: attr(title); display: block; margin-bottom: 0.5em; font-family: inherit; font-style: italic; white-space: normal; }
.brief-root table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
.brief-root th, .brief-root td { border: 1px solid var(--brief-border); padding: .35em .75em; position: relative; }
.brief-root th { background: var(--brief-panel); }
.brief-root img { max-width: 100%; }
.brief-root hr { border: 0; border-top: 1px solid var(--brief-border); margin: 1.5em 0; }
.brief-root .brief-cite-ref { font-size: .75em; line-height: 0; }
.brief-root .brief-cite { text-decoration: none; padding: 0 .1em; }
.brief-root .brief-cite::before { content: "["; }
.brief-root .brief-cite::after { content: "]"; }
.brief-root .brief-cite-unresolved { color: var(--brief-error); text-decoration: underline wavy; cursor: help; }
.brief-root .brief-footnote, .brief-root .brief-definition { font-size: .9em; }
.brief-root .brief-footnote p { margin: 0 0 .4em; }
.brief-root .brief-footnote-label { font-weight: 600; margin-right: .25em; }
.brief-root .brief-footnote-label::before { content: "["; }
.brief-root .brief-footnote-label::after { content: "]"; }
.brief-root .brief-footnote:target, .brief-root [id^="L"]:target { background: color-mix(in srgb, var(--brief-focus) 14%, transparent); }

/* Front matter header and classification banners. */
.brief-header { margin-bottom: 1.25rem; }
.brief-classification { text-align: center; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; font-size: .85em; border: 1px solid var(--brief-border); padding: .15em .5em; margin: 0 0 .75rem; }
.brief-meta { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: 0; font-size: .95em; }
.brief-meta dt { color: var(--brief-muted); }
.brief-meta dd { margin: 0; }
.brief-footer .brief-classification { margin-top: 2rem; }

/* Panels: findings summary and judgement cards. */
.brief-panel-title { font-size: 1.1em !important; border: 0 !important; margin: 0 0 .6em !important; padding: 0 !important; }
.brief-findings-summary, .brief-judgements { background: var(--brief-panel); border: 1px solid var(--brief-border); border-radius: 8px; padding: .9rem 1rem; margin: 0 0 1.25rem; }
.brief-counts { list-style: none; padding: 0 !important; margin: 0 0 .5em !important; display: flex; flex-wrap: wrap; gap: .4em; }
.brief-counts li { margin: 0 !important; }
.brief-count { display: inline-flex; gap: .35em; align-items: baseline; padding: .1em .6em; border-radius: 999px; border: 1px solid var(--brief-border); text-decoration: none; color: var(--brief-fg) !important; background: var(--brief-bg); }
.brief-count-n { font-weight: 700; }
.brief-count[data-severity="error"] { border-color: var(--brief-error); }
.brief-count[data-severity="error"] .brief-count-n { color: var(--brief-error); }
.brief-count[data-severity="warning"] { border-color: var(--brief-warning); }
.brief-count[data-severity="warning"] .brief-count-n { color: var(--brief-warning); }
.brief-count[data-severity="info"] .brief-count-n { color: var(--brief-info); }
.brief-findings-none { margin: 0; color: var(--brief-ok); }
.brief-findings-list summary { cursor: pointer; color: var(--brief-muted); }
.brief-findings-list ol { margin: .5em 0 0; font-size: .92em; }
.brief-findings-list a { text-decoration: none; }
.brief-sev { font-weight: 600; text-transform: capitalize; }
.brief-sev-error { color: var(--brief-error); }
.brief-sev-warning { color: var(--brief-warning); }
.brief-sev-info { color: var(--brief-info); }
.brief-sev-hint { color: var(--brief-hint); }
.brief-rule { color: var(--brief-muted); font-family: var(--brief-mono); font-size: .85em; }

.brief-cards { list-style: none; padding: 0 !important; margin: 0 !important; display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .75rem; }
.brief-card { margin: 0 !important; background: var(--brief-bg); border: 1px solid var(--brief-border); border-left: 4px solid var(--brief-active); border-radius: 6px; padding: .65rem .8rem; break-inside: avoid; }
.brief-card-error { border-left-color: var(--brief-error); }
.brief-card-warning { border-left-color: var(--brief-warning); }
.brief-card-info, .brief-card-hint { border-left-color: var(--brief-info); }
.brief-card-link { font-weight: 600; text-decoration: none; display: inline-block; }
.brief-card-number { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 999px; background: var(--brief-active); color: var(--brief-bg); font-size: .85em; padding: 0 .35em; }
.brief-card-statement { margin: .4em 0 .6em !important; }
.brief-card-meta { list-style: none; padding: 0 !important; margin: .4em 0 0 !important; font-size: .88em; color: var(--brief-muted); }
.brief-card-meta li { margin: .1em 0 !important; }
.brief-card-likelihood { color: var(--brief-fg); font-weight: 600; }
.brief-card-band { font-weight: 400; color: var(--brief-muted); }
.brief-summary-agrees { color: var(--brief-ok); }
.brief-summary-disagrees { color: var(--brief-error); font-weight: 600; }
.brief-card-findings { color: var(--brief-warning); }
.brief-card-findings[data-severity="error"] { color: var(--brief-error); }
.brief-badge { display: inline-block; font-size: .85em; font-weight: 600; border-radius: 4px; padding: 0 .4em; border: 1px solid currentColor; }
.brief-badge-missing, .brief-badge-offscale { color: var(--brief-error); }
.brief-badge-warn { color: var(--brief-warning); }
.brief-missing { color: var(--brief-muted); font-style: italic; }
.brief-empty { margin: 0; color: var(--brief-muted); }

/* The probability yardstick. */
.brief-yardstick { margin: .2em 0 .3em; }
.brief-yardstick-bar { display: block; width: 100%; height: 1.1rem; overflow: visible; }
.brief-yardstick-track { fill: var(--brief-track); }
.brief-yardstick-seg { fill: var(--brief-seg); stroke: var(--brief-bg); stroke-width: 1px; }
.brief-yardstick-active { fill: var(--brief-active); }
.brief-yardstick-offscale { fill: none; stroke: var(--brief-error); stroke-width: 2px; stroke-dasharray: 3 2; }
.brief-yardstick-axis { display: flex; justify-content: space-between; font-size: .72em; color: var(--brief-muted); line-height: 1.3; }

/* Findings in place: colour, a border style per severity (not colour alone) and the messages. */
.brief-root .brief-finding { position: relative; border-left: 3px solid var(--brief-sev, var(--brief-warning)); padding-left: .5em; background: color-mix(in srgb, var(--brief-sev, var(--brief-warning)) 7%, transparent); cursor: help; }
.brief-root tr.brief-finding { border-left: 0; padding-left: 0; }
.brief-root tr.brief-finding > :first-child { box-shadow: inset 3px 0 0 var(--brief-sev); }
.brief-root .brief-finding-error { --brief-sev: var(--brief-error); }
.brief-root .brief-finding-warning { --brief-sev: var(--brief-warning); border-left-style: dashed; }
.brief-root .brief-finding-info { --brief-sev: var(--brief-info); border-left-style: dotted; }
.brief-root .brief-finding-hint { --brief-sev: var(--brief-hint); border-left-style: dotted; border-left-width: 2px; }
.brief-root li.brief-finding { margin-left: -.5em; padding-left: calc(.5em - 3px); }
.brief-finding-msg {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.brief-root .brief-finding:focus > .brief-finding-msg, .brief-root .brief-finding:focus > :first-child > .brief-finding-msg {
  clip: auto; clip-path: none; width: auto; height: auto; overflow: visible; white-space: normal;
  z-index: 20; left: 0; top: 100%; min-width: 16rem; max-width: min(36rem, 90vw); margin-top: 4px;
  background: var(--brief-popup); color: var(--brief-fg); border: 1px solid var(--brief-border); border-radius: 6px;
  padding: .4em .6em; box-shadow: 0 4px 14px rgba(0, 0, 0, .25); font-size: .88rem; font-weight: 400; font-style: normal; line-height: 1.45; font-family: var(--brief-font); text-align: left;
}
.brief-finding-item { display: block; }
.brief-finding-item + .brief-finding-item { margin-top: .3em; }

/* VS Code high contrast themes, and the OS's forced colours. */
body.vscode-high-contrast .brief-root .brief-finding, body.vscode-high-contrast-light .brief-root .brief-finding { border-left-width: 4px; background: none; }
body.vscode-high-contrast .brief-card, body.vscode-high-contrast-light .brief-card,
body.vscode-high-contrast .brief-findings-summary, body.vscode-high-contrast .brief-judgements { border-color: var(--vscode-contrastBorder, currentColor); }
body.vscode-high-contrast .brief-root :focus-visible, body.vscode-high-contrast .brief-root .brief-finding:focus { outline-color: var(--vscode-contrastActiveBorder, var(--brief-focus)); }
@media (forced-colors: active) {
  .brief-yardstick-track { fill: Canvas; stroke: CanvasText; }
  .brief-yardstick-seg { fill: GrayText; stroke: Canvas; }
  .brief-yardstick-active { fill: Highlight; }
  .brief-yardstick-offscale { stroke: Mark; }
  .brief-root .brief-finding { border-left-color: Mark; }
}

@media print {
  .brief-page, .brief-root {${LIGHT}
    --brief-fg: #000; --brief-bg: #fff; --brief-panel: #fff; --brief-border: #999; --brief-muted: #444; --brief-link: #000;
    --brief-track: #eee; --brief-seg: #bbb; --brief-active: #000; --brief-popup: #fff; --brief-code-bg: #f3f3f3; --brief-focus: #000; --brief-ok: #1a5e20;
    --brief-error: #b00020; --brief-warning: #7a5200; --brief-info: #0b4fa3; --brief-hint: #444;
  }
  body.brief-page { background: #fff; color: #000; }
  .brief-root { max-width: none; padding: 0; font-size: 11pt; }
  .brief-root a { text-decoration: none; }
  .brief-root .brief-finding { background: none; }
  .brief-finding-msg, .brief-root .brief-finding:focus > .brief-finding-msg {
    position: static; display: block; width: auto; height: auto; clip: auto; clip-path: none; overflow: visible; white-space: normal;
    box-shadow: none; border: 0; padding: 0; margin: .2em 0 0; font-size: 8.5pt; font-weight: 400; color: #333; font-style: italic;
  }
  .brief-card, .brief-findings-summary, .brief-judgements, pre, blockquote, table, .brief-yardstick { break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }
  .brief-findings-list:not([open]) { display: none; }
  .brief-yardstick-bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
