/**
 * Shared fixtures for the protocol tests: fictional briefs and the diagnostics the
 * engine expects for a text, with positions computed independently of the server.
 */
import {mkdtempSync, realpathSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import type {Diagnostic} from 'vscode-languageserver-protocol/node';
import {lintText, defaultConfig, type ResolvedConfig} from '../../core/src/index.js';
import {positionAt, summarize} from './harness.js';

/** A brief with findings spread over the whole document (summary, judgements, evidence, sources). */
export const FERRY = `---
title: Ferry Routes in the Outer Isles
date: 2026-11-02
scale: phia
---

# Ferry Routes in the Outer Isles

## Summary

🚢 The operators are likely to resume the night ferry within three months. Fuel costs will probably stay high through 2027.

## Key Judgement 1

The operators are very likely to resume the night ferry within three months.

- Crews were hired in June.[^crews]
- Harbour fees rose by 12% in October.

## Key Judgement 2

Fuel costs may stay high through 2027, and could possibly rise further.

- Suppliers reportedly cut deliveries in the autumn.[^fuel]

## Sources

[^crews]: Islands Gazette, hiring notice, 2026-10-01. Grade B2.
[^fuel]: Fuel board, monthly bulletin, 2026-10-20. Grade B2.
[^unused]: Ferry office, timetable, 2026-09-01. Grade A1.
`;

/** A brief with no findings. */
export const CLEAN = `---
title: Bridge Tolls on the Delta Road
date: 2026-11-02
scale: phia
---

# Bridge Tolls on the Delta Road

## Summary

The delta authority is highly likely to raise the bridge toll before the 2027 budget.

## Key Judgement 1

The delta authority is highly likely to raise the bridge toll before the 2027 budget.

- The authority's draft budget assumes a higher toll from January.[^draft]
- Maintenance costs for the bridge doubled in 2026.[^audit]

## Sources

[^draft]: Delta authority, draft budget 2027, 2026-10-01. Grade A2.
[^audit]: Regional audit office, bridge maintenance review, 2026-09-15. Grade A1.
`;

/** Diagnostics the server should publish for `text`: engine findings, positions in UTF-16 per LSP. */
export function expected(text: string, config: ResolvedConfig = defaultConfig()): string[] {
  return lintText(text, {config})
    .findings.map((f) =>
      summarize({
        code: f.ruleId,
        message: f.message,
        range: {start: positionAt(text, f.start), end: positionAt(text, f.end)},
      } as Diagnostic),
    )
    .sort();
}

export function actual(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map(summarize).sort();
}

/** A fresh temporary folder (real path, so file URIs match what the server derives). */
export function tempDir(prefix = 'brief-lsp-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** A URI under a folder that does not exist, so no .briefrc file applies. */
export function scratchUri(name: string): string {
  return `file:///nonexistent-brief-lsp-tests/${name}.brief.md`;
}
