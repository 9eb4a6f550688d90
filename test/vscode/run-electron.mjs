#!/usr/bin/env node
// @ts-check
/**
 * Runs the extension test suite in desktop VS Code through @vscode/test-electron, which
 * downloads VS Code (into .vscode-test/) on first use. For contributors whose machines can
 * reach update.code.visualstudio.com; CI here uses run-code-server.mjs instead. Same suite,
 * same fixture workspace, same settings.
 *
 * Prerequisites: npm run build && node scripts/bundle.mjs && node scripts/vscode-test/bundle-suite.mjs
 * Usage: node test/vscode/run-electron.mjs        (on a Linux machine without a display:
 *        xvfb-run -a node test/vscode/run-electron.mjs)
 * Environment:
 *   VSCODE_VERSION        VS Code version to download (default: the engines.vscode minimum, 1.100.0;
 *                         "stable" or "insiders" also work)
 *   BRIEF_VSCODE_GREP     run only the tests whose title matches
 *   BRIEF_VSCODE_TIMEOUT  ms per test
 */
import {existsSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {runTests} from '@vscode/test-electron';
import {makeSessionDirs, root, suitePath, workspaceCopy} from './session.mjs';

for (const file of [join(root, 'dist/extension.cjs'), suitePath]) {
  if (!existsSync(file)) {
    process.stderr.write(`${file} is missing: run node scripts/bundle.mjs && node scripts/vscode-test/bundle-suite.mjs\n`);
    process.exit(2);
  }
}

const {tmp, userData, extensions} = makeSessionDirs();
let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION || '1.100.0',
    extensionDevelopmentPath: root,
    extensionTestsPath: suitePath,
    extensionTestsEnv: {
      ...(process.env.BRIEF_VSCODE_GREP ? {BRIEF_VSCODE_GREP: process.env.BRIEF_VSCODE_GREP} : {}),
      ...(process.env.BRIEF_VSCODE_TIMEOUT ? {BRIEF_VSCODE_TIMEOUT: process.env.BRIEF_VSCODE_TIMEOUT} : {}),
    },
    launchArgs: [
      workspaceCopy(tmp, 'workspace'),
      '--user-data-dir', userData,
      '--extensions-dir', extensions,
      '--disable-extensions', // other extensions; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
    ],
  });
} catch (error) {
  process.stderr.write(`[vscode-test] ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  rmSync(tmp, {recursive: true, force: true});
}
process.exit(code);
