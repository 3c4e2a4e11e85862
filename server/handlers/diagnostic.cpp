// `textDocument/diagnostic` (pull): analyses a snapshot on the pool (or reuses
// the cached result for this version and settings) and answers a full
// report with a result id, or "unchanged" when the client's previousResultId
// names the same report. Advertised only to clients that support pull diagnostics; others
// get publishDiagnostics (Server::scheduleDiagnostics).
#include "server/handlers/handlers.h"

#include "protocol/json_text.h"
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
  std::string previous;
  if (auto it = params.find("previousResultId"); it != params.end() && it->is_string()) previous = *it;
  server.backgroundText(std::move(reply), [&server, snap, previous](const support::CancellationToken& cancel) {
    auto result = snap.analyze(&cancel);
    server.postMain([&server, uri = snap.uri, result] { server.remember(uri, result); });
    std::string id = diagnosticsResultId(snap, result->check);
    if (id == previous) return protocol::dumpJson({{"kind", "unchanged"}, {"resultId", id}});
    return R"({"items":)" + diagnosticsText(snap, result->check) + R"(,"kind":"full","resultId":")" + id + R"("})";
  });
}

}  // namespace sparkmigrate::server
