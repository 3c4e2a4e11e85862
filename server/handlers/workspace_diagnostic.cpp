// `workspace/diagnostic`: checks every Python file under the workspace folders
// (the CLI's discovery and per-file configuration), using the editor's text
// for open documents, on the pool, cancellable between files. Answers full
// reports only (no result ids yet).
#include "server/handlers/handlers.h"

#include "analysis/discovery.h"
#include "server/diagnostics.h"
#include "support/utf8.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace sparkmigrate::server {

void workspaceDiagnostic(Server& server, const json& params, Reply& reply) {
  Session& session = server.session();
  std::map<std::string, DocumentSnapshot> open;
  for (auto& [uri, doc] : session.documents) open.emplace(doc->path(), server.snapshot(*doc));
  std::vector<std::string> folders = session.workspaceFolders;
  ClientCapabilities client = session.client;
  analysis::ConfigResolver* resolver = &session.resolver;
  std::uint64_t generation = session.generation;
  server.background(std::move(reply), [open, folders, client, resolver,
                                       generation](const support::CancellationToken& cancel) {
    json items = json::array();
    if (folders.empty()) return json{{"items", items}};
    analysis::DiscoveryResult found = analysis::discoverFiles(folders, *resolver);
    for (const auto& file : found.files) {
      if (cancel.cancelled()) break;
      std::error_code ec;
      std::string path = std::filesystem::absolute(file.path, ec).lexically_normal().string();
      if (auto it = open.find(path); it != open.end()) {
        const DocumentSnapshot& snap = it->second;
        auto result = snap.analyze(&cancel);
        items.push_back({{"kind", "full"},
                         {"uri", snap.uri},
                         {"version", snap.version},
                         {"items", diagnosticsJson(snap, result->check, client)}});
        continue;
      }
      std::ifstream in(path, std::ios::binary);
      if (!in) continue;
      std::stringstream buffer;
      buffer << in.rdbuf();
      std::string text = buffer.str();
      if (text.find('\0') != std::string::npos || support::firstInvalidUtf8(text) != text.size()) continue;
      DocumentSnapshot snap;
      snap.uri = protocol::pathToUri(path);
      snap.path = path;
      snap.text = std::make_shared<const std::string>(std::move(text));
      snap.lines = std::make_shared<const analysis::LineIndex>(*snap.text);
      std::string scratch;
      snap.tree = std::shared_ptr<TSTree>(analysis::parsePython(analysisText(*snap.text, scratch)).release(),
                                          [](TSTree* t) { ts_tree_delete(t); });
      snap.settings = file.settings.settings;
      snap.relativePath = analysis::relativeTo(*snap.settings, path);
      snap.generation = generation;
      snap.encoding = client.encoding;
      auto result = snap.analyze(&cancel);
      items.push_back({{"kind", "full"},
                       {"uri", snap.uri},
                       {"version", nullptr},
                       {"items", diagnosticsJson(snap, result->check, client)}});
    }
    return json{{"items", items}};
  });
}

}  // namespace sparkmigrate::server
