// Automatic fixes: the registry of named fix transforms that rules select with
// `[fix] transform = "name"`, the computation of one diagnostic's fix from its
// rule match, and the fix loop that applies every applicable fix to a file
// (compose non-overlapping edits, re-parse and re-check until stable, then add
// or drop imports). Edits are UTF-8 byte ranges into the text they were
// computed from; text outside an edit, comments and formatting included, is
// never touched.
//
// To add a new transform:
//   1. Write `Out name(const FixContext&)` in the family's file under
//      analysis/fixes/ (sessions, rdd, sql_context, dataframe, jvm), declare
//      it in fixes/transforms.h and name it in fixes/registry.cpp. Read the
//      match's own code through its nodes; anything else in the file only
//      through the model's file-wide queries (references, assignmentsTo,
//      sessions, textOccurrences): the incremental checker records what they
//      read and recomputes the fix when that changes.
//   2. Name it in the rule's `[fix] transform = "..."` and set its safety.
//   3. Add the flagged shape to test/rules/SPKnnn.py, regenerate the golden
//      (UPDATE_GOLDEN=1 build/test/unit_tests "[fix-golden]") and add an
//      equivalence case to test/python/test_fix_equivalence.py.
#pragma once

#include "analysis/diagnostic.h"
#include "analysis/query.h"
#include "analysis/semantic.h"
#include "analysis/settings.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::analysis {

// What a transform sees: the rule match (with its captures), the semantic
// model (the only way to the rest of the file) and the text of the document
// the tree was parsed from.
struct FixContext {
  const RuleMatch& match;
  SemanticModel& model;
  std::string_view text;
};

// An import the edited code needs: the name it binds, what that name must
// resolve to, and the line that adds it ("from pyspark.sql import functions as F").
struct ImportNeed {
  std::string name;
  std::string qualname;
  std::string line;
};

// What a transform returns: edits on `text`, plus the imports the edited code
// needs. computeFix adds each missing import once, after the module's leading
// imports; when the name is already bound to something else the fix declines.
struct TransformOutput {
  std::vector<Edit> edits;
  std::vector<ImportNeed> imports;
  // Set when this rewrite is safe although the rule's other rewrites are not
  // (deleting an import that has no use); otherwise the rule's safety applies.
  bool safe = false;
};

// Returns nothing when the shape is not one it can rewrite: the fix then
// stays display-only guidance.
using FixTransform = std::optional<TransformOutput> (*)(const FixContext&);

// The registered transform of that name, or nullptr.
FixTransform findTransform(std::string_view name);
std::vector<std::string> transformNames();

// The fix for one rule match: the rule's safety and message with the edits of
// its transform (imports included as insertion edits), or nothing when the
// rule has no transform or the transform declines.
std::optional<Fix> computeFix(const RuleMatch& match, SemanticModel& model, std::string_view text);

// Applies edits (sorted, non-overlapping) to text.
std::string applyEdits(std::string_view text, std::vector<Edit> edits);

struct FixOptions {
  bool unsafe = false;  // also apply unsafe fixes
  int maxIterations = 10;
  const ProjectView* project = nullptr;  // the file's project (checker.h), or none
};

struct FixOutcome {
  std::string text;                        // the fixed text (== input when nothing applied)
  std::map<std::string, int> fixedByCode;  // rule code -> fixes applied
  int fixed = 0;
  std::vector<Diagnostic> remaining;  // diagnostics of the fixed text
  std::string error;                  // non-empty: a step was refused (result kept up to it)
};

// True when a fix of that safety is applied under the options.
bool isApplicable(const Fix& fix, const FixOptions& options);

// Helpers shared by the transforms and the import step.
namespace fixutil {
// An edit that removes a whole statement: its lines when nothing else is on
// them, otherwise just its text; a block's only statement becomes `pass`.
Edit deleteStatement(TSNode statement, std::string_view text);
// Edits that remove `name` from the `from x import ...` statements binding
// it (the whole statement when it is the only name); `references` are the
// name's references (SemanticModel::references).
std::vector<Edit> removeImportedName(const std::vector<TSNode>& references, std::string_view text,
                                     std::string_view name);
// How many of a name's references are outside import statements.
int usesOutsideImports(const std::vector<TSNode>& references);
// The innermost enclosing node of one of the given types (or a null node).
TSNode ancestorOfType(TSNode node, std::initializer_list<std::string_view> types);
}  // namespace fixutil

// Runs the fix loop on a whole document.
FixOutcome fixDocument(std::string_view text, const Settings& settings, std::string_view relativePath,
                       const FixOptions& options);

// `check --add-noqa`: a suppression comment for every finding of the text (on
// the line it starts on, else the line it ends on), each one kept only when
// the text re-checked shows it suppresses its findings and nothing else
// changed: a comment cannot go inside a multi-line string or after a line
// continuation, and such findings are left as they are and returned.
struct NoqaOutcome {
  std::string text;                  // == input when nothing was added
  int suppressed = 0;                // findings the added comments suppress
  int comments = 0;                  // lines given or extended a comment
  std::vector<Diagnostic> unsuppressed;  // findings no comment could suppress
};
NoqaOutcome addNoqaDirectives(std::string_view text, const Settings& settings, std::string_view relativePath,
                              const ProjectView* project = nullptr);

}  // namespace sparkmigrate::analysis
