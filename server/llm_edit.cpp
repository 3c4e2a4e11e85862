// Implementation of the model-backed edit and its work-done progress.
#include "server/llm_edit.h"

#include "migrate/migrate.h"
#include "server/diagnostics.h"
#include "server/handlers/handlers.h"
#include "server/server.h"
#include "support/log.h"

#include <fmt/format.h>

#include <atomic>
#include <chrono>

namespace sparkmigrate::server {
namespace {

using json = nlohmann::json;

// Server-initiated work-done progress: created with the client first; begin
// once it agreed; reports throttled; end always sent after a begin. Every
// step runs on the main loop.
class Progress {
 public:
  Progress(Server& server, bool enabled, std::string title, const support::CancellationToken& cancel)
      : server_(server) {
    if (!enabled) return;
    static std::atomic<int> next{1};
    state_ = std::make_shared<State>();
    state_->token = fmt::format("sparkmigrate-llm-{}", next++);
    server_.postMain([&server = server_, state = state_, title = std::move(title), cancel] {
      server.session().progressTokens[state->token] = cancel;
      server.request("window/workDoneProgress/create", {{"token", state->token}},
                     [&server, state, title](const json&, const protocol::ResponseError* error) {
                       if (error || state->ended) return;
                       state->begun = true;
                       server.notify("$/progress", {{"token", state->token},
                                                    {"value", {{"kind", "begin"}, {"title", title},
                                                               {"cancellable", true}, {"message", state->last}}}});
                     });
    });
  }
  void report(std::string message, bool force = false) {
    if (!state_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - lastReport_ < std::chrono::milliseconds(200)) return;
    lastReport_ = now;
    server_.postMain([&server = server_, state = state_, message = std::move(message)] {
      state->last = message;
      if (state->begun && !state->ended)
        server.notify("$/progress",
                      {{"token", state->token}, {"value", {{"kind", "report"}, {"message", message}}}});
    });
  }
  void end(std::string message) {
    if (!state_) return;
    server_.postMain([&server = server_, state = state_, message = std::move(message)] {
      if (state->ended) return;
      state->ended = true;
      server.session().progressTokens.erase(state->token);
      if (state->begun)
        server.notify("$/progress", {{"token", state->token}, {"value", {{"kind", "end"}, {"message", message}}}});
    });
  }

 private:
  struct State {
    std::string token;
    std::string last;
    bool begun = false;
    bool ended = false;
  };
  Server& server_;
  std::shared_ptr<State> state_;
  std::chrono::steady_clock::time_point lastReport_{};
};

}  // namespace

LlmActionData parseLlmActionData(const json& data) {
  if (!data.is_object() || data.value("action", "") != "llm" || !data.contains("uri") || !data["uri"].is_string() ||
      !data.contains("code") || !data["code"].is_string() || !data.contains("range"))
    throw InvalidParams("not a sparkmigrate model action");
  LlmActionData out;
  out.uri = data["uri"];
  out.version = versionField(data, 0);
  out.code = data["code"];
  out.range = data["range"].get<protocol::Range>();
  return out;
}

json llmActionDataJson(const LlmActionData& data) {
  return {{"action", "llm"}, {"uri", data.uri}, {"version", data.version}, {"code", data.code}, {"range", data.range}};
}

std::string llmActionTitle(const analysis::LlmSettings& settings) {
  return "Migrate to Spark Connect with " + (settings.model.empty() ? settings.backend : settings.model);
}

std::optional<LlmJob> prepareLlmJob(Server& server, const json& data, Reply& reply) {
  LlmActionData parsed = parseLlmActionData(data);
  Document* doc = server.session().find(parsed.uri);
  if (!doc) throw InvalidParams("document is not open: " + parsed.uri);
  if (parsed.version != doc->version()) {
    reply.error(protocol::error::kContentModified, "the document changed since the action was offered");
    return std::nullopt;
  }
  return LlmJob{parsed, server.snapshot(*doc), server.session().client, server.session().editorSettings.llmApiKey};
}

LlmEditResult computeLlmEdit(Server& server, const LlmJob& job, const support::CancellationToken& cancel) {
  const DocumentSnapshot& snap = job.snap;
  const LlmActionData& data = job.data;
  const ClientCapabilities& client = job.client;
  LlmEditResult result;
  auto analysed = snap.analyze(&cancel);
  PositionMapper mapper = snap.mapper();
  const analysis::Diagnostic* target = nullptr;
  for (const auto& d : analysed->check.diagnostics)
    if (d.code == data.code && mapper.toRange(d.range) == data.range) target = &d;
  if (!target) {
    result.reason = data.code + " is no longer reported there";
    return result;
  }
  auto config = migrate::backendConfig(snap.settings->llm, job.apiKey);
  if (!config) {
    result.reason = config.error().message;
    return result;
  }
  auto backend = llm::makeBackend(*config);
  Progress progress(server, client.workDoneProgress, fmt::format("{} → Spark Connect ({})", data.code, config->model),
                    cancel);
  migrate::Options options;
  options.repairs = snap.settings->llm.repairs;
  options.cancel = &cancel;
  options.cacheDir = migrate::defaultCacheDir();
  options.progress = [&](const std::string& message) { progress.report(message, true); };
  std::size_t received = 0;
  options.onDelta = [&](std::string_view delta) {
    received += delta.size();
    progress.report(fmt::format("receiving the answer ({} characters)", received));
  };
  std::string scratch;
  std::string_view text = analysisText(*snap.text, scratch);
  // A tree of this thread's own: validation edits and reparses it, which must
  // not touch the subtrees the document shares with the main loop.
  analysis::TreePtr tree = analysis::parsePython(text);
  analysis::ProjectView project = analysis::ProjectView::forFile(snap.project.get(), snap.path);
  if (snap.project) options.project = &project;
  migrate::Outcome outcome =
      migrate::migrateFinding(*backend, text, tree.get(), analysed->check, *target, *snap.settings,
                              snap.relativePath, snap.relativePath, options);
  if (!outcome.validated) {
    result.cancelled = outcome.reasonKind == "cancelled";
    result.reason = fmt::format("{} could not migrate {} ({}): {}", config->model, data.code, outcome.reasonKind,
                                outcome.reason);
    progress.end(result.cancelled ? "cancelled" : "rejected: " + outcome.reasonKind);
    return result;
  }
  progress.end(outcome.fromCache ? "validated (from the cache)" : "validated");
  result.edits = outcome.edits.size();
  result.edit = workspaceEdit(snap, textEdits(outcome.edits, mapper), client);
  return result;
}

}  // namespace sparkmigrate::server
