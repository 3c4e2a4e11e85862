-- :checkhealth sparkmigrate: the binary, its version, a server that starts and answers
-- initialize (with the settings in use), and the clients running now. Uses vim.health on
-- Neovim 0.10+ (start/ok/warn/error/info), vim.health.report_* on 0.8/0.9, and the
-- health#report_* functions on 0.7.
local M = {}
local uv = vim.uv or vim.loop

local report = {}
if vim.health and vim.health.start then
  report = { start = vim.health.start, ok = vim.health.ok, warn = vim.health.warn,
             error = vim.health.error, info = vim.health.info }
elseif vim.health and vim.health.report_start then
  report = { start = vim.health.report_start, ok = vim.health.report_ok, warn = vim.health.report_warn,
             error = vim.health.report_error, info = vim.health.report_info }
else
  report = { start = vim.fn["health#report_start"], ok = vim.fn["health#report_ok"],
             warn = vim.fn["health#report_warn"], error = vim.fn["health#report_error"],
             info = vim.fn["health#report_info"] }
end

local VERSIONS = { ["3.4"] = true, ["3.5"] = true, ["4.0"] = true, ["4.1"] = true, ["4.2"] = true, ["4.3"] = true }
local COMMANDS = { "sparkmigrate.applyFixAll", "sparkmigrate.migrateFile", "sparkmigrate.migrateWithLlm",
                   "sparkmigrate.explainException" }

local function frame(message)
  local body = vim.json.encode(message)
  return "Content-Length: " .. #body .. "\r\n\r\n" .. body
end

-- Starts `cmd`, sends initialize (with the settings as initializationOptions), shutdown and exit;
-- returns the initialize answer, the window/showMessage texts, the exit code and the time taken.
local function probe(cmd, settings, timeout_ms)
  local out, messages, code = {}, {}, nil
  local started = uv.hrtime()
  local ok, job = pcall(vim.fn.jobstart, cmd, {
    on_stdout = function(_, data) table.insert(out, table.concat(data, "\n")) end,
    on_exit = function(_, c) code = c end,
    stdout_buffered = false,
  })
  if not ok or job <= 0 then
    return nil, { "could not start " .. vim.inspect(cmd) .. ": " .. tostring(job) }
  end
  local init = { jsonrpc = "2.0", id = 1, method = "initialize", params = {
    processId = vim.fn.getpid(), rootUri = vim.uri_from_fname(vim.fn.getcwd()),
    capabilities = vim.empty_dict(), initializationOptions = { settings = settings },
    clientInfo = { name = "Neovim :checkhealth" } } }
  vim.fn.chansend(job, frame(init))
  local answer
  local function parse()
    local text = table.concat(out, "")
    for body in text:gmatch("Content%-Length: %d+\r\n\r\n(%b{})") do
      local decoded_ok, message = pcall(vim.json.decode, body)
      if decoded_ok and type(message) == "table" then
        if message.id == 1 then
          answer = message
        elseif message.method == "window/showMessage" and message.params then
          messages[message.params.message or ""] = true
        end
      end
    end
    return answer ~= nil
  end
  vim.wait(timeout_ms, parse, 20)
  local elapsed = (uv.hrtime() - started) / 1e6
  if answer then
    vim.fn.chansend(job, frame({ jsonrpc = "2.0", id = 2, method = "shutdown" }))
    vim.wait(2000, function()
      parse()
      return table.concat(out, ""):find('"id":2', 1, true) ~= nil
    end, 20)
    vim.fn.chansend(job, frame({ jsonrpc = "2.0", method = "exit" }))
    vim.wait(2000, function() return code ~= nil end, 20)
  end
  if code == nil then
    pcall(vim.fn.jobstop, job)
  end
  parse()
  local list = {}
  for m in pairs(messages) do table.insert(list, m) end
  return answer, list, code, elapsed
end

local function redact(settings)
  local copy = vim.deepcopy(settings or {})
  if type(copy.llm) == "table" and copy.llm.apiKey then
    copy.llm.apiKey = "<hidden>"
  end
  return copy
end

function M.check()
  local sm = require("sparkmigrate")
  report.start("sparkmigrate")
  local v = vim.version and vim.version() or nil
  if v then
    report.info(string.format("Neovim %d.%d.%d", v.major, v.minor, v.patch))
  end

  local current = sm.current()
  local cmd, problem
  if current and current.problem then
    problem = current.problem
  elseif current and current.cmd then
    cmd, problem = sm.resolve_cmd(current.cmd)
  else
    cmd, problem = sm.resolve_cmd(nil)
  end
  if not current then
    report.warn("not configured: call require(\"sparkmigrate\").setup{} in your init.lua "
      .. "(or, on Neovim 0.11+, vim.lsp.enable(\"sparkmigrate\"))")
  else
    report.info("configured by " .. current.source)
  end
  if not cmd then
    report.error("sparkmigrate binary not found: " .. problem)
    return
  end
  local path = vim.fn.exepath(cmd[1])
  report.ok("binary: " .. (path ~= "" and path or cmd[1]) .. " (cmd: " .. table.concat(cmd, " ") .. ")")

  local version = vim.fn.system({ cmd[1], "--version" })
  if vim.v.shell_error == 0 and version:match("^sparkmigrate ") then
    report.ok("version: " .. vim.trim(version))
  else
    report.error("`" .. cmd[1] .. " --version` failed: " .. vim.trim(version))
  end

  local settings = current and current.settings or {}
  local answer, messages, code, elapsed = probe(cmd, settings, 5000)
  if not answer then
    report.error("the server did not answer initialize within 5 s (" .. table.concat(cmd, " ") .. ")"
      .. (messages and messages[1] and (": " .. messages[1]) or ""))
  elseif answer.error then
    report.error("initialize failed: " .. vim.inspect(answer.error))
  else
    local info = answer.result and answer.result.serverInfo or {}
    report.ok(string.format("server started and answered initialize in %.0f ms (%s %s)%s", elapsed,
      info.name or "?", info.version or "", code == 0 and ", exited cleanly" or ""))
    local caps = answer.result and answer.result.capabilities or {}
    local offered = caps.executeCommandProvider and caps.executeCommandProvider.commands or {}
    local missing = {}
    for _, c in ipairs(COMMANDS) do
      if not vim.tbl_contains(offered, c) then table.insert(missing, c) end
    end
    if #missing > 0 then
      report.warn("this server lacks the commands " .. table.concat(missing, ", ") .. ": update sparkmigrate")
    end
  end

  report.info("settings: " .. vim.inspect(redact(settings), { newline = " ", indent = "" }))
  local settings_ok = true
  for _, m in ipairs(messages or {}) do
    settings_ok = false
    report.warn("the server says: " .. m)
  end
  if settings.targetVersion ~= nil and not VERSIONS[settings.targetVersion] then
    settings_ok = false
    report.warn("targetVersion must be one of 3.4 3.5 4.0 4.1 4.2 4.3 (a string)")
  end
  if settings.platform ~= nil and settings.platform ~= "oss" and settings.platform ~= "databricks" then
    settings_ok = false
    report.warn("platform must be \"oss\" or \"databricks\"")
  end
  local llm = settings.llm
  if type(llm) == "table" then
    if llm.apiKeyEnv and (vim.env[llm.apiKeyEnv] == nil or vim.env[llm.apiKeyEnv] == "") then
      settings_ok = false
      report.warn("llm.apiKeyEnv names $" .. llm.apiKeyEnv .. ", which is not set in Neovim's environment")
    end
    report.info(string.format("model rewrites: %s %s%s", llm.backend or "?", llm.model or "(default model)",
      llm.baseUrl and (" at " .. llm.baseUrl) or ""))
  else
    report.info("model rewrites: no llm setting (pyproject.toml's [tool.sparkmigrate.llm] may still set one)")
  end
  if settings_ok then
    report.ok("settings accepted by the server")
  end

  local clients = sm.get_clients(nil)
  if #clients == 0 then
    report.info("no sparkmigrate client is running (open a Python file)")
  end
  for _, client in ipairs(clients) do
    local root = client.config and client.config.root_dir or "?"
    report.ok(string.format("client %d running for %s", client.id, tostring(root)))
  end
end

return M
