-- sparkmigrate for Neovim: starts `sparkmigrate lsp` for Python buffers with
-- vim.lsp.start_client (works on Neovim 0.7 and later), one client per root
-- folder, and adds :SparkmigrateFixAll and :SparkmigrateMigrateFile.
-- No analysis happens here: everything goes through the language server.
--
--   require("sparkmigrate").setup{
--     cmd = { "sparkmigrate", "lsp" },
--     settings = { targetVersion = "3.5", select = { "SPK1" }, ignore = {} },
--   }
local M = {}

local defaults = {
  cmd = { "sparkmigrate", "lsp" },
  filetypes = { "python" },
  root_markers = { "pyproject.toml", "setup.cfg", ".git" },
  settings = {},
  on_attach = nil,
  on_init = nil,
}

M.config = nil
M.clients = {} -- root dir -> client id

local function find_root(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.loop.cwd()
  while dir and dir ~= "" do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then break end
    dir = parent
  end
  return name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.loop.cwd()
end

local function start(bufnr)
  local cfg = M.config
  local root = find_root(bufnr, cfg.root_markers)
  local id = M.clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client({
      name = "sparkmigrate",
      cmd = cfg.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      -- Served on initialize and on workspace/configuration (section "sparkmigrate").
      init_options = { settings = cfg.settings },
      settings = { sparkmigrate = cfg.settings },
      on_attach = cfg.on_attach,
      on_init = function(client, result)
        -- Neovim 0.7/0.8 do not apply the server's choice themselves.
        if result and result.offsetEncoding then client.offset_encoding = result.offsetEncoding end
        if cfg.on_init then cfg.on_init(client, result) end
      end,
      -- clangd's offsetEncoding extension lets Neovim < 0.9 use utf-8 columns.
      capabilities = vim.tbl_deep_extend("force", vim.lsp.protocol.make_client_capabilities(),
        { offsetEncoding = { "utf-8", "utf-16" } }),
    })
    M.clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

-- Runs a server command on the current buffer.
local function command(name, bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local params = { command = name, arguments = { { uri = vim.uri_from_bufnr(bufnr) } } }
  vim.lsp.buf_request(bufnr, "workspace/executeCommand", params, function(err)
    if err then
      vim.notify("sparkmigrate: " .. (err.message or tostring(err)), vim.log.levels.WARN)
    end
  end)
end

function M.fix_all(bufnr) command("sparkmigrate.applyFixAll", bufnr) end
function M.migrate_file(bufnr) command("sparkmigrate.migrateFile", bufnr) end

function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", defaults, opts or {})
  local group = vim.api.nvim_create_augroup("sparkmigrate", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args) start(args.buf) end,
  })
  vim.api.nvim_create_user_command("SparkmigrateFixAll", function() M.fix_all() end, {})
  vim.api.nvim_create_user_command("SparkmigrateMigrateFile", function() M.migrate_file() end, {})
  -- Buffers already open when setup runs.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      start(buf)
    end
  end
end

-- The client id serving `bufnr` (for scripts and tests).
function M.client_for(bufnr)
  return M.clients[find_root(bufnr or 0, M.config.root_markers)]
end

return M
