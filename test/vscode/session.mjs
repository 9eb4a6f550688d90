// @ts-check
/**
 * What both runners (run-code-server.mjs, run-electron.mjs) set up the same way: the paths,
 * a fresh copy of the fixture workspace and the user settings of the test VS Code.
 */
import {cpSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The suite bundled by scripts/vscode-test/bundle-suite.mjs: VS Code's `extensionTestsPath`. */
export const suitePath = join(root, 'dist/vscode-test/suite/index.cjs');
export const fixtures = join(root, 'test/vscode/fixtures');

/** User settings of the test VS Code: no trust prompt, no welcome page, nothing from the network. */
export const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
};

/**
 * A temporary directory holding a user-data dir with USER_SETTINGS and an extensions dir.
 * @returns {{tmp: string, userData: string, extensions: string}}
 */
export function makeSessionDirs() {
  const tmp = mkdtempSync(join(tmpdir(), 'brief-vscode-'));
  const userData = join(tmp, 'user-data');
  const extensions = join(tmp, 'extensions');
  mkdirSync(join(userData, 'User'), {recursive: true});
  mkdirSync(extensions, {recursive: true});
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return {tmp, userData, extensions};
}

/**
 * A fresh copy of test/vscode/fixtures under `tmp` (the suite edits and saves files in it).
 * @param {string} tmp
 * @param {string} name
 */
export function workspaceCopy(tmp, name) {
  const dir = join(tmp, name);
  cpSync(fixtures, dir, {recursive: true});
  return dir;
}
