// The "Migrate to Spark Connect with <model>" edit, shared by
// codeAction/resolve and the sparkmigrate.migrateWithLlm command: finds the
// finding an action names in a snapshot, runs the migration loop (migrate/)
// with the document's model settings and the editor's key, reports
// work-done progress when the client supports it, and turns a validated
// rewrite into a WorkspaceEdit. A rejected or failed request yields a
// one-line reason, never an edit.
#pragma once

#include "server/document.h"
#include "server/session.h"
#include "support/cancel.h"

#include <nlohmann/json.hpp>

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

struct LlmEditResult {
  nlohmann::json edit;  // a WorkspaceEdit; null unless validated
  std::string reason;   // one line when not validated
  bool cancelled = false;
  std::size_t edits = 0;
};

// Runs on a worker thread; posts progress to the main loop. `apiKey` is the
// editor's key ("" to use the environment variable the settings name).
LlmEditResult computeLlmEdit(Server& server, const DocumentSnapshot& snap, const LlmActionData& data,
                             const std::string& apiKey, const ClientCapabilities& client,
                             const support::CancellationToken& cancel);

}  // namespace sparkmigrate::server
