#!/usr/bin/env node
// @ts-check
/**
 * Runs the extension test suite in a real VS Code without downloading one: the VS Code
 * server from npm `code-server` (installed by scripts/vscode-test/install.sh, outside the
 * repo) serves the workbench on 127.0.0.1, and Debian's Chromium, driven by playwright-core,
 * opens it with the extension under development and the bundled mocha suite. The suite's
 * exit code is this script's exit code.
 *
 * Then one UI-level check: a fresh workbench opens a fixture brief with its Problems panel,
 * checks that the panel lists the brief's findings, and saves a screenshot to
 * artifacts/vscode-problems.png.
 *
 * Prerequisites: `node scripts/bundle.mjs` (dist/extension.cjs, dist/server.cjs) and
 * `node scripts/vscode-test/bundle-suite.mjs` (dist/vscode-test/suite/). Or just run
 * scripts/vscode-test/run.sh, which does everything.
 *
 * Usage: node test/vscode/run-code-server.mjs [--no-screenshot] [--keep] [--headed]
 *   --keep keeps the temporary workspace, settings and server log; --headed shows the browser.
 * Environment:
 *   BRIEF_VSCODE_CACHE       where install.sh put code-server (default ~/.cache/brief-studio/vscode-server)
 *   CHROMIUM                 browser binary (default /usr/bin/chromium)
 *   BRIEF_VSCODE_TIMEOUT_MS  overall time limit (default 300000 = 5 min)
 *   BRIEF_VSCODE_GREP        run only the tests whose title matches
 *   BRIEF_VSCODE_VERBOSE=1   also print the VS Code server's and the browser's logs
 */
import {spawn} from 'node:child_process';
import {createWriteStream, existsSync, mkdirSync, readFileSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import {format} from 'node:util';
import {chromium} from 'playwright-core';
import {makeSessionDirs, root, suitePath, workspaceCopy} from './session.mjs';

const args = new Set(process.argv.slice(2));
const cache = process.env.BRIEF_VSCODE_CACHE || join(homedir(), '.cache/brief-studio/vscode-server');
const serverMain = join(cache, 'node_modules/code-server/lib/vscode/out/server-main.js');
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const overallTimeout = Number(process.env.BRIEF_VSCODE_TIMEOUT_MS) || 300_000;
const verbose = process.env.BRIEF_VSCODE_VERBOSE === '1';
const screenshotPath = join(root, 'artifacts/vscode-problems.png');

/** Chromium on loopback only: every host name but 127.0.0.1 fails to resolve. */
const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** @param {string} message */
function log(message) {
  process.stdout.write(`[vscode-test] ${message}\n`);
}

/** @param {string} message */
function fail(message) {
  process.stderr.write(`[vscode-test] ${message}\n`);
  process.exit(2);
}

for (const [file, hint] of [
  [serverMain, 'run scripts/vscode-test/install.sh'],
  [browserPath, 'run scripts/vscode-test/install.sh (installs chromium) or set CHROMIUM'],
  [join(root, 'dist/extension.cjs'), 'run node scripts/bundle.mjs'],
  [suitePath, 'run node scripts/vscode-test/bundle-suite.mjs'],
]) {
  if (!existsSync(file)) fail(`${file} is missing: ${hint} (or run scripts/vscode-test/run.sh)`);
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

const {tmp, userData, extensions} = makeSessionDirs();

/** @type {import('node:child_process').ChildProcess | undefined} */
let server;
/** @type {import('playwright-core').Browser | undefined} */
let browser;
let cleaned = false;

async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await browser?.close().catch(() => undefined);
  const pid = server?.pid;
  if (pid) {
    // The server runs in its own process group with its extension hosts and their
    // language servers: end the whole group, forcibly if it lingers.
    const exited = server?.exitCode === null ? new Promise((r) => server?.once('exit', r)) : Promise.resolve();
    const signal = (/** @type {NodeJS.Signals} */ sig) => {
      try {
        process.kill(-pid, sig);
      } catch {
        /* already gone */
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    signal('SIGKILL'); // stragglers of the group, if any
  }
  if (!args.has('--keep')) rmSync(tmp, {recursive: true, force: true});
  else log(`kept ${tmp}`);
}

/** @param {number} code */
async function finish(code) {
  await cleanup();
  process.exit(code);
}

process.on('SIGINT', () => void finish(130));
process.on('SIGTERM', () => void finish(143));

const deadline = setTimeout(() => {
  process.stderr.write(`[vscode-test] timed out after ${overallTimeout / 1000} s\n`);
  printServerLog();
  void finish(1);
}, overallTimeout);

const serverLogFile = join(tmp, 'server.log');
function printServerLog() {
  if (!existsSync(serverLogFile)) return;
  const lines = readFileSync(serverLogFile, 'utf8').trimEnd().split('\n');
  process.stderr.write(`[vscode-test] last lines of the VS Code server log:\n${lines.slice(-40).join('\n')}\n`);
}

/** Starts the VS Code server and resolves with its port once it listens. */
async function startServer() {
  const port = await freePort();
  const serverLog = createWriteStream(serverLogFile);
  server = spawn(
    process.execPath,
    [
      serverMain,
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--disable-telemetry',
      '--user-data-dir', userData,
      '--extensions-dir', extensions,
    ],
    {
      cwd: tmp,
      detached: true, // own process group, so cleanup() reaches the extension hosts too
      stdio: ['ignore', 'pipe', 'pipe'],
      // The extension host inherits this environment (BRIEF_VSCODE_GREP, BRIEF_VSCODE_TIMEOUT).
      env: {...process.env, VSCODE_CLI: undefined, ELECTRON_RUN_AS_NODE: undefined},
    },
  );
  const srv = server;
  await new Promise((ready, reject) => {
    const onData = (/** @type {Buffer} */ chunk) => {
      serverLog.write(chunk);
      if (verbose) process.stdout.write(`[server] ${chunk}`);
      if (chunk.toString().includes('Extension host agent listening on')) ready(undefined);
    };
    srv.stdout?.on('data', onData);
    srv.stderr?.on('data', onData);
    srv.once('exit', (code) => reject(new Error(`the VS Code server exited (code ${code}) before listening`)));
  });
  return port;
}

/** The workbench URL for a folder, with the extension under development (and optionally the suite). */
/**
 * @param {number} port
 * @param {string} folder
 * @param {boolean} withSuite
 */
function workbenchUrl(port, folder, withSuite) {
  const remote = (/** @type {string} */ p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ...(withSuite ? [['extensionTestsPath', remote(suitePath)]] : []),
    ['skipWelcome', 'true'],
  ];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Runs the mocha suite in a workbench; resolves with its exit code. */
/**
 * @param {import('playwright-core').Browser} browser
 * @param {number} port
 */
async function runSuite(browser, port) {
  const context = await browser.newContext({viewport: {width: 1400, height: 900}});
  const page = await context.newPage();
  if (verbose) page.on('console', (m) => process.stdout.write(`[browser] ${m.text()}\n`));
  const exit = new Promise((resolveExit) => {
    void page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => resolveExit(code));
  });
  await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown} */ message) => {
    // The workbench forwards console-style arguments: a format string and its values.
    const text = Array.isArray(message) ? format(...message) : String(message);
    process.stdout.write(type === 'error' || type === 'warn' ? `[${type}] ${text}\n` : `${text}\n`);
  });
  await page.goto(workbenchUrl(port, workspaceCopy(tmp, 'workspace'), true));
  const code = /** @type {number} */ (await exit);
  await context.close();
  return code;
}

/**
 * The UI-level check: a fresh workbench opens a brief with findings and its Problems
 * panel; the panel must list the findings. Saves artifacts/vscode-problems.png.
 */
/**
 * @param {import('playwright-core').Browser} browser
 * @param {number} port
 */
async function problemsScreenshot(browser, port) {
  const context = await browser.newContext({viewport: {width: 1400, height: 900}});
  const page = await context.newPage();
  await page.goto(workbenchUrl(port, workspaceCopy(tmp, 'screenshot-workspace'), false));
  await page.locator('.monaco-workbench .explorer-folders-view').waitFor({timeout: 60_000});
  // Open the brief from the Explorer, as a user would.
  const file = 'weather-station.brief.md';
  await page.locator('.explorer-folders-view .monaco-list-row', {hasText: file}).first().click();
  await page.locator('.monaco-editor .view-lines', {hasText: 'Kettle Point'}).first().waitFor();
  await page.keyboard.press('Control+Shift+M');
  const markers = page.locator('.markers-panel .monaco-list-row');
  const expected = ['term-off-scale', 'vague-hedge', 'judgement-no-timeframe', 'source-unused'];
  try {
    for (const code of expected) await markers.filter({hasText: code}).first().waitFor({timeout: 30_000});
  } finally {
    mkdirSync(dirname(screenshotPath), {recursive: true});
    await page.screenshot({path: screenshotPath});
    log(`screenshot: ${screenshotPath}`);
  }
  const rows = await markers.allInnerTexts();
  log(`Problems panel: ${rows.length} rows, listing ${expected.join(', ')}`);
  await context.close();
}

let exitCode = 1;
try {
  const started = Date.now();
  const port = await startServer();
  log(`VS Code server (code-server ${JSON.parse(readFileSync(join(cache, 'node_modules/code-server/package.json'), 'utf8')).version}) on 127.0.0.1:${port}`);
  browser = await chromium.launch({executablePath: browserPath, headless: !args.has('--headed'), args: BROWSER_ARGS});
  exitCode = await runSuite(browser, port);
  log(`suite finished with exit code ${exitCode} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!args.has('--no-screenshot')) {
    try {
      await problemsScreenshot(browser, port);
    } catch (error) {
      process.stderr.write(`[vscode-test] the Problems panel check failed: ${/** @type {Error} */ (error).message}\n`);
      exitCode ||= 1;
    }
  }
  if (exitCode !== 0) printServerLog();
} catch (error) {
  process.stderr.write(`[vscode-test] ${/** @type {Error} */ (error).stack ?? error}\n`);
  printServerLog();
  exitCode = 1;
} finally {
  clearTimeout(deadline);
}
await finish(exitCode);
