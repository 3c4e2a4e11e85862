// `workspace/executeCommand`: `sparkmigrate.applyFixAll` (safe fixes) and
// `sparkmigrate.migrateFile` (safe and unsafe fixes), each with arguments
// [{uri}], and `sparkmigrate.migrateWithLlm` with the data of a model action
// (for clients that cannot resolve code actions). The edit is computed on
// the pool (a model's on the slow pool, cancellable), sent to the client with
// workspace/applyEdit, and the command answers {applied, edits} once the
// client has replied; a rejected model rewrite answers {applied: false,
// reason} after a window/showMessage. `sparkmigrate.explainException` is in
// explain_exception.cpp.
#include "server/handlers/handlers.h"

#include "server/diagnostics.h"
#include "server/llm_edit.h"

namespace sparkmigrate::server {

void executeCommandCapability(const ClientCapabilities&, json& caps) {
  caps["executeCommandProvider"] = {
      {"commands",
       json::array({kCommandFixAll, kCommandMigrateFile, kCommandMigrateWithLlm, kCommandExplainException})}};
}

namespace {

void applyEditThenAnswer(Server& server, std::shared_ptr<Reply> shared, json edit, std::size_t count,
                         const std::string& label) {
  if (!server.session().client.applyEdit) {
    shared->error(protocol::error::kRequestFailed, "the client cannot apply workspace edits");
    return;
  }
  server.request("workspace/applyEdit", {{"label", label}, {"edit", std::move(edit)}},
                 [shared, count](const json& result, const protocol::ResponseError* error) {
                   if (error)
                     shared->error(protocol::error::kRequestFailed, error->message);
                   else
                     shared->result({{"applied", result.value("applied", false)}, {"edits", count}});
                 });
}

void migrateWithLlm(Server& server, const json& args, Reply& reply) {
  std::optional<LlmJob> job = prepareLlmJob(server, args[0], reply);
  if (!job) return;
  support::CancellationToken cancel = server.cancellationToken(reply.id());
  auto shared = std::make_shared<Reply>(std::move(reply));
  server.onPool(
      [&server, job = std::move(*job), cancel, shared] {
        LlmEditResult result = computeLlmEdit(server, job, cancel);
        server.postMain([&server, shared, result = std::move(result), cancel, snap = job.snap]() mutable {
          if (cancel.cancelled() || result.cancelled) {
            shared->error(protocol::error::kRequestCancelled, "cancelled");
            return;
          }
          Document* current = server.session().find(snap.uri);
          if (!current || current->version() != snap.version) {
            shared->error(protocol::error::kContentModified, "the document changed");
            return;
          }
          if (result.edit.is_null()) {
            server.showMessage(protocol::kMessageWarning, "sparkmigrate: " + result.reason);
            shared->result({{"applied", false}, {"edits", 0}, {"reason", result.reason}});
            return;
          }
          applyEditThenAnswer(server, shared, std::move(result.edit), result.edits,
                              "sparkmigrate: migrate with the model");
        });
      },
      /*slow=*/true);
}

}  // namespace

void executeCommand(Server& server, const json& params, Reply& reply) {
  std::string command = requireField(params, "command").get<std::string>();
  if (command != kCommandFixAll && command != kCommandMigrateFile && command != kCommandMigrateWithLlm &&
      command != kCommandExplainException)
    throw InvalidParams("unknown command " + command);
  const json& args = requireField(params, "arguments");
  if (!args.is_array() || args.empty()) throw InvalidParams("expected arguments [{\"uri\": ...}]");
  if (command == kCommandExplainException) {
    explainException(server, args, reply);
    return;
  }
  if (command == kCommandMigrateWithLlm) {
    migrateWithLlm(server, args, reply);
    return;
  }
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
      applyEditThenAnswer(server, shared, std::move(edit), count,
                          command == kCommandFixAll ? "sparkmigrate: fix all" : "sparkmigrate: migrate file");
    });
  });
}

}  // namespace sparkmigrate::server
