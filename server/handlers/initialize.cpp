// `initialize`: reads the client's capabilities, negotiates the position
// encoding (utf-8 when offered, then utf-32, else utf-16; also clangd's
// `offsetEncoding` extension, which Neovim before 0.9 uses), records the
// workspace folders and initial settings, and advertises the capabilities
// implied by the handler table.
#include "server/handlers/handlers.h"

#include "protocol/lsp_types.h"
#include "support/log.h"

#include <filesystem>

namespace sparkmigrate::server {
namespace {

const json& at(const json& j, std::initializer_list<const char*> path) {
  static const json kNull;
  const json* cur = &j;
  for (const char* key : path) {
    if (!cur->is_object()) return kNull;
    auto it = cur->find(key);
    if (it == cur->end()) return kNull;
    cur = &*it;
  }
  return *cur;
}

bool flag(const json& j, std::initializer_list<const char*> path) {
  const json& v = at(j, path);
  return v.is_boolean() && v.get<bool>();
}

bool contains(const json& list, const char* value) {
  if (!list.is_array()) return false;
  for (const auto& v : list)
    if (v == value) return true;
  return false;
}

// The first encoding the server likes, preferring utf-8 > utf-32 > utf-16.
std::optional<protocol::PositionEncoding> choose(const json& offered) {
  if (contains(offered, "utf-8")) return protocol::PositionEncoding::Utf8;
  if (contains(offered, "utf-32")) return protocol::PositionEncoding::Utf32;
  return std::nullopt;
}

}  // namespace

void initialize(Server& server, const json& params, Reply& reply) {
  if (!params.is_object()) throw InvalidParams("initialize params must be an object");
  Session& session = server.session();
  const json& caps = at(params, {"capabilities"});
  ClientCapabilities& c = session.client;
  if (auto e = choose(at(caps, {"general", "positionEncodings"}))) {
    c.encoding = *e;
  } else if (auto e2 = choose(at(caps, {"offsetEncoding"}))) {
    c.encoding = *e2;
    c.offsetEncodingExtension = true;
  }
  c.pullDiagnostics = at(caps, {"textDocument", "diagnostic"}).is_object();
  c.diagnosticRefresh = flag(caps, {"workspace", "diagnostics", "refreshSupport"});
  c.workspaceConfiguration = flag(caps, {"workspace", "configuration"});
  c.watchedFilesDynamic = flag(caps, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  c.codeActionLiterals = at(caps, {"textDocument", "codeAction", "codeActionLiteralSupport"}).is_object();
  c.codeActionResolveEdit =
      flag(caps, {"textDocument", "codeAction", "dataSupport"}) &&
      contains(at(caps, {"textDocument", "codeAction", "resolveSupport", "properties"}), "edit");
  c.documentChanges = flag(caps, {"workspace", "workspaceEdit", "documentChanges"});
  c.applyEdit = flag(caps, {"workspace", "applyEdit"});
  c.tagSupport = at(caps, {"textDocument", "publishDiagnostics", "tagSupport"}).is_object();
  c.workDoneProgress = flag(caps, {"window", "workDoneProgress"});
  const json& hoverFormats = at(caps, {"textDocument", "hover", "contentFormat"});
  c.hoverMarkdown = !hoverFormats.is_array() || contains(hoverFormats, "markdown");

  session.workspaceFolders.clear();
  if (const json& folders = at(params, {"workspaceFolders"}); folders.is_array()) {
    for (const auto& f : folders)
      if (f.is_object() && f.contains("uri") && f["uri"].is_string())
        if (auto path = protocol::uriToPath(f["uri"]); !path.empty())
          session.workspaceFolders.push_back(path);
  } else if (const json& root = at(params, {"rootUri"}); root.is_string()) {
    if (auto path = protocol::uriToPath(root); !path.empty()) session.workspaceFolders.push_back(path);
  } else if (const json& rootPath = at(params, {"rootPath"}); rootPath.is_string()) {
    session.workspaceFolders.push_back(rootPath.get<std::string>());
  }

  const json& options = at(params, {"initializationOptions"});
  if (options.is_object()) {
    const json& settings = options.contains("settings") ? options["settings"] : options;
    std::string problem;
    session.editorSettings = parseEditorSettings(settings, session.editorSettings, problem);
    if (!problem.empty()) server.reportProblemOnce("initializationOptions: " + problem);
    session.resolver.setOverrides(session.editorSettings.overrides);
  }
  if (const json& trace = at(params, {"trace"}); trace.is_string()) session.trace = trace.get<std::string>();

  json capabilities = {{"positionEncoding", std::string(protocol::encodingName(c.encoding))}};
  for (const auto& entry : handlerTable())
    if (entry.capability) entry.capability(c, capabilities);
  json result = {{"capabilities", capabilities},
                 {"serverInfo", {{"name", "sparkmigrate"}, {"version", SPARKMIGRATE_VERSION}}}};
  if (c.offsetEncodingExtension) result["offsetEncoding"] = std::string(protocol::encodingName(c.encoding));
  session.lifecycle = Lifecycle::Running;
  support::log(support::LogLevel::Info, "initialized: encoding {}, {} diagnostics, {} workspace folder(s)",
               protocol::encodingName(c.encoding), c.pullDiagnostics ? "pull" : "push",
               session.workspaceFolders.size());
  reply.result(std::move(result));
}

}  // namespace sparkmigrate::server
