// `textDocument/didOpen`: creates the document (parsed once, unless it is over
// its settings' maxFileSize), resolves its settings and, for push clients,
// schedules diagnostics. Also the place that states the text synchronisation
// capability (incremental, open/close, save).
#include "server/handlers/handlers.h"

#include "protocol/lsp_types.h"

namespace sparkmigrate::server {

void textDocumentSyncCapability(const ClientCapabilities&, json& caps) {
  caps["textDocumentSync"] = {
      {"openClose", true}, {"change", protocol::kSyncIncremental}, {"save", {{"includeText", false}}}};
}

void didOpen(Server& server, const json& params) {
  const json& item = requireField(params, "textDocument");
  std::string uri = requireUri(params);
  int version = versionField(item, 0);
  std::string text = requireField(item, "text").get<std::string>();
  auto doc =
      std::make_unique<Document>(uri, protocol::uriToPath(uri), version, std::move(text), server.lifetime());
  server.resolveSettings(*doc);  // parses it, unless it is over the size limit
  server.session().documents[uri] = std::move(doc);
  server.scheduleDiagnostics(uri);
}

}  // namespace sparkmigrate::server
