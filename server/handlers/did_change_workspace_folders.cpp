// `workspace/didChangeWorkspaceFolders`: keeps the folder list that
// workspace/diagnostic walks; also advertises multi-root support.
#include "server/handlers/handlers.h"

#include "protocol/lsp_types.h"

#include <algorithm>

namespace sparkmigrate::server {

void workspaceFoldersCapability(const ClientCapabilities&, json& caps) {
  caps["workspace"]["workspaceFolders"] = {{"supported", true}, {"changeNotifications", true}};
}

void didChangeWorkspaceFolders(Server& server, const json& params) {
  auto& folders = server.session().workspaceFolders;
  const json& event = requireField(params, "event");
  for (const auto& f : event.value("removed", json::array())) {
    std::string path = protocol::uriToPath(f.value("uri", ""));
    folders.erase(std::remove(folders.begin(), folders.end(), path), folders.end());
  }
  for (const auto& f : event.value("added", json::array())) {
    std::string path = protocol::uriToPath(f.value("uri", ""));
    if (!path.empty() && std::find(folders.begin(), folders.end(), path) == folders.end())
      folders.push_back(path);
  }
}

}  // namespace sparkmigrate::server
