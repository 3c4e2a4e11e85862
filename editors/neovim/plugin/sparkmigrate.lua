-- Defines :SparkmigrateFixAll, :SparkmigrateMigrateFile, :SparkmigrateMigrateWithLlm and
-- :SparkmigrateExplain at startup, so that they also exist when the client is started by
-- vim.lsp.enable("sparkmigrate") (Neovim 0.11+) rather than by require("sparkmigrate").setup{}.
if vim.g.loaded_sparkmigrate then
  return
end
vim.g.loaded_sparkmigrate = 1
require("sparkmigrate").create_commands()
