-- sparkmigrate for Neovim (0.7 and later): starts `sparkmigrate lsp` for Python buffers and adds
-- the commands :SparkmigrateFixAll, :SparkmigrateMigrateFile, :SparkmigrateMigrateWithLlm and
-- :SparkmigrateExplain. No analysis happens here: everything goes through the language server.
--
--   require("sparkmigrate").setup{
--     cmd = { "sparkmigrate", "lsp" },            -- default: `sparkmigrate` found on $PATH
--     settings = { targetVersion = "3.5", select = { "SPK1" }, ignore = {} },
--   }
--
-- How the client is started depends on the Neovim version:
--   0.11+      vim.lsp.config("sparkmigrate", ...) + vim.lsp.enable("sparkmigrate") (the base
--              config is lsp/sparkmigrate.lua in this plugin)
--   0.8-0.10   vim.lsp.start() from a FileType autocommand (one client per root folder)
--   0.7        vim.lsp.start_client() + vim.lsp.buf_attach_client()
-- (on 0.11, use_lsp_enable = false starts it with vim.lsp.start as on 0.8-0.10). Before 0.10
-- Neovim does not map K to hover, so a buffer-local K is added (option hover_key), showing the
-- hovers of every server on the buffer in one float, as 0.11's vim.lsp.buf.hover() does.
local M = {}

M.name = "sparkmigrate"
M.commands = {
  fix_all = "sparkmigrate.applyFixAll",
  migrate_file = "sparkmigrate.migrateFile",
  migrate_with_llm = "sparkmigrate.migrateWithLlm",
  explain = "sparkmigrate.explainException",
}
M.LLM_TITLE = "Migrate to Spark Connect with"

local uv = vim.uv or vim.loop

local function has(version)
  return vim.fn.has("nvim-" .. version) == 1
end

-- Neovim 0.11 turned the client's methods into `client:method()` (the `client.method()` form is
-- deprecated there); before 0.11 they are plain functions without self.
local function call(client, method, ...)
  if has("0.11") then
    return client[method](client, ...)
  end
  return client[method](...)
end

local defaults = {
  cmd = nil, -- { "sparkmigrate", "lsp" } when `sparkmigrate` is on $PATH
  filetypes = { "python" },
  root_markers = { "pyproject.toml", ".git" },
  settings = {}, -- targetVersion, select, extendSelect, ignore, extendIgnore, platform, isolated, llm
  hover_key = "K", -- buffer-local hover mapping on Neovim < 0.10 (false: none)
  use_lsp_enable = true, -- 0.11+: vim.lsp.config + vim.lsp.enable (false: vim.lsp.start as on 0.8-0.10)
  on_attach = nil,
  on_init = nil,
  capabilities = nil,
}

M.config = nil
M.clients = {} -- root folder -> client id (Neovim 0.7)
M.last_explain = nil -- the last answer of :SparkmigrateExplain (for scripts and tests)

local function notify(message, level)
  vim.notify("sparkmigrate: " .. message, level or vim.log.levels.INFO)
end

-- Settings as the server reads them. An empty Lua table is sent as a JSON array, so an empty
-- `llm` is dropped rather than sent as [] (which the server would reject).
function M.clean_settings(settings)
  local out = vim.deepcopy(settings or {})
  if type(out.llm) == "table" and next(out.llm) == nil then
    out.llm = nil
  end
  return out
end

-- The command that starts the server: opts.cmd when given (a list, or the path of the binary),
-- else `sparkmigrate lsp` when `sparkmigrate` is on $PATH. Returns cmd, or nil and a message.
function M.resolve_cmd(cmd)
  if type(cmd) == "string" then
    cmd = { cmd, "lsp" }
  end
  if cmd ~= nil then
    if type(cmd) ~= "table" or type(cmd[1]) ~= "string" then
      return nil, "cmd must be a list such as { \"/path/to/sparkmigrate\", \"lsp\" }"
    end
    if vim.fn.executable(cmd[1]) ~= 1 then
      return nil, string.format("cmd[1] %q is not an executable file (cmd = %s)", cmd[1], vim.inspect(cmd))
    end
    return cmd
  end
  if vim.fn.executable("sparkmigrate") == 1 then
    return { "sparkmigrate", "lsp" }
  end
  return nil, "the `sparkmigrate` binary is not on $PATH. Install it from a sparkmigrate clone with "
    .. "`make install` (or `make install PREFIX=$HOME/.local` and put $HOME/.local/bin on $PATH), "
    .. "or give its path: require(\"sparkmigrate\").setup{ cmd = { \"/path/to/sparkmigrate\", \"lsp\" } }"
end

local function find_root(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or uv.cwd()
  local dir = start
  while dir and dir ~= "" do
    for _, marker in ipairs(markers) do
      if uv.fs_stat(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      break
    end
    dir = parent
  end
  return start
end

-- Hover from every server on the buffer, each asked in its own position encoding, shown in one
-- float (sparkmigrate's explanation beside pyright's or ruff's). Neovim 0.11+ does this in
-- vim.lsp.buf.hover() itself; before, the last server to answer replaced the others' float.
function M.hover()
  if has("0.11") then
    return vim.lsp.buf.hover()
  end
  local bufnr = vim.api.nvim_get_current_buf()
  local clients = {}
  local attached = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.lsp.buf_get_clients(bufnr)
  for _, client in pairs(attached) do
    local caps = client.server_capabilities or {}
    local resolved = client.resolved_capabilities or {}
    if caps.hoverProvider or resolved.hover then
      table.insert(clients, client)
    end
  end
  table.sort(clients, function(a, b) return a.id < b.id end)
  if #clients == 0 then
    return vim.lsp.buf.hover()
  end
  local pending, answers = #clients, {}
  local function show()
    local lines = {}
    for _, client in ipairs(clients) do
      local result = answers[client.id]
      if result and result.contents then
        local part = vim.lsp.util.convert_input_to_markdown_lines(result.contents)
        part = vim.lsp.util.trim_empty_lines(part)
        if #part > 0 then
          if #lines > 0 then
            table.insert(lines, "---")
          end
          if #clients > 1 then
            table.insert(lines, "# " .. client.name)
          end
          vim.list_extend(lines, part)
        end
      end
    end
    if #lines == 0 then
      vim.notify("No information available")
      return
    end
    vim.lsp.util.open_floating_preview(lines, "markdown", { focus_id = "textDocument/hover", border = "rounded" })
  end
  for _, client in ipairs(clients) do
    local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
    call(client, "request", "textDocument/hover", params, function(err, result)
      if not err then
        answers[client.id] = result
      end
      pending = pending - 1
      if pending == 0 and vim.api.nvim_get_current_buf() == bufnr then
        show()
      end
    end, bufnr)
  end
end

local function on_attach(client, bufnr)
  local cfg = M.config or defaults
  -- Neovim 0.10+ maps K to hover by itself when a server attaches.
  if cfg.hover_key and not has("0.10") then
    local existing = vim.fn.maparg(cfg.hover_key, "n", false, true)
    if not (type(existing) == "table" and existing.buffer == 1) then
      vim.keymap.set("n", cfg.hover_key, M.hover,
        { buffer = bufnr, silent = true, desc = "LSP hover (sparkmigrate)" })
    end
  end
  if cfg.on_attach then
    cfg.on_attach(client, bufnr)
  end
end

local function on_init(client, result)
  -- Neovim 0.7/0.8 do not apply the server's choice of clangd's offsetEncoding themselves.
  if not has("0.9") and result and result.offsetEncoding then
    client.offset_encoding = result.offsetEncoding
  end
  local cfg = M.config or defaults
  if cfg.on_init then
    cfg.on_init(client, result)
  end
end

local function capabilities()
  local cfg = M.config or defaults
  local caps = cfg.capabilities or vim.lsp.protocol.make_client_capabilities()
  if not has("0.10") then
    -- clangd's offsetEncoding extension lets Neovim < 0.10 use utf-8 columns.
    caps = vim.tbl_deep_extend("force", caps, { offsetEncoding = { "utf-8", "utf-16" } })
  end
  return caps
end

local function client_config(root)
  local cfg = M.config
  local settings = M.clean_settings(cfg.settings)
  return {
    name = M.name,
    cmd = cfg.cmd,
    root_dir = root,
    workspace_folders = root and { { uri = vim.uri_from_fname(root), name = root } } or nil,
    -- Served on initialize and on workspace/configuration (section "sparkmigrate").
    init_options = { settings = settings },
    settings = { sparkmigrate = settings },
    on_attach = on_attach,
    on_init = on_init,
    capabilities = capabilities(),
  }
end

-- Neovim 0.7-0.10: start (or reuse) the client for the buffer's root folder.
local function start(bufnr)
  if vim.bo[bufnr].buftype ~= "" then
    return nil
  end
  local root = find_root(bufnr, M.config.root_markers)
  if vim.lsp.start then -- 0.8+: reuses a client with the same name and root
    local id
    -- 0.8's vim.lsp.start attaches the current buffer (opts.bufnr came in 0.9).
    vim.api.nvim_buf_call(bufnr, function()
      id = vim.lsp.start(client_config(root), { bufnr = bufnr })
    end)
    return id
  end
  local id = M.clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(client_config(root))
    M.clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

-- The sparkmigrate clients: attached to `bufnr` when given, else all running ones.
function M.get_clients(bufnr)
  if vim.lsp.get_clients then -- 0.10+
    return vim.lsp.get_clients({ bufnr = bufnr, name = M.name })
  end
  local found = {}
  local all = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
  for _, client in pairs(all) do
    if client.name == M.name then
      table.insert(found, client)
    end
  end
  return found
end

-- The client id serving `bufnr` (for scripts and tests).
function M.client_for(bufnr)
  if bufnr == nil or bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  local client = M.get_clients(bufnr)[1]
  return client and client.id or nil
end

local function buffer_client(bufnr)
  local client = M.get_clients(bufnr)[1]
  if not client then
    notify("no sparkmigrate language server is attached to this buffer (is it a Python file? "
      .. "see :checkhealth sparkmigrate)", vim.log.levels.WARN)
  end
  return client
end

-- Runs a server command on a buffer (arguments [{uri}]); the server applies the edit through
-- workspace/applyEdit.
local function run_file_command(name, bufnr, label)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = buffer_client(bufnr)
  if not client then
    return
  end
  local params = { command = name, arguments = { { uri = vim.uri_from_bufnr(bufnr) } } }
  call(client, "request", "workspace/executeCommand", params, function(err, result)
    if err then
      notify(label .. ": " .. (err.message or tostring(err)), vim.log.levels.WARN)
    elseif type(result) == "table" and result.edits == 0 then
      notify(label .. ": nothing to change")
    end
  end, bufnr)
end

function M.fix_all(bufnr)
  run_file_command(M.commands.fix_all, bufnr, "fix all")
end

function M.migrate_file(bufnr)
  run_file_command(M.commands.migrate_file, bufnr, "migrate file")
end

-- :SparkmigrateMigrateWithLlm: the "Migrate to Spark Connect with <model>" code action of the
-- finding under the cursor, resolved (the model is asked only now) and applied.
function M.migrate_with_llm()
  local bufnr = vim.api.nvim_get_current_buf()
  local client = buffer_client(bufnr)
  if not client then
    return
  end
  local encoding = client.offset_encoding or "utf-16"
  local params = vim.lsp.util.make_range_params(0, encoding)
  params.context = { diagnostics = {}, only = { "quickfix" } }
  call(client, "request", "textDocument/codeAction", params, function(err, actions)
    if err then
      notify("code actions: " .. (err.message or tostring(err)), vim.log.levels.WARN)
      return
    end
    local found = {}
    for _, action in ipairs(actions or {}) do
      if type(action.title) == "string" and action.title:sub(1, #M.LLM_TITLE) == M.LLM_TITLE then
        table.insert(found, action)
      end
    end
    if #found == 0 then
      notify("no model rewrite here: put the cursor on a finding, and configure a model "
        .. "(settings.llm in setup{}, or [tool.sparkmigrate.llm] in pyproject.toml)", vim.log.levels.WARN)
      return
    end
    local action = found[1]
    local apply = function(edit)
      vim.lsp.util.apply_workspace_edit(edit, encoding)
      notify("applied the validated rewrite (" .. action.title:sub(#M.LLM_TITLE + 2) .. ")")
    end
    notify(action.title .. ": asking the model...")
    if action.edit then
      apply(action.edit)
    elseif action.command then -- clients without codeAction/resolve
      local command = action.command
      call(client, "request", "workspace/executeCommand",
        { command = command.command, arguments = command.arguments }, function(cerr, result)
          if cerr then
            notify(cerr.message or tostring(cerr), vim.log.levels.WARN)
          elseif type(result) == "table" and result.applied == false and result.reason then
            notify("no rewrite: " .. result.reason, vim.log.levels.WARN)
          end
        end, bufnr)
    else
      call(client, "request", "codeAction/resolve", action, function(rerr, resolved)
        if rerr then
          notify(rerr.message or tostring(rerr), vim.log.levels.WARN)
        elseif resolved and resolved.edit then
          apply(resolved.edit)
        else
          -- The server has said why with window/showMessage.
          notify("the model's rewrite was not validated; nothing was changed", vim.log.levels.WARN)
        end
      end, bufnr)
    end
  end, bufnr)
end

-- The text for :SparkmigrateExplain: the given lines, else register `regname`, else the
-- clipboard (`+`, when a clipboard provider exists), else the unnamed register.
local function explain_text(regname)
  if regname and regname ~= "" then
    return vim.fn.getreg(regname)
  end
  if vim.fn.has("clipboard") == 1 then
    local ok, text = pcall(vim.fn.getreg, "+")
    if ok and type(text) == "string" and text:match("%S") then
      return text
    end
  end
  return vim.fn.getreg('"')
end

local function show_explanation(answer)
  local finding = answer.findings and answer.findings[1]
  local lines = {}
  local head = answer.error_condition or answer.exception or "error"
  table.insert(lines, "**" .. head .. "** " .. (answer.message or ""))
  if answer.why and answer.why ~= vim.NIL then
    table.insert(lines, "")
    table.insert(lines, "Why: " .. answer.why)
  end
  if finding then
    table.insert(lines, "")
    table.insert(lines, string.format("%s: %s", finding.code, finding.message))
  end
  local fix = answer.fix
  if type(fix) == "table" then
    if type(fix.guidance) == "string" and fix.guidance ~= "" then
      table.insert(lines, "")
      table.insert(lines, "Fix: " .. fix.guidance)
    end
    if type(fix.diff) == "string" and fix.diff ~= "" then
      table.insert(lines, "")
      table.insert(lines, "```diff")
      for _, l in ipairs(vim.split(fix.diff, "\n", { plain = true })) do
        table.insert(lines, l)
      end
      table.insert(lines, "```")
    end
  end
  return vim.lsp.util.open_floating_preview(lines, "markdown",
    { border = "rounded", focus_id = "sparkmigrate_explain", max_width = 100 })
end

local function on_explained(answer)
  M.last_explain = answer
  local findings = type(answer) == "table" and answer.findings or {}
  if type(findings) ~= "table" or #findings == 0 then
    local why = type(answer) == "table" and answer.why
    notify("could not locate the cause in this project's files"
      .. ((type(why) == "string" and why ~= "") and (": " .. why) or ""), vim.log.levels.WARN)
    return
  end
  local items = {}
  for _, f in ipairs(findings) do
    table.insert(items, { filename = f.filename, lnum = f.location.row, col = f.location.column,
      text = f.code .. " " .. f.message })
  end
  vim.fn.setqflist({}, " ", { title = "sparkmigrate explain: " .. (answer.error_condition or answer.exception
    or "error"), items = items })
  local first = findings[1]
  local path = vim.fn.fnamemodify(first.filename, ":p")
  if vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ":p") ~= path then
    -- Neovim < 0.10 has 'nohidden' by default: keep a modified buffer in its window.
    local open = (vim.bo.modified and not vim.o.hidden) and "split " or "edit "
    vim.cmd(open .. vim.fn.fnameescape(path))
  end
  local row = math.min(first.location.row, vim.api.nvim_buf_line_count(0))
  local line = vim.api.nvim_buf_get_lines(0, row - 1, row, false)[1] or ""
  local col = vim.fn.byteidx(line, math.max(first.location.column - 1, 0)) -- characters to bytes
  vim.api.nvim_win_set_cursor(0, { row, math.max(col, 0) })
  vim.cmd("normal! zv")
  show_explanation(answer)
end

-- :SparkmigrateExplain: asks the server to explain a pasted exception or traceback
-- (sparkmigrate.explainException), jumps to the first cause, lists all in the quickfix list and
-- shows why it failed and the fix. `text` nil: the clipboard or unnamed register, or a scratch
-- buffer to paste into when both are empty.
function M.explain(text)
  text = text or explain_text(nil)
  if type(text) ~= "string" or not text:match("%S") then
    return M.explain_buffer()
  end
  local client = M.get_clients(vim.api.nvim_get_current_buf())[1] or M.get_clients(nil)[1]
  if not client then
    notify("no sparkmigrate language server is running: open a Python file of the project first",
      vim.log.levels.WARN)
    return
  end
  notify("explaining the error...")
  call(client, "request", "workspace/executeCommand",
    { command = M.commands.explain, arguments = { text } }, function(err, answer)
      if err then
        notify("explain: " .. (err.message or tostring(err)), vim.log.levels.WARN)
        return
      end
      on_explained(answer)
    end)
end

-- A scratch buffer to paste an exception into; `:w` explains it.
function M.explain_buffer()
  vim.cmd("new")
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].buftype = "acwrite"
  vim.bo[buf].bufhidden = "wipe"
  vim.bo[buf].swapfile = false
  vim.api.nvim_buf_set_name(buf, "sparkmigrate://explain")
  vim.api.nvim_buf_set_lines(buf, 0, -1, false,
    { "# Paste the Spark exception or traceback here, then :w to explain it." })
  vim.api.nvim_create_autocmd("BufWriteCmd", {
    buffer = buf,
    callback = function()
      local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
      if lines[1] and lines[1]:match("^# Paste the Spark exception") then
        table.remove(lines, 1)
      end
      vim.bo[buf].modified = false
      vim.cmd("close")
      M.explain(table.concat(lines, "\n"))
    end,
  })
end

local function explain_command(opts)
  if opts.range and opts.range > 0 then
    local lines = vim.api.nvim_buf_get_lines(0, opts.line1 - 1, opts.line2, false)
    return M.explain(table.concat(lines, "\n"))
  end
  if opts.args and opts.args ~= "" then
    return M.explain(explain_text(opts.args))
  end
  return M.explain()
end

function M.create_commands()
  local create = vim.api.nvim_create_user_command
  create("SparkmigrateFixAll", function() M.fix_all() end,
    { desc = "sparkmigrate: apply the safe fixes to this file" })
  create("SparkmigrateMigrateFile", function() M.migrate_file() end,
    { desc = "sparkmigrate: apply every fix (safe and unsafe) to this file" })
  create("SparkmigrateMigrateWithLlm", function() M.migrate_with_llm() end,
    { desc = "sparkmigrate: rewrite the finding under the cursor with the configured model" })
  create("SparkmigrateExplain", explain_command,
    { desc = "sparkmigrate: explain a pasted Spark exception ([range] lines, or a register name)",
      range = true, nargs = "?" })
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  if opts and opts.settings then -- lists (select, ignore) are replaced, not merged
    M.config.settings = vim.deepcopy(opts.settings)
  end
  M.create_commands()
  local cmd, problem = M.resolve_cmd(M.config.cmd)
  if not cmd then
    M.config.problem = problem
    notify(problem, vim.log.levels.ERROR)
    return false
  end
  M.config.cmd = cmd

  if M.config.use_lsp_enable and type(vim.lsp.config) == "table" and vim.lsp.enable then -- 0.11+
    local settings = M.clean_settings(M.config.settings)
    vim.lsp.config(M.name, {
      cmd = cmd,
      filetypes = M.config.filetypes,
      root_markers = M.config.root_markers,
      init_options = { settings = settings },
      settings = { sparkmigrate = settings },
      on_attach = on_attach,
      on_init = on_init,
      capabilities = M.config.capabilities,
    })
    vim.lsp.enable(M.name)
    return true
  end

  local group = vim.api.nvim_create_augroup("sparkmigrate", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args) start(args.buf) end,
  })
  -- Buffers already open when setup runs.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      start(buf)
    end
  end
  return true
end

-- The configuration in use, for :checkhealth: from setup{}, else (0.11) vim.lsp.config.
function M.current()
  if M.config then
    return { source = "require(\"sparkmigrate\").setup{}", cmd = M.config.cmd, problem = M.config.problem,
      settings = M.clean_settings(M.config.settings) }
  end
  if type(vim.lsp.config) == "table" then
    local ok, cfg = pcall(function() return vim.lsp.config[M.name] end)
    if ok and cfg then
      local settings = type(cfg.settings) == "table" and (cfg.settings.sparkmigrate or cfg.settings) or {}
      local enabled = vim.lsp.is_enabled and vim.lsp.is_enabled(M.name)
      return { source = "vim.lsp.config(\"sparkmigrate\")" .. (enabled and " (enabled)" or " (not enabled)"),
        cmd = cfg.cmd, settings = M.clean_settings(settings), enabled = enabled }
    end
  end
  return nil
end

return M
