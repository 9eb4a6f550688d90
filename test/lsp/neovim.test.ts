/**
 * A second real client that nobody here wrote: Neovim's built-in LSP client
 * (`nvim --headless`, Debian package `neovim`) starts our stdio server on a brief with
 * a known defect, gets its diagnostics, edits the buffer (Neovim's incremental sync),
 * asks for code actions, and writes what it saw to a JSON file for us to check.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {readFileSync, rmSync, writeFileSync, existsSync} from 'node:fs';
import {join} from 'node:path';
import {SERVER} from './harness.js';
import {FERRY, tempDir} from './fixtures.js';

const INIT_LUA = String.raw`
local out = os.getenv('BRIEF_NVIM_OUT')
local result = { diagnostics = {}, after_edit = {}, actions = {}, log = {} }

local function finish(err)
  if err then result.error = tostring(err) end
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local function snapshot(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or vim.NIL,
    })
  end
  return list
end

local function has_code(bufnr, code)
  for _, d in ipairs(snapshot(bufnr)) do
    if d.code == code then return true end
  end
  return false
end

local ok, err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  result.nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch)
  local config = {
    name = 'brief',
    cmd = { os.getenv('BRIEF_NODE'), os.getenv('BRIEF_SERVER'), '--stdio' },
    root_dir = os.getenv('BRIEF_ROOT'),
    settings = { brief = { debounceMs = 0 } },
  }
  local client_id
  if vim.lsp.start then
    -- Neovim 0.8 and later.
    client_id = vim.lsp.start(config)
  else
    -- Neovim 0.7 (Debian bookworm): start the client, then attach the buffer.
    client_id = vim.lsp.start_client(config)
    assert(client_id, 'vim.lsp.start_client failed')
    assert(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')
  end
  result.client_id = client_id

  if not vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
    error('no diagnostics from the brief language server within 20 s')
  end
  result.diagnostics = snapshot(bufnr)

  -- Code actions at the off-scale term (line and UTF-16 character from the server's own diagnostic).
  local target
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'term-off-scale' then target = d end
  end
  if target then
    -- vim.diagnostic columns are bytes; LSP wants UTF-16 code units (Neovim's own helper converts).
    local util = vim.lsp.util
    local range = {
      start = { line = target.lnum, character = util.character_offset(bufnr, target.lnum, target.col, 'utf-16') },
      ['end'] = { line = target.end_lnum, character = util.character_offset(bufnr, target.end_lnum, target.end_col, 'utf-16') },
    }
    local lsp_diag = vim.tbl_extend('force', target.user_data and target.user_data.lsp or {}, {
      range = range, message = target.message, code = target.code, source = target.source,
    })
    local params = {
      textDocument = util.make_text_document_params(bufnr),
      range = range,
      context = { diagnostics = { lsp_diag }, only = { 'quickfix' } },
    }
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000) or {}
    for _, response in pairs(responses) do
      if response.err then table.insert(result.log, vim.inspect(response.err)) end
      for _, action in ipairs(response.result or {}) do
        table.insert(result.actions, action.title)
      end
    end
  end

  -- Edit the buffer the way a user would; Neovim sends the change and the diagnostic must go away.
  local line = vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1]
  local s, e = string.find(line, 'very likely', 1, true)
  vim.api.nvim_buf_set_text(bufnr, target.lnum, s - 1, target.lnum, e, { 'highly likely' })
  if not vim.wait(20000, function() return not has_code(bufnr, 'term-off-scale') end, 20) then
    error('term-off-scale still reported 20 s after the edit')
  end
  result.after_edit = snapshot(bufnr)
  vim.lsp.stop_client(client_id)
end)
finish(not ok and err or nil)
`;

test('Neovim (headless, built-in LSP client) gets our diagnostics, code actions and edits through', async (t) => {
  const probe = spawnSync('nvim', ['--version'], {encoding: 'utf8'});
  assert.ok(
    !probe.error && probe.status === 0,
    'Neovim is not installed, so the second-client test cannot run. Install it (Debian: `apt-get install -y --no-install-recommends neovim`); .ci/run does this.',
  );
  const dir = tempDir('brief-lsp-nvim-');
  t.after(() => rmSync(dir, {recursive: true, force: true}));
  // A known defect on a known line, after a two-code-unit emoji: ‘very likely’ is not on the PHIA scale.
  const text = FERRY.replace('The operators are very likely', '🚢 The operators are very likely');
  const file = join(dir, 'defect.brief.md');
  writeFileSync(file, text);
  writeFileSync(join(dir, 'init.lua'), INIT_LUA);
  const out = join(dir, 'result.json');

  const nvim = spawn('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(dir, 'init.lua')}`, file], {
    cwd: dir,
    env: {...process.env, BRIEF_NVIM_OUT: out, BRIEF_NODE: process.execPath, BRIEF_SERVER: SERVER, BRIEF_ROOT: dir},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  nvim.stdout!.on('data', (d) => (output += d));
  nvim.stderr!.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => nvim.kill('SIGKILL'), 45000);
    nvim.on('exit', (c) => (clearTimeout(timer), resolve(c)));
  });
  assert.ok(existsSync(out), `Neovim wrote no result (exit ${code}); output:\n${output}`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as {
    error?: string;
    nvim: string;
    diagnostics: Array<{lnum: number; col: number; end_col: number; code: string; source: string; message: string}>;
    after_edit: Array<{code: string}>;
    actions: string[];
    log: string[];
  };
  assert.equal(result.error, undefined, `Neovim ${result.nvim} reported: ${result.error}\n${output}`);

  const lines = text.split('\n');
  const lnum = lines.findIndex((l) => l.includes('🚢 The operators are very likely'));
  const utf16 = lines[lnum].indexOf('very likely');
  // Neovim turns the server's UTF-16 positions into byte columns: the emoji is 4 bytes.
  const byteCol = Buffer.byteLength(lines[lnum].slice(0, utf16));
  const d = result.diagnostics.find((x) => x.code === 'term-off-scale');
  assert.ok(d, `Neovim ${result.nvim} shows term-off-scale: ${JSON.stringify(result.diagnostics)}`);
  assert.equal(d.lnum, lnum);
  assert.equal(d.col, byteCol);
  assert.equal(d.end_col, byteCol + 'very likely'.length);
  assert.equal(d.source, 'brief');
  assert.match(d.message, /‘very likely’ is not on this brief's scale/);
  assert.ok(result.diagnostics.length >= 5, 'the other findings arrive too');
  assert.ok(
    result.actions.some((t) => t.startsWith('Replace with ‘highly likely’')),
    `the quick fix is offered to Neovim: ${JSON.stringify(result)}`,
  );
  assert.ok(!result.after_edit.some((x) => x.code === 'term-off-scale'), 'after Neovim’s edit the finding is gone');
  assert.ok(result.after_edit.length > 0, 'and the other findings stay');
});
