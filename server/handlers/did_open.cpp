// `textDocument/didOpen`: creates the document (parsed once), resolves its
// settings and, for push clients, schedules diagnostics. Also the place that
// states the text synchronisation capability (incremental, open/close, save).
#include "server/handlers/handlers.h"

#include "protocol/lsp_types.h"

namespace sparkmigrate::server {

void textDocumentSyncCapability(const ClientCapabilities&, json& caps) {
  caps["textDocumentSync"] = {
      {"openClose", true}, {"change", protocol::kSyncIncremental}, {"save", {{"includeText", false}}}};
}

void didOpen(Server& server, const json& params) {
  const json& item = requireField(params, "textDocument");
  std::string uri = requireField(item, "uri").get<std::string>();
  int version = item.value("version", 0);
  std::string text = requireField(item, "text").get<std::string>();
  auto doc = std::make_unique<Document>(uri, protocol::uriToPath(uri), version, std::move(text));
  server.resolveSettings(*doc);
  server.session().documents[uri] = std::move(doc);
  server.scheduleDiagnostics(uri);
}

}  // namespace sparkmigrate::server
