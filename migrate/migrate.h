// Model-backed migration, the one loop every surface shares (`fix --llm`, the
// language server's "Migrate to Spark Connect with <model>", `explain`): it
// builds the task for a finding (analysis/migration.h), asks the configured
// backend (llm/) for a structured answer, parses the reply tolerantly, runs
// the validator, asks again with the validator's complaint a bounded number
// of times, and caches accepted answers on disk. Nothing a model writes
// leaves this loop unless the validator accepted it; a cached answer is
// validated again before it is used. The API key lives only in the backend.
#pragma once

#include "analysis/checker.h"
#include "analysis/migration.h"
#include "analysis/settings.h"
#include "llm/backend.h"
#include "support/cancel.h"
#include "support/expected.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::migrate {

// The backend the settings describe, with the key taken from `apiKey` (an
// editor's secret storage) or else from the environment variable the
// settings name. Errors are one line and never contain the key: no backend
// configured, no model, an unknown backend, a named variable that is unset.
// Without `needKey` (answers only from the cache) the key is not looked up.
support::Expected<llm::BackendConfig> backendConfig(const analysis::LlmSettings& settings,
                                                    const std::string& apiKey = "", bool needKey = true);

// The JSON Schema of the answer ({"code": string, "imports": [string]}).
const std::string& answerSchema();

// Reads a model's reply: a JSON object with the code in "code" (or in another
// string field), the same inside a ```json fence or surrounded by prose, a
// reply that is only a ```python fenced block, or bare Python. Returns
// nothing, with a one-line `problem`, when no code can be found.
std::optional<analysis::ProposedRewrite> parseAnswer(std::string_view reply, std::string& problem);

// Where answers are cached: $SPARKMIGRATE_CACHE_DIR, else
// $XDG_CACHE_HOME/sparkmigrate, else ~/.cache/sparkmigrate (plus "/llm").
std::filesystem::path defaultCacheDir();

struct Options {
  int repairs = 2;                      // asks after a rejected answer
  std::filesystem::path cacheDir;       // "" = no cache
  bool cachedOnly = false;              // never ask the backend: a validated cached answer or nothing
  const support::CancellationToken* cancel = nullptr;
  std::function<void(const std::string& message)> progress;  // short status lines
  std::function<void(std::string_view delta)> onDelta;       // streamed text
  const analysis::ProjectView* project = nullptr;            // the one `check` was made with
};

struct Outcome {
  bool validated = false;
  analysis::Verdict verdict = analysis::Verdict::NoCode;
  std::string reasonKind;  // verdictName(verdict), "backend-error", "cancelled" or "not-cached"; "" when validated
  std::string reason;      // one line; "" when validated
  int attempts = 0;        // requests made to the model (0 when served from the cache)
  bool fromCache = false;
  analysis::MigrationTask task;
  std::vector<analysis::Edit> edits;  // validated: on the original text
  std::string patched;                // validated: the text with the edits
  std::vector<analysis::Diagnostic> fixed;
};

// Asks for a rewrite of `target`'s region in `text` (`tree` is its parse and
// `check` its check under `settings`, best made by checkDocumentIncremental
// so that validation re-checks only what a rewrite changes).
Outcome migrateFinding(llm::Backend& backend, std::string_view text, const TSTree* tree,
                       const analysis::CheckResult& check,
                       const analysis::Diagnostic& target, const analysis::Settings& settings,
                       std::string_view relativePath, std::string_view displayPath, const Options& options);

// True when the finding is one a model is asked about: it has no mechanical
// fix (no fix, or guidance only) and is not about a suppression comment.
bool needsJudgement(const analysis::Diagnostic& diagnostic);

}  // namespace sparkmigrate::migrate
