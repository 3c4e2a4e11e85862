// Migration from an exception, shared by `sparkmigrate explain` and the
// language server's sparkmigrate.explainException command: from a parsed
// error (analysis/exception.h) to the user's files the frames name, their
// findings ranked as causes (checked with the rules that explain the error
// selected), and the fix for the first cause: the rule fixes of its region
// applied until the cause is gone, or a validated model rewrite when a
// backend is configured, or the rule's guidance. Also the JSON shape both surfaces print, whose findings have
// `sparkmigrate check --output-format json`'s shape (findingJson, which the
// CLI's JSON output uses too).
#pragma once

#include "analysis/config.h"
#include "analysis/exception.h"
#include "support/cancel.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sparkmigrate::migrate {

struct ExplainRequest {
  analysis::ParsedError error;
  std::filesystem::path root;     // absolute; traceback paths are resolved against it
  analysis::Overrides overrides;  // flags or editor settings
  std::string apiKey;             // an editor's key for the model ("" = the environment)
  bool useCache = true;
  const support::CancellationToken* cancel = nullptr;
  // The text of a file the editor holds (open documents, unsaved edits and
  // all), or nullopt to read the file from disk.
  std::function<std::optional<std::string>(const std::filesystem::path&)> openText;
};

struct FixProposal {
  std::string source;  // "rule", "model", or "" when there is only guidance
  std::string safety;     // the rule fixes' safety ("safe", "unsafe"); "validated" for a model's
  std::string fixedText;  // the file with the fix ("" when there is only guidance)
  std::string diff;       // unified diff of the file
  std::string guidance;   // what to do by hand (no edits), or why the model's rewrite was rejected
};

struct ExplainResult {
  analysis::ErrorMeaning meaning;
  std::vector<analysis::FrameFile> files;  // the user's files, innermost frame first
  std::vector<std::string> framePaths;     // per parsed frame: the resolved path, or ""
  std::vector<analysis::Cause> causes;     // best first
  std::optional<FixProposal> fix;          // for causes.front()
  std::vector<std::string> notes;          // one line each (files that could not be read, ...)
};

ExplainResult explain(const ExplainRequest& request);

// {error_condition, exception, message, subject, recognised, why, frames:
// [{filename, line, function, in_project}], findings: [check's JSON shape],
// fix: {source, safety, diff, guidance} | null}.
nlohmann::json explainJson(const ExplainRequest& request, const ExplainResult& result);

// One finding in `check --output-format json`'s shape (ruff's: code,
// message, filename, location/end_location 1-based with columns in code
// points, fix, url, noqa_row, severity).
nlohmann::json findingJson(const std::string& path, std::string_view text, const analysis::LineIndex& lines,
                           const analysis::Diagnostic& d);

}  // namespace sparkmigrate::migrate
