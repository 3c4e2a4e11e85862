// `workspace/executeCommand`: `sparkmigrate.applyFixAll` (safe fixes) and
// `sparkmigrate.migrateFile` (safe and unsafe fixes), each with arguments
// [{uri}]. The edit is computed on the pool, sent to the client with
// workspace/applyEdit, and the command answers {applied, edits} once the
// client has replied.
#include "server/handlers/handlers.h"

#include "server/diagnostics.h"

namespace sparkmigrate::server {

void executeCommandCapability(const ClientCapabilities&, json& caps) {
  caps["executeCommandProvider"] = {{"commands", json::array({kCommandFixAll, kCommandMigrateFile})}};
}

void executeCommand(Server& server, const json& params, Reply& reply) {
  std::string command = requireField(params, "command").get<std::string>();
  if (command != kCommandFixAll && command != kCommandMigrateFile)
    throw InvalidParams("unknown command " + command);
  const json& args = requireField(params, "arguments");
  if (!args.is_array() || args.empty()) throw InvalidParams("expected arguments [{\"uri\": ...}]");
  std::string uri = args[0].is_string() ? args[0].get<std::string>() : args[0].value("uri", "");
  Document* doc = server.session().find(uri);
  if (!doc) throw InvalidParams("document is not open: " + uri);
  DocumentSnapshot snap = server.snapshot(*doc);
  ClientCapabilities client = server.session().client;
  bool includeUnsafe = command == kCommandMigrateFile;
  auto shared = std::make_shared<Reply>(std::move(reply));
  server.onPool([&server, snap, client, includeUnsafe, shared, command] {
    std::size_t count = 0;
    json edit = fixAllEdit(snap, includeUnsafe, client, nullptr, count);
    server.postMain([&server, shared, edit = std::move(edit), count, command] {
      if (count == 0) {
        shared->result({{"applied", false}, {"edits", 0}});
        return;
      }
      if (!server.session().client.applyEdit) {
        shared->error(protocol::error::kRequestFailed, "the client cannot apply workspace edits");
        return;
      }
      json label = command == kCommandFixAll ? "sparkmigrate: fix all" : "sparkmigrate: migrate file";
      server.request("workspace/applyEdit", {{"label", label}, {"edit", edit}},
                     [shared, count](const json& result, const protocol::ResponseError* error) {
                       if (error)
                         shared->error(protocol::error::kRequestFailed, error->message);
                       else
                         shared->result({{"applied", result.value("applied", false)}, {"edits", count}});
                     });
    });
  });
}

}  // namespace sparkmigrate::server
