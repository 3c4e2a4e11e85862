"""End-to-end test with a real LSP client: headless Neovim 0.7 (Debian's
package) drives the editors/neovim plugin, which starts `sparkmigrate lsp`.
It opens a file, waits for diagnostics, hovers, applies the "Ignore SPKnnn on
this line" quick fix (and a real rule fix when one is offered) and checks the
buffer and the diagnostics that follow.
"""
import json
import os
import shutil
import subprocess

import pytest

from conftest import ROOT, binary

NVIM = shutil.which("nvim")

SCRIPT = r"""
local result = { steps = {} }
local function done(ok, err)
  result.ok = ok
  result.error = err
  local f = io.open(RESULT, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qall!")
end

local published = {}
local default_handler = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, res, ctx, config)
  table.insert(published, res)
  return default_handler(err, res, ctx, config)
end

local ok, err = pcall(function()
  vim.opt.runtimepath:prepend(PLUGIN)
  vim.cmd("filetype on")
  require("sparkmigrate").setup({ cmd = { BIN, "lsp" }, settings = { targetVersion = "3.5" } })
  vim.cmd("edit " .. FILE)
  local buf = vim.api.nvim_get_current_buf()
  local client_id = require("sparkmigrate").client_for(buf)
  assert(client_id, "no client started")
  local client = vim.lsp.get_client_by_id(client_id)
  assert(vim.wait(10000, function() return client.initialized end), "client did not initialize")
  result.offset_encoding = client.offset_encoding

  local function last_codes()
    local last = published[#published]
    local codes = {}
    for _, d in ipairs(last and last.diagnostics or {}) do table.insert(codes, d.code) end
    return codes, last
  end
  assert(vim.wait(10000, function() return #published > 0 and #published[#published].diagnostics > 0 end),
    "no diagnostics published")
  local codes, last = last_codes()
  result.first_codes = codes
  result.first_range = last.diagnostics[1].range

  local uri = vim.uri_from_bufnr(buf)
  local line = last.diagnostics[1].range.start.line
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
    textDocument = { uri = uri }, position = last.diagnostics[1].range.start }, 5000)
  for _, r in pairs(hover or {}) do
    if r.result then result.hover = r.result.contents.value end
  end

  local function actions()
    local resp = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
      textDocument = { uri = uri },
      range = { start = { line = line, character = 0 }, ["end"] = { line = line, character = 0 } },
      context = { diagnostics = last.diagnostics } }, 5000)
    local list = {}
    for _, r in pairs(resp or {}) do
      for _, a in ipairs(r.result or {}) do table.insert(list, a) end
    end
    return list
  end
  local list = actions()
  result.titles = {}
  for _, a in ipairs(list) do table.insert(result.titles, a.title) end

  -- A real rule fix, when the rule offers one: apply it in a scratch copy of the buffer state.
  for _, a in ipairs(list) do
    if a.kind == "quickfix" and a.edit and not a.title:match("^Ignore") then
      result.rule_fix_title = a.title
      local before = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
      vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding)
      result.rule_fix_lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
      vim.api.nvim_buf_set_lines(buf, 0, -1, false, before)
      break
    end
  end

  local ignore
  for _, a in ipairs(list) do
    if a.title == "Ignore " .. last.diagnostics[1].code .. " on this line" then ignore = a end
  end
  assert(ignore, "no ignore action")
  local count = #published
  vim.lsp.util.apply_workspace_edit(ignore.edit, client.offset_encoding)
  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  assert(vim.wait(10000, function()
    local p = published[#published]
    return #published > count and p.version == vim.lsp.util.buf_versions[buf]
  end), "no diagnostics after the edit")
  result.after_codes = last_codes()
  vim.lsp.stop_client(client_id)
end)
done(ok, not ok and tostring(err) or nil)
"""


@pytest.mark.skipif(NVIM is None, reason="nvim is not installed")
def test_neovim_end_to_end(tmp_path):
    source = tmp_path / "job.py"
    source.write_text(
        "from pyspark.sql import SparkSession\n"
        "spark = SparkSession.builder.getOrCreate()\n"
        "label = 'naïve 😀'\n"
        "rows = spark.sparkContext.parallelize([(1, 'a')])  # keep\n",
        encoding="utf-8")
    result_file = tmp_path / "result.json"
    script = tmp_path / "e2e.lua"
    header = "BIN = %s\nPLUGIN = %s\nFILE = %s\nRESULT = %s\n" % tuple(
        json.dumps(str(x)) for x in (binary(), ROOT / "editors" / "neovim", source, result_file))
    script.write_text(header + SCRIPT, encoding="utf-8")
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(tmp_path / var.lower())
    env.pop("SPARKMIGRATE_DOCS_URL", None)
    proc = subprocess.run([NVIM, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile " + str(script)],
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=120, env=env, cwd=tmp_path)
    assert result_file.exists(), proc.stderr.decode() + proc.stdout.decode()
    result = json.loads(result_file.read_text())
    assert result["ok"], result
    assert result["offset_encoding"] == "utf-8"
    assert "SPK101" in result["first_codes"]
    assert result["first_range"]["start"]["line"] == 3
    assert "Spark Connect" in result["hover"] and "SPK" in result["hover"]
    code = result["first_codes"][0]
    assert f"Ignore {code} on this line" in result["titles"]
    assert result["lines"][3].endswith(f"# keep  # noqa: {code}"), result["lines"]
    assert code not in result["after_codes"]
    if "rule_fix_title" in result:  # a real rule fix was offered: it changed the flagged line
        assert result["rule_fix_lines"] != result["lines"]
