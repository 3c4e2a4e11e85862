// `textDocument/codeAction`: for each diagnostic in the range, a quick fix
// from the rule's fix (unsafe ones say so; safe ones are preferred) and
// "Ignore SPKnnn on this line"; for the file, `source.fixAll.sparkmigrate`
// (safe fixes only; its edit is resolved lazily when the client supports
// codeAction/resolve) and a command that migrates the whole file (every
// safe and unsafe fix). Quick fixes appear by themselves as soon as a
// diagnostic carries edits. With a model backend configured, each finding
// also gets "Migrate to Spark Connect with <model>", whose edit is computed
// only when chosen (codeAction/resolve, or the sparkmigrate.migrateWithLlm
// command for clients that cannot resolve edits) and only if validated.
#include "server/handlers/handlers.h"

#include "server/diagnostics.h"
#include "server/llm_edit.h"

namespace sparkmigrate::server {

void codeActionCapability(const ClientCapabilities& client, json& caps) {
  caps["codeActionProvider"] = {{"codeActionKinds", json::array({"quickfix", kFixAllKind, kMigrateKind})},
                                {"resolveProvider", true}};
}

namespace {

bool kindWanted(const json& only, std::string_view kind) {
  if (!only.is_array() || only.empty()) return true;
  for (const auto& o : only) {
    if (!o.is_string()) continue;
    std::string prefix = o;
    if (kind == prefix || (kind.size() > prefix.size() && kind.substr(0, prefix.size()) == prefix &&
                           kind[prefix.size()] == '.'))
      return true;
  }
  return false;
}

}  // namespace

void codeAction(Server& server, const json& params, Reply& reply) {
  // Not yet in notebook cells: their fixes come from `sparkmigrate fix`.
  if (server.session().findCell(requireUri(params))) return reply.result(json::array());
  Document& doc = requireDocument(server, params);
  auto range = requireField(params, "range").get<protocol::Range>();
  json only = params.contains("context") ? params["context"].value("only", json()) : json();
  DocumentSnapshot snap = server.snapshot(doc);
  ClientCapabilities client = server.session().client;
  server.background(
      std::move(reply),
      [&server, snap, range, only, client](const support::CancellationToken& cancel) -> json {
        PositionMapper mapper = snap.mapper();
        analysis::ByteRange wanted = mapper.toByteRange(range);
        auto result = snap.analyze(&cancel);
        server.postMain([&server, uri = snap.uri, result] { server.remember(uri, result); });
        json actions = json::array();
        bool anyFix = false, anySafe = false;
        for (const auto& d : result->check.diagnostics) {
          bool hasEdits = d.fix && !d.fix->edits.empty();
          if (hasEdits && d.fix->safety != analysis::FixSafety::DisplayOnly) anyFix = true;
          if (hasEdits && d.fix->safety == analysis::FixSafety::Safe) anySafe = true;
          // A diagnostic qualifies when it overlaps the range or shares a line
          // with it (clients send the cursor position as an empty range).
          bool overlaps = d.range.start <= wanted.end && wanted.start <= d.range.end;
          bool sameLine = d.start.line <= range.end.line && range.start.line <= d.end.line;
          if (!overlaps && !sameLine) continue;
          if (!kindWanted(only, "quickfix")) continue;
          json lspDiagnostic = diagnosticJson(d, mapper);
          if (hasEdits) {
            std::string title = d.fix->message.empty() ? "Fix " + d.code : d.fix->message;
            if (d.fix->safety == analysis::FixSafety::Unsafe) title += " (unsafe fix)";
            if (d.fix->safety == analysis::FixSafety::DisplayOnly) title += " (suggestion)";
            json action = {{"title", d.code + ": " + title},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({lspDiagnostic})},
                           {"edit", workspaceEdit(snap, textEdits(d.fix->edits, mapper), client)}};
            if (d.fix->safety == analysis::FixSafety::Safe) action["isPreferred"] = true;
            actions.push_back(std::move(action));
          }
          if (!snap.settings->llm.backend.empty() && d.code != analysis::kUnusedSuppressionCode) {
            LlmActionData data{snap.uri, snap.version, d.code, mapper.toRange(d.range)};
            json action = {{"title", llmActionTitle(snap.settings->llm)},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({lspDiagnostic})}};
            if (client.codeActionResolveEdit)
              action["data"] = llmActionDataJson(data);
            else
              action["command"] = {{"title", llmActionTitle(snap.settings->llm)},
                                   {"command", kCommandMigrateWithLlm},
                                   {"arguments", json::array({llmActionDataJson(data)})}};
            actions.push_back(std::move(action));
          }
          if (d.code != analysis::kUnusedSuppressionCode) {
            analysis::Edit edit = suppressionEdit(snap, d);
            actions.push_back({{"title", "Ignore " + d.code + " on this line"},
                               {"kind", "quickfix"},
                               {"diagnostics", json::array({lspDiagnostic})},
                               {"edit", workspaceEdit(snap, textEdits({edit}, mapper), client)}});
          }
        }
        if (anySafe && kindWanted(only, kFixAllKind)) {
          json action = {{"title", "sparkmigrate: fix all safe problems"}, {"kind", kFixAllKind}};
          json data = {{"uri", snap.uri}, {"version", snap.version}, {"action", "fixAll"}};
          if (client.codeActionResolveEdit) {
            action["data"] = data;
          } else {
            std::size_t count = 0;
            action["edit"] = fixAllEdit(snap, false, client, &cancel, count);
          }
          actions.push_back(std::move(action));
        }
        if (anyFix && kindWanted(only, kMigrateKind)) {
          json args = json::array({{{"uri", snap.uri}, {"version", snap.version}}});
          actions.push_back({{"title", "sparkmigrate: migrate this file (all fixes, including unsafe)"},
                             {"kind", kMigrateKind},
                             {"command",
                              {{"title", "Migrate file to Spark Connect"},
                               {"command", kCommandMigrateFile},
                               {"arguments", args}}}});
        }
        return actions;
      },
      std::make_pair(snap.uri, snap.version));
}

}  // namespace sparkmigrate::server
