-- The sparkmigrate language server for Neovim 0.11+'s native configuration:
--
--   vim.lsp.config("sparkmigrate", { settings = { sparkmigrate = { targetVersion = "4.0" } } })
--   vim.lsp.enable("sparkmigrate")
--
-- (vim.lsp.config merges what you give with this table). `sparkmigrate` must be on $PATH
-- (`make install` in a sparkmigrate clone), or set cmd = { "/path/to/sparkmigrate", "lsp" }.
-- Settings (docs/lsp.md): targetVersion, select, extendSelect, ignore, extendIgnore, platform,
-- isolated, llm = { backend, baseUrl, model, apiKeyEnv, ... }.
return {
  cmd = { "sparkmigrate", "lsp" },
  filetypes = { "python" },
  root_markers = { "pyproject.toml", ".git" },
  settings = { sparkmigrate = {} },
}
