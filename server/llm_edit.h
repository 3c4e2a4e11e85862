// The "Migrate to Spark Connect with <model>" edit, shared by
// codeAction/resolve and the sparkmigrate.migrateWithLlm command: finds the
// finding an action names in a snapshot, runs the migration loop (migrate/)
// with the document's model settings and the editor's key, reports
// work-done progress when the client supports it, and turns a validated
// rewrite into a WorkspaceEdit. A rejected or failed request yields a
// one-line reason, never an edit.
#pragma once

#include "server/document.h"
#include "server/reply.h"
#include "server/session.h"
#include "support/cancel.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace sparkmigrate::server {

class Server;

// What an action carries in `data` (and the command in its arguments).
struct LlmActionData {
  std::string uri;
  int version = 0;
  std::string code;
  protocol::Range range;  // the diagnostic's range, in the client's encoding
};
// Throws InvalidParams when `data` is not ours.
LlmActionData parseLlmActionData(const nlohmann::json& data);
nlohmann::json llmActionDataJson(const LlmActionData& data);

// The action's title: "Migrate to Spark Connect with <model>".
std::string llmActionTitle(const analysis::LlmSettings& settings);

// What a model request needs, taken from the session on the main loop for
// the document an action names.
struct LlmJob {
  LlmActionData data;
  DocumentSnapshot snap;
  ClientCapabilities client;
  std::string apiKey;  // the editor's key, or "" (the environment's)
};
// Throws InvalidParams when the data is not ours or the document is not
// open; answers `reply` with ContentModified and returns nullopt when the
// document changed since the action was offered.
std::optional<LlmJob> prepareLlmJob(Server& server, const nlohmann::json& data, Reply& reply);

struct LlmEditResult {
  nlohmann::json edit;  // a WorkspaceEdit; null unless validated
  std::string reason;   // one line when not validated
  bool cancelled = false;
  std::size_t edits = 0;
};

// Runs on a worker thread; posts progress to the main loop.
LlmEditResult computeLlmEdit(Server& server, const LlmJob& job, const support::CancellationToken& cancel);

}  // namespace sparkmigrate::server
