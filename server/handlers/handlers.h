// The LSP methods the server understands: one file per method in this folder,
// all registered in one table (handlers.cpp), sorted by method name, each
// next to the server capability it implies. `initialize` builds the
// capabilities it advertises from this table.
//
// Kinds:
//   * request handlers get the params and the dispatcher's Reply; they either
//     answer on the spot (sync) or move the Reply, with an immutable
//     snapshot, into Server::background. A Reply left unanswered when the
//     handler returns answers InternalError;
//   * notification handlers mutate session state on the main loop.
// Handlers may throw; the dispatcher turns an exception into InternalError
// (requests) or a log line (notifications). Parameter errors should throw
// InvalidParams (below) so the client gets the right code.
//
// To add a new LSP method:
//   1. Create handlers/<method_name>.cpp defining the handler function(s)
//      declared below (and its capability function if it implies one).
//   2. Declare them here and add one row to kHandlers in handlers.cpp, keeping
//      the table sorted by method name.
//   3. Add it to server/CMakeLists.txt and cover it in a test/lsp transcript.
#pragma once

#include "server/reply.h"
#include "server/server.h"

#include <nlohmann/json.hpp>

#include <span>
#include <stdexcept>
#include <string_view>

namespace sparkmigrate::server {

using json = nlohmann::json;

struct InvalidParams : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using RequestHandler = void (*)(Server&, const json& params, Reply& reply);
using NotificationHandler = void (*)(Server&, const json& params);
// Adds what the method implies to the server capabilities in `initialize`.
using CapabilityWriter = void (*)(const ClientCapabilities&, json& capabilities);

struct HandlerEntry {
  std::string_view method;
  RequestHandler request = nullptr;  // exactly one of request/notification
  NotificationHandler notification = nullptr;
  CapabilityWriter capability = nullptr;
};

// The table, sorted by method.
std::span<const HandlerEntry> handlerTable();
const HandlerEntry* findHandler(std::string_view method);

// Shared parameter helpers (throw InvalidParams).
const json& requireField(const json& object, const char* name);
std::string requireUri(const json& params);  // params.textDocument.uri
Document& requireDocument(Server& server, const json& params);
// object.version as an LSP integer (InvalidParams-worthy json::type_error
// when it is not one), or `fallback` when absent or null.
int versionField(const json& object, int fallback);

// Commands served by workspace/executeCommand.
inline constexpr std::string_view kCommandFixAll = "sparkmigrate.applyFixAll";
inline constexpr std::string_view kCommandMigrateFile = "sparkmigrate.migrateFile";
inline constexpr std::string_view kCommandMigrateWithLlm = "sparkmigrate.migrateWithLlm";
inline constexpr std::string_view kCommandExplainException = "sparkmigrate.explainException";
inline constexpr std::string_view kFixAllKind = "source.fixAll.sparkmigrate";
inline constexpr std::string_view kMigrateKind = "source.migrate.sparkmigrate";

// --- one per file ---------------------------------------------------------------
void cancelRequest(Server&, const json&);
void setTrace(Server&, const json&);
void codeActionResolve(Server&, const json&, Reply&);
void exitNotification(Server&, const json&);
void initialize(Server&, const json&, Reply&);
void initialized(Server&, const json&);
void shutdown(Server&, const json&, Reply&);
void codeAction(Server&, const json&, Reply&);
void codeActionCapability(const ClientCapabilities&, json&);
void diagnostic(Server&, const json&, Reply&);
void diagnosticCapability(const ClientCapabilities&, json&);
void didChange(Server&, const json&);
void didClose(Server&, const json&);
void didOpen(Server&, const json&);
void didSave(Server&, const json&);
void textDocumentSyncCapability(const ClientCapabilities&, json&);
void hover(Server&, const json&, Reply&);
void notebookDidChange(Server&, const json&);
void notebookDidClose(Server&, const json&);
void notebookDidOpen(Server&, const json&);
void notebookDidSave(Server&, const json&);
void notebookDocumentSyncCapability(const ClientCapabilities&, json&);
void hoverCapability(const ClientCapabilities&, json&);
void workspaceDiagnostic(Server&, const json&, Reply&);
void didChangeConfiguration(Server&, const json&);
void didChangeWatchedFiles(Server&, const json&);
void didChangeWorkspaceFolders(Server&, const json&);
void workspaceFoldersCapability(const ClientCapabilities&, json&);
void executeCommand(Server&, const json&, Reply&);
void workDoneProgressCancel(Server&, const json&);
// Commands of workspace/executeCommand with a file of their own.
void explainException(Server&, const json& args, Reply&);
void executeCommandCapability(const ClientCapabilities&, json&);

}  // namespace sparkmigrate::server
