/**
 * Entry point of the extension test suite: VS Code loads this module (bundled to
 * CommonJS as dist/vscode-test/suite/index.cjs) from `extensionTestsPath` and awaits run().
 * Runner-agnostic: the VS Code Server runner (test/vscode/run-code-server.mjs) and the
 * @vscode/test-electron runner (test/vscode/run-electron.mjs) both load this file.
 *
 * Environment (optional): BRIEF_VSCODE_GREP (only tests whose title matches),
 * BRIEF_VSCODE_TIMEOUT (ms per test). Both runners pass them on to the extension host.
 */
import {readdirSync} from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const timeout = Number(process.env.BRIEF_VSCODE_TIMEOUT) || 30_000;
  const mocha = new Mocha({ui: 'tdd', color: false, timeout, reporter: 'spec'});
  if (process.env.BRIEF_VSCODE_GREP) mocha.grep(process.env.BRIEF_VSCODE_GREP);
  // The bundled test files sit beside this one (dist/vscode-test/suite/*.test.cjs); this
  // module runs as CommonJS, so __dirname is defined.
  const dir = __dirname;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.cjs')).sort()) mocha.addFile(path.join(dir, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension test(s) failed.`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
}
