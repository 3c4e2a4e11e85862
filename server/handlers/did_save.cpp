// `textDocument/didSave`: a saved pyproject.toml reloads configuration, a
// saved Python file what its folder exports (server.h, projectFor); any
// save also checks whether a pyproject.toml in use changed on disk (clients
// without file watching, such as Neovim 0.7, rely on this).
#include "server/handlers/handlers.h"

#include "analysis/config.h"

namespace sparkmigrate::server {

void didSave(Server& server, const json& params) {
  std::string uri = requireUri(params);
  if (uri.size() >= 15 && uri.compare(uri.size() - 15, 15, "/pyproject.toml") == 0) {
    server.session().resolver.clear();
    server.session().configStamps.clear();
    server.settingsChanged();
    return;
  }
  if (uri.size() > 3 && uri.compare(uri.size() - 3, 3, ".py") == 0) server.pythonFileChanged(protocol::uriToPath(uri));
  server.checkConfigFiles();
}

}  // namespace sparkmigrate::server
