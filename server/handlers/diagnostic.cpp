// `textDocument/diagnostic` (pull): analyses a snapshot on the pool (or reuses
// the cached result for this version and settings) and answers a full
// report with a result id, or "unchanged" when the client's previousResultId
// names the same report. A notebook cell's report is its part of the
// notebook's (server/notebook.h). Advertised only to clients that support pull diagnostics; others
// get publishDiagnostics (Server::scheduleDiagnostics).
#include "server/handlers/handlers.h"

#include "protocol/json_text.h"
#include "server/diagnostics.h"
#include "server/notebook.h"
#include "support/hash.h"

#include <fmt/format.h>

namespace sparkmigrate::server {

void diagnosticCapability(const ClientCapabilities& client, json& caps) {
  if (!client.pullDiagnostics) return;
  caps["diagnosticProvider"] = {
      {"identifier", "sparkmigrate"}, {"interFileDependencies", false}, {"workspaceDiagnostics", true}};
}

void diagnostic(Server& server, const json& params, Reply& reply) {
  std::string previous;
  if (auto it = params.find("previousResultId"); it != params.end() && it->is_string()) previous = *it;
  // A notebook cell: the part of its notebook's report that is the cell's.
  if (auto cell = server.session().findCell(requireUri(params))) {
    if (!cell->index) return reply.resultText(R"({"items":[],"kind":"full","resultId":"none"})");
    DocumentSnapshot snap = server.snapshot(*server.session().find(cell->notebook));
    server.backgroundText(std::move(reply), [&server, snap, previous, cell = *cell](const support::CancellationToken& cancel) {
      auto result = snap.analyze(&cancel);
      server.postMain([&server, uri = snap.uri, result] { server.remember(uri, result); });
      std::string items = cellDiagnosticsText(snap, result->check, *cell.layout, *cell.index);
      std::string id = fmt::format("{:016x}", support::hashBytes(items, snap.generation));
      if (id == previous) return protocol::dumpJson({{"kind", "unchanged"}, {"resultId", id}});
      return R"({"items":)" + items + R"(,"kind":"full","resultId":")" + id + R"("})";
    });
    return;
  }
  Document& doc = requireDocument(server, params);
  DocumentSnapshot snap = server.snapshot(doc);
  server.backgroundText(std::move(reply), [&server, snap, previous](const support::CancellationToken& cancel) {
    auto result = snap.analyze(&cancel);
    server.postMain([&server, uri = snap.uri, result] { server.remember(uri, result); });
    auto report = diagnosticsReport(snap, *result);
    if (report->id == previous) return protocol::dumpJson({{"kind", "unchanged"}, {"resultId", report->id}});
    return R"({"items":)" + report->items + R"(,"kind":"full","resultId":")" + report->id + R"("})";
  });
}

}  // namespace sparkmigrate::server
