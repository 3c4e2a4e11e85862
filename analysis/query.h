// Rule queries: each rule's tree-sitter query is compiled on first use (a
// run pays only for the rules its documents need) and run over the
// document, with the rule predicates that tree-sitter leaves uninterpreted
// resolved once per pattern against the predicate table (predicates.h) and
// evaluated per match.
#pragma once

#include "analysis/catalogue.h"
#include "analysis/semantic.h"
#include "support/cancel.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sparkmigrate::analysis {

struct RuleMatch {
  const Rule* rule = nullptr;
  TSNode report{};
  std::vector<std::pair<std::string, TSNode>> captures;  // name (without @) -> node
  TSNode capture(std::string_view name) const;
};

// Compiles one rule's query alone; returns "" when it is valid, otherwise a
// "file:line: message" error.
std::string validateRuleQuery(const Rule& rule);

class RuleMatcher {
 public:
  explicit RuleMatcher(const Catalogue& catalogue);
  ~RuleMatcher();
  RuleMatcher(const RuleMatcher&) = delete;
  RuleMatcher& operator=(const RuleMatcher&) = delete;

  // Runs the enabled rules (by catalogue index) over the tree in one pass,
  // or only over `subtrees` (top-level statements) when it is not empty.
  // Matches inside ERROR subtrees are skipped. Thread-safe.
  std::vector<RuleMatch> run(TSNode root, SemanticModel& model, const std::vector<char>& enabled,
                             const support::CancellationToken* cancel,
                             const std::vector<TSNode>& subtrees = {},
                             const std::vector<char>* documentWordsPresent = nullptr) const;

  // The words that rules whose matches need not contain them (an imported
  // module's prefix) look for anywhere in the document, sorted. When run()
  // analyses only some statements, `documentWordsPresent` (by index here)
  // says which occur in the document, as the incremental checker counts
  // them; without it such rules run wherever they can.
  const std::vector<std::string_view>& documentWords() const;

  // The matcher for the built-in catalogue. Queries compile on first use.
  static const RuleMatcher& builtin();

  // Whether `text` contains a trigger token of any rule that has them.
  bool mentionsTrigger(std::string_view text) const;

  // Every enabled rule's query over the whole tree, with none of run()'s
  // filters (trigger words, gates): what run() must find, for tests.
  std::vector<RuleMatch> runUnfiltered(TSNode root, SemanticModel& model, const std::vector<char>& enabled) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sparkmigrate::analysis
