// `workspace/diagnostic`: checks every Python file under the workspace folders
// (the CLI's discovery and per-file configuration), using the editor's text
// for open documents, on the pool, cancellable between files. Each report has
// a result id; a file whose id the client sent in previousResultIds and that
// has not changed gets an "unchanged" report. Only regular files are read; one
// over its max-file-size is not read and gets the one diagnostic saying so.
#include "server/handlers/handlers.h"

#include "analysis/discovery.h"
#include "server/diagnostics.h"

#include <filesystem>

namespace sparkmigrate::server {

void workspaceDiagnostic(Server& server, const json& params, Reply& reply) {
  Session& session = server.session();
  std::map<std::string, DocumentSnapshot> open;
  for (auto& [uri, doc] : session.documents)  // notebooks report per cell, when their cells are pulled
    if (!session.notebooks.count(uri)) open.emplace(doc->path(), server.snapshot(*doc));
  std::vector<std::string> folders = session.workspaceFolders;
  ClientCapabilities client = session.client;
  analysis::ConfigResolver* resolver = &session.resolver;
  std::uint64_t generation = session.generation;
  std::map<std::string, std::string> previous;  // uri -> result id
  if (auto ids = params.find("previousResultIds"); ids != params.end() && ids->is_array())
    for (const auto& entry : *ids)
      if (entry.is_object() && entry.value("uri", json()).is_string() &&
          entry.value("value", json()).is_string())
        previous[entry["uri"].get<std::string>()] = entry["value"].get<std::string>();
  server.background(std::move(reply), [open, folders, client, resolver, generation,
                                       previous](const support::CancellationToken& cancel) {
    json items = json::array();
    auto report = [&](const DocumentSnapshot& snap, const analysis::CheckResult& check, json version) {
      DiagnosticsReport made = diagnosticsReport(snap, check);
      auto it = previous.find(snap.uri);
      if (it != previous.end() && it->second == made.id)
        return json{{"kind", "unchanged"}, {"uri", snap.uri}, {"version", version}, {"resultId", made.id}};
      return json{{"kind", "full"},
                  {"uri", snap.uri},
                  {"version", version},
                  {"resultId", made.id},
                  {"items", json::parse(made.items)}};
    };
    if (folders.empty()) return json{{"items", items}};
    analysis::DiscoveryResult found = analysis::discoverFiles(folders, *resolver);
    std::vector<std::filesystem::path> paths;
    for (const auto& file : found.files) paths.push_back(file.path);
    auto project = std::make_shared<const analysis::ProjectIndex>(
        analysis::indexFiles(paths, analysis::kDefaultMaxFileSize, 1));
    for (const auto& file : found.files) {
      if (cancel.cancelled()) break;
      std::error_code ec;
      std::string path = std::filesystem::absolute(file.path, ec).lexically_normal().string();
      if (auto it = open.find(path); it != open.end()) {
        const DocumentSnapshot& snap = it->second;
        items.push_back(report(snap, snap.analyze(&cancel)->check, snap.version));
        continue;
      }
      // Read as `check` reads it; a file over max-file-size gets its one
      // diagnostic saying so, one that cannot be checked is left out.
      analysis::FileText read = analysis::readSourceFile(path, file.settings.settings->maxFileSize);
      DocumentSnapshot snap;
      if (!read.error.empty()) {
        std::uint64_t size = std::filesystem::file_size(path, ec);
        snap.notAnalysed = ec ? "" : sizeLimitProblem(size, file.settings.settings->maxFileSize);
        if (snap.notAnalysed.empty()) continue;
      }
      std::string text = std::move(read.text);
      snap.uri = protocol::pathToUri(path);
      snap.path = path;
      snap.text = std::make_shared<const std::string>(std::move(text));
      snap.lines = std::make_shared<const analysis::LineIndex>(*snap.text);
      std::string scratch;
      if (snap.notAnalysed.empty()) {
        analysis::TreePtr tree = analysis::parsePython(analysisText(*snap.text, scratch), nullptr, &cancel);
        if (!tree) break;  // cancelled
        snap.tree = std::shared_ptr<TSTree>(tree.release(), [](TSTree* t) { ts_tree_delete(t); });
      }
      snap.settings = file.settings.settings;
      snap.relativePath = analysis::relativeTo(*snap.settings, path);
      snap.project = project;
      snap.generation = generation;
      snap.encoding = client.encoding;
      items.push_back(report(snap, snap.analyze(&cancel)->check, nullptr));
    }
    return json{{"items", items}};
  });
}

}  // namespace sparkmigrate::server
