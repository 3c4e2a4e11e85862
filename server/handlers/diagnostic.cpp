// `textDocument/diagnostic` (pull): analyses a snapshot on the pool (or reuses
// the cached result for this version and settings) and answers a full
// report. Advertised only to clients that support pull diagnostics; others
// get publishDiagnostics (Server::scheduleDiagnostics).
#include "server/handlers/handlers.h"

#include "server/diagnostics.h"

namespace sparkmigrate::server {

void diagnosticCapability(const ClientCapabilities& client, json& caps) {
  if (!client.pullDiagnostics) return;
  caps["diagnosticProvider"] = {
      {"identifier", "sparkmigrate"}, {"interFileDependencies", false}, {"workspaceDiagnostics", true}};
}

void diagnostic(Server& server, const json& params, Reply& reply) {
  Document& doc = requireDocument(server, params);
  DocumentSnapshot snap = server.snapshot(doc);
  ClientCapabilities client = server.session().client;
  server.background(std::move(reply), [&server, snap, client](const support::CancellationToken& cancel) {
    auto result = snap.analyze(&cancel);
    json items = diagnosticsJson(snap, result->check, client);
    server.postMain([&server, uri = snap.uri, result] { server.remember(uri, result); });
    return json{{"kind", "full"}, {"items", std::move(items)}};
  });
}

}  // namespace sparkmigrate::server
