// Model-backed migration, the analysis half: which code a model is asked to
// rewrite for a finding (its region), what it is told (the prompt, with the
// documentation of the rules at hand retrieved from the catalogue), and the
// validator that every answer passes before any surface shows it. The
// validator is the real defence against a wrong or manipulated answer: the
// patched file must parse, the answer must stay in its region, the finding
// must be gone, no finding may appear anywhere, and no name may be used that
// nothing defines. Knows nothing of HTTP or of any model (see migrate/).
#pragma once

#include "analysis/checker.h"
#include "analysis/diagnostic.h"
#include "analysis/settings.h"

#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::analysis {

// Bumped whenever the prompt or the answer format changes: part of the
// answer cache's key.
inline constexpr int kPromptVersion = 1;

// What the model may rewrite: whole lines of the file.
struct MigrationRegion {
  ByteRange range;    // from the first line's start to the end of the last line (its newline included)
  TextPoint start;    // 0-based
  TextPoint end;      // 0-based, exclusive
  std::string kind;   // "function", "method", "statement", "cell"
  std::string name;   // the function's or method's name; "" otherwise
  std::uint32_t indent = 0;  // columns of indentation of the region's first line
};

// The region of a finding starting at byte `at`: the enclosing top-level
// function or method (a nested function's outermost function; decorators
// included); at module level the Databricks notebook cell in a notebook,
// else the top-level statement (in a class body, the class-level statement).
MigrationRegion migrationRegion(std::string_view text, TSNode root, bool notebook, std::uint32_t at);

// One request to a model: the region, the findings in it (the target first),
// and the prompt.
struct MigrationTask {
  MigrationRegion region;
  std::vector<Diagnostic> findings;  // in the region; findings[0] is the target
  std::string system;                // the system message
  std::string user;                  // the user message
};

// Builds the task for `target` (a diagnostic of `check`, a check of `text`,
// whose parse is `tree`). `displayPath` names the file in the prompt.
MigrationTask buildMigrationTask(std::string_view text, const TSTree* tree, const CheckResult& check,
                                 const Diagnostic& target, const Settings& settings, std::string_view displayPath);

// The message that asks again after a rejected answer.
std::string repairMessage(std::string_view complaint);

// What a model proposes: the region's new text and the import statements it
// needs at the top of the file.
struct ProposedRewrite {
  std::string code;
  std::vector<std::string> imports;
};

enum class Verdict { Validated, NoCode, SyntaxError, OutsideRegion, FindingKept, NewFinding, UndefinedName };
// "syntax-error", "outside-region", ... (stable names for JSON output and tests).
std::string_view verdictName(Verdict verdict);

struct Validation {
  Verdict verdict = Verdict::NoCode;
  std::string complaint;     // one line, for the user and for the model; "" when validated
  std::vector<Edit> edits;   // validated: edits on the original text (imports, then the region)
  std::string patched;       // validated: the text with the edits applied
  std::vector<Diagnostic> fixed;  // validated: the region's findings the rewrite removed
};

// Validates `rewrite` as the answer to `task` on `text` (whose parse is
// `tree` and whose check, under the same settings, is `before`; a check with
// incremental state lets the patched file be re-checked only where the
// rewrite reaches). The only way an edit from a model is accepted by any
// surface.
// `project` must be the one `before` was checked with (checker.h).
Validation validateRewrite(std::string_view text, const TSTree* tree, const CheckResult& before,
                           const MigrationTask& task, const ProposedRewrite& rewrite, const Settings& settings,
                           std::string_view relativePath, const ProjectView* project = nullptr);

}  // namespace sparkmigrate::analysis
