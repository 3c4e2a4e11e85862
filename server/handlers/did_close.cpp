// `textDocument/didClose`: forgets the document; push clients get an empty
// diagnostics list so stale findings disappear.
#include "server/handlers/handlers.h"

namespace sparkmigrate::server {

void didClose(Server& server, const json& params) {
  std::string uri = requireUri(params);
  server.session().documents.erase(uri);
  server.session().repairedText.erase(uri);
  server.clearDiagnostics(uri);
}

}  // namespace sparkmigrate::server
