// `workspace/didChangeWatchedFiles`: a created, changed or deleted
// pyproject.toml clears the configuration cache and re-resolves every open
// document (a broken file keeps the last good settings; see Server).
#include "server/handlers/handlers.h"

namespace sparkmigrate::server {

void didChangeWatchedFiles(Server& server, const json& params) {
  bool config = false;
  if (params.is_object() && params.contains("changes") && params["changes"].is_array())
    for (const auto& change : params["changes"]) {
      std::string uri = change.value("uri", "");
      if (uri.size() >= 14 && uri.compare(uri.size() - 14, 14, "pyproject.toml") == 0) config = true;
      if (uri.size() > 3 && uri.compare(uri.size() - 3, 3, ".py") == 0) server.pythonFileChanged(protocol::uriToPath(uri));
    }
  if (!config) return;
  server.session().resolver.clear();
  server.session().configStamps.clear();
  server.settingsChanged();
}

}  // namespace sparkmigrate::server
