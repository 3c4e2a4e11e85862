// `codeAction/resolve`: fills in the edit of a lazily computed action from
// its `data` ({uri, version, action}): fix-all, or a model rewrite ("llm":
// asks the model on the slow pool with progress; cancellable; a rejected or
// failed rewrite is shown with window/showMessage and the action comes back
// without an edit). Answers InvalidParams when the data is not ours,
// ContentModified when the document moved on.
#include "server/handlers/handlers.h"

#include "server/diagnostics.h"
#include "server/llm_edit.h"

namespace sparkmigrate::server {

void codeActionResolve(Server& server, const json& params, Reply& reply) {
  const json& data = requireField(params, "data");
  if (data.is_object() && data.value("action", "") == "llm") {
    std::optional<LlmJob> job = prepareLlmJob(server, data, reply);
    if (!job) return;
    std::pair<std::string, int> document{job->snap.uri, job->snap.version};
    json action = params;
    server.background(
        std::move(reply),
        [&server, job = std::move(*job), action](const support::CancellationToken& cancel) mutable -> json {
          LlmEditResult edit = computeLlmEdit(server, job, cancel);
          if (!edit.edit.is_null()) {
            action["edit"] = std::move(edit.edit);
          } else if (!edit.cancelled) {
            server.postMain([&server, reason = edit.reason] {
              server.showMessage(protocol::kMessageWarning, "sparkmigrate: " + reason);
            });
          }
          return action;
        },
        document, /*slow=*/true);
    return;
  }
  if (!data.is_object() || !data.contains("uri") || !data["uri"].is_string() ||
      data.value("action", "") != "fixAll")
    throw InvalidParams("codeAction/resolve: data is not a sparkmigrate action");
  Document* doc = server.session().find(data["uri"]);
  if (!doc) throw InvalidParams("document is not open");
  if (data.contains("version") && data["version"].is_number_integer() && data["version"] != doc->version()) {
    reply.error(protocol::error::kContentModified, "the document changed since the action was offered");
    return;
  }
  DocumentSnapshot snap = server.snapshot(*doc);
  ClientCapabilities client = server.session().client;
  json action = params;
  server.background(
      std::move(reply),
      [snap, client, action](const support::CancellationToken& cancel) mutable -> json {
        std::size_t count = 0;
        action["edit"] = fixAllEdit(snap, false, client, &cancel, count);
        return action;
      },
      std::make_pair(snap.uri, snap.version));
}

}  // namespace sparkmigrate::server
