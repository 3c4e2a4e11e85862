// The analysis entry point shared by the CLI and the language server: given a
// parsed document and its settings, run the enabled rules in one pass, apply
// suppression comments, drop generic findings that a specific one covers, and
// return sorted diagnostics (plus where the syntax is broken, if it is).
#pragma once

#include "analysis/catalogue.h"
#include "analysis/diagnostic.h"
#include "analysis/settings.h"
#include "analysis/syntax.h"
#include "support/cancel.h"

#include <optional>
#include <string_view>
#include <vector>

namespace sparkmigrate::analysis {

struct CheckResult {
  std::vector<Diagnostic> diagnostics;
  std::optional<TextPoint> syntaxError;  // first ERROR/MISSING node, if any
  bool notebook = false;
};

// `relativePath` is the file's path relative to settings.root ('/' separated),
// used for per-file-ignores. The tree must be a parse of `text`.
CheckResult checkDocument(std::string_view text, const TSTree* tree, const Settings& settings,
                          std::string_view relativePath, const support::CancellationToken* cancel = nullptr);

// Convenience for callers without a tree: parses, then checks.
CheckResult checkText(std::string_view text, const Settings& settings, std::string_view relativePath,
                      const support::CancellationToken* cancel = nullptr);

}  // namespace sparkmigrate::analysis
