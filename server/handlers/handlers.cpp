// The method table and shared parameter helpers.
#include "server/handlers/handlers.h"

#include "protocol/lsp_types.h"

#include <algorithm>

namespace sparkmigrate::server {
namespace {

// Sorted by method name (findHandler searches it; checked when compiling).
constexpr HandlerEntry kHandlers[] = {
    {"$/cancelRequest", nullptr, cancelRequest, nullptr},
    {"$/setTrace", nullptr, setTrace, nullptr},
    {"codeAction/resolve", codeActionResolve, nullptr, nullptr},
    {"exit", nullptr, exitNotification, nullptr},
    {"initialize", initialize, nullptr, nullptr},
    {"initialized", nullptr, initialized, nullptr},
    {"notebookDocument/didChange", nullptr, notebookDidChange, nullptr},
    {"notebookDocument/didClose", nullptr, notebookDidClose, nullptr},
    {"notebookDocument/didOpen", nullptr, notebookDidOpen, notebookDocumentSyncCapability},
    {"notebookDocument/didSave", nullptr, notebookDidSave, nullptr},
    {"shutdown", shutdown, nullptr, nullptr},
    {"textDocument/codeAction", codeAction, nullptr, codeActionCapability},
    {"textDocument/diagnostic", diagnostic, nullptr, diagnosticCapability},
    {"textDocument/didChange", nullptr, didChange, textDocumentSyncCapability},
    {"textDocument/didClose", nullptr, didClose, nullptr},
    {"textDocument/didOpen", nullptr, didOpen, nullptr},
    {"textDocument/didSave", nullptr, didSave, nullptr},
    {"textDocument/hover", hover, nullptr, hoverCapability},
    {"window/workDoneProgress/cancel", nullptr, workDoneProgressCancel, nullptr},
    {"workspace/diagnostic", workspaceDiagnostic, nullptr, nullptr},
    {"workspace/didChangeConfiguration", nullptr, didChangeConfiguration, nullptr},
    {"workspace/didChangeWatchedFiles", nullptr, didChangeWatchedFiles, nullptr},
    {"workspace/didChangeWorkspaceFolders", nullptr, didChangeWorkspaceFolders, workspaceFoldersCapability},
    {"workspace/executeCommand", executeCommand, nullptr, executeCommandCapability},
};

static_assert(std::is_sorted(std::begin(kHandlers), std::end(kHandlers),
                             [](const HandlerEntry& a, const HandlerEntry& b) { return a.method < b.method; }),
              "kHandlers must be sorted by method name");
static_assert(std::all_of(std::begin(kHandlers), std::end(kHandlers),
                          [](const HandlerEntry& e) { return (e.request == nullptr) != (e.notification == nullptr); }),
              "each method is a request or a notification");

}  // namespace

std::span<const HandlerEntry> handlerTable() {
  return kHandlers;
}

const HandlerEntry* findHandler(std::string_view method) {
  auto it = std::lower_bound(std::begin(kHandlers), std::end(kHandlers), method,
                             [](const HandlerEntry& e, std::string_view m) { return e.method < m; });
  return it != std::end(kHandlers) && it->method == method ? &*it : nullptr;
}

const json& requireField(const json& object, const char* name) {
  if (!object.is_object()) throw InvalidParams("params must be an object");
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) throw InvalidParams(std::string("missing \"") + name + "\"");
  return *it;
}

std::string requireUri(const json& params) {
  const json& uri = requireField(requireField(params, "textDocument"), "uri");
  if (!uri.is_string()) throw InvalidParams("textDocument.uri must be a string");
  return uri.get<std::string>();
}

int versionField(const json& object, int fallback) {
  if (!object.is_object()) return fallback;
  auto it = object.find("version");
  return it == object.end() || it->is_null() ? fallback : protocol::toInteger(*it, "version");
}

Document& requireDocument(Server& server, const json& params) {
  std::string uri = requireUri(params);
  Document* doc = server.session().find(uri);
  if (!doc) throw InvalidParams("document is not open: " + uri);
  return *doc;
}

}  // namespace sparkmigrate::server
