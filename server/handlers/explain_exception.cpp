// The `sparkmigrate.explainException` command (workspace/executeCommand,
// arguments [text] or [{"text": ...}]): migration from a pasted exception in
// the editor. Runs the shared explain (migrate/explain.h) against the
// workspace, reading open documents from memory, on the slow pool
// (cancellable: it may ask a model); publishes the causes as diagnostics on
// the files they are in (merged with an open document's own, so its code
// actions apply) and answers with the same JSON as `sparkmigrate explain
// --output-format json`. Opens nothing by itself.
#include "server/handlers/handlers.h"

#include "migrate/explain.h"
#include "server/diagnostics.h"
#include "support/utf8.h"

#include <filesystem>
#include <map>

namespace sparkmigrate::server {

void explainException(Server& server, const json& args, Reply& reply) {
  const json& first = args[0];
  std::string text = first.is_string() ? first.get<std::string>()
                     : first.is_object() && first.contains("text") && first["text"].is_string()
                         ? first["text"].get<std::string>()
                         : throw InvalidParams("expected arguments [\"<the error or traceback>\"]");
  if (text.size() > (16u << 20)) {  // the end holds the error; keep it from a line start
    std::size_t cut = text.find('\n', text.size() - (16u << 20));
    text.erase(0, cut == std::string::npos ? text.size() - (16u << 20) : cut + 1);
  }
  if (support::firstInvalidUtf8(text) != text.size()) throw InvalidParams("the pasted text is not valid UTF-8");
  Session& session = server.session();
  migrate::ExplainRequest request;
  request.error = analysis::parseError(text);
  std::error_code ec;
  request.root = session.workspaceFolders.empty() ? std::filesystem::current_path(ec)
                                                  : std::filesystem::path(session.workspaceFolders.front());
  request.overrides = session.editorSettings.overrides;
  request.apiKey = session.editorSettings.llmApiKey;
  // Open documents as the user sees them, not as saved.
  auto open = std::make_shared<std::map<std::string, std::shared_ptr<const std::string>>>();
  for (const auto& [uri, doc] : session.documents)
    if (!doc->path().empty()) (*open)[std::filesystem::path(doc->path()).lexically_normal().string()] =
          std::make_shared<const std::string>(doc->text());
  ClientCapabilities client = session.client;
  support::CancellationToken cancel = server.cancellationToken(reply.id());
  auto shared = std::make_shared<Reply>(std::move(reply));
  server.onPool(
      [&server, request = std::move(request), open, client, cancel, shared]() mutable {
        request.cancel = &cancel;
        request.openText = [open](const std::filesystem::path& path) -> std::optional<std::string> {
          auto it = open->find(path.lexically_normal().string());
          return it == open->end() ? std::nullopt : std::optional<std::string>(*it->second);
        };
        migrate::ExplainResult result = migrate::explain(request);
        json answer = migrate::explainJson(request, result);
        server.postMain([&server, result = std::move(result), answer = std::move(answer), client, cancel,
                         shared]() mutable {
          if (cancel.cancelled()) {
            shared->error(protocol::error::kRequestCancelled, "cancelled");
            return;
          }
          // The causes, per file, as diagnostics.
          std::map<std::size_t, std::vector<const analysis::Diagnostic*>> byFile;
          for (const auto& cause : result.causes) byFile[cause.file].push_back(&cause.finding);
          for (const auto& [index, findings] : byFile) {
            const auto& file = result.files[index];
            std::string uri = protocol::pathToUri(file.path);
            analysis::LineIndex lines(file.text);
            PositionMapper mapper(file.text, lines, client.encoding);
            json diagnostics = json::array();
            if (Document* doc = server.session().find(uri); doc && doc->cached) {
              DocumentSnapshot snap = server.snapshot(*doc);
              diagnostics = diagnosticsJson(snap, doc->cached->check);
            }
            for (const auto* d : findings) {
              json item = diagnosticJson(*d, mapper);
              bool present = false;
              for (const auto& existing : diagnostics) present |= existing == item;
              if (!present) diagnostics.push_back(std::move(item));
            }
            server.notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", diagnostics}});
          }
          shared->result(std::move(answer));
        });
      },
      /*slow=*/true);
}

}  // namespace sparkmigrate::server
