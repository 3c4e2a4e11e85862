// `textDocument/didChange`: applies incremental (or full) changes to the text
// and the tree on the main loop, then schedules diagnostics. A change that
// does not apply is logged and the document is left as it was.
#include "server/handlers/handlers.h"

#include "support/log.h"

namespace sparkmigrate::server {

void didChange(Server& server, const json& params) {
  Document& doc = requireDocument(server, params);
  int version = versionField(requireField(params, "textDocument"), doc.version() + 1);
  auto changes =
      requireField(params, "contentChanges").get<std::vector<protocol::TextDocumentContentChangeEvent>>();
  if (!doc.applyChanges(changes, version, server.session().client.encoding)) {
    support::log(support::LogLevel::Error, "could not apply a change to {}", doc.uri());
    return;
  }
  server.scheduleDiagnostics(doc.uri());
}

}  // namespace sparkmigrate::server
