// The analysis entry point shared by the CLI and the language server: given a
// parsed document and its settings, run the enabled rules in one pass, apply
// suppression comments, drop generic findings that a specific one covers, and
// return sorted diagnostics (plus where the syntax is broken, if it is).
#pragma once

#include "analysis/catalogue.h"
#include "analysis/diagnostic.h"
#include "analysis/project.h"
#include "analysis/settings.h"
#include "analysis/syntax.h"
#include "support/cancel.h"

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace sparkmigrate::analysis {

// What checkDocumentIncremental keeps for the next version of the document:
// the text, and per top-level statement its findings, the names it reads and
// binds. Immutable once made; defined in checker.cpp.
struct IncrementalState;
class SemanticModel;

struct CheckResult {
  std::vector<Diagnostic> diagnostics;
  std::optional<TextPoint> syntaxError;  // first ERROR/MISSING node, if any
  bool notebook = false;
  // Set by checkDocumentIncremental (unless cancelled).
  std::shared_ptr<const IncrementalState> incremental;
  std::size_t statements = 0;          // top-level statements in the file
  std::size_t analysedStatements = 0;  // of which the rules ran on (the rest reused)
  std::size_t definitionsReused = 0;   // top-level definitions the model copied from the last version
};

// Drops what an incremental analysis kept of its semantic model for the next
// version (SemanticModel::Collected, which holds the tree it was made from):
// for a document that lets its tree go, whose next version is parsed afresh
// and shares no subtree with it. Safe while another thread analyses.
void forgetModelRecord(const CheckResult& result);

// `relativePath` is the file's path relative to settings.root ('/' separated),
// used for per-file-ignores. The tree must be a parse of `text`. `project`,
// when given, tells what names imported from the project's other modules hold.
// `model`, when given, is a model of this tree made earlier (the one the
// project index evaluated the file with, ProjectIndex::takeParsed): it is
// adopted (SemanticModel::adopt) instead of walking the tree for a new one.
CheckResult checkDocument(std::string_view text, const TSTree* tree, const Settings& settings,
                          std::string_view relativePath, const support::CancellationToken* cancel = nullptr,
                          const ProjectView* project = nullptr, SemanticModel* model = nullptr);

// checkDocument for a document that is edited and checked again (the
// language server): with `previous`, the result of this function on an
// earlier text of the same document, it runs the rules only on the top-level
// statements an edit can have affected and reuses the other findings. The
// diagnostics are those checkDocument returns. A statement is analysed again
// when its text or position class changed (it is not in the unchanged prefix
// or suffix of the text), when it reads a module-level name whose bindings
// changed (and, transitively, the names such statements bind), when a fix
// edit of it lies in changed text, or when its fixes asked the model about
// the rest of the file (SemanticModel's file-wide queries, recorded while
// they ran) and the code analysed again can answer differently. Imports,
// notebook header, wildcard imports, temp view names, settings or an earlier
// result without state: everything is analysed. The state keeps the text:
// `owner`, when `text` is its whole string, or else a copy.
CheckResult checkDocumentIncremental(std::string_view text, const TSTree* tree, const Settings& settings,
                                     std::string_view relativePath, const CheckResult* previous,
                                     const support::CancellationToken* cancel = nullptr,
                                     const ProjectView* project = nullptr,
                                     std::shared_ptr<const std::string> owner = nullptr);

// For callers without a tree: parses, then checks. A text that cannot have a
// finding (no Spark mention, no rule's trigger word, no suppression comment,
// nothing Spark from the project) is reported clean without being parsed.
CheckResult checkText(std::string_view text, const Settings& settings, std::string_view relativePath,
                      const support::CancellationToken* cancel = nullptr, const ProjectView* project = nullptr);

}  // namespace sparkmigrate::analysis
