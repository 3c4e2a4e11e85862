// A rule of the catalogue, as loaded from its data file (rules/SPKnnn.toml):
// identity, severity, message, the tree-sitter query with its predicates, the
// Spark versions it applies to, its fix policy and its documentation.
//
// To add a new rule:
//   1. Create rules/SPKnnn.toml with a new, never reused code (see
//      docs/rule-format.md for every key); the loader rejects unknown keys.
//   2. Add test/rules/SPKnnn.py with flagged lines marked `# error: [SPKnnn]`,
//      clean lines and look-alike negatives.
//   3. Rebuild and run `make docs` to regenerate docs/rules/; `make test`
//      fails while docs/rules/ is stale.
#pragma once

#include "analysis/version.h"

#include <optional>
#include <string>
#include <vector>

namespace sparkmigrate::analysis {

enum class Severity { Error, Warning, Info };
enum class FixSafety { Safe, Unsafe, DisplayOnly };
enum class Platform { Any, Databricks };

std::string_view severityName(Severity severity);
std::string_view fixSafetyName(FixSafety safety);

struct RuleDocs {
  std::string what;       // what the rule finds
  std::string why;        // why it breaks (or changes) under Spark Connect
  std::string example;    // code that is flagged
  std::string instead;    // what to write instead
  std::string fixSafety;  // how safe the (automatic or suggested) fix is, and why
  std::vector<std::string> references;
};

struct FixPolicy {
  FixSafety safety = FixSafety::DisplayOnly;
  std::string transform;  // name of a registered transform; empty for guidance only
  std::string message;    // what the fix does / what to do by hand
};

struct Rule {
  std::string code;  // SPKnnn, never reused
  std::string name;  // kebab-case
  std::string group;
  Severity severity = Severity::Error;
  std::string message;                         // one line; may use {capture} placeholders
  std::vector<std::string> catalogue;          // entry ids in spark-connect-catalogue.md
  std::optional<SparkVersion> connectSupport;  // Connect supports it from this version
  std::optional<SparkVersion> appliesFrom;     // behaviour changes from this version
  bool enabledByDefault = true;
  bool generic = false;  // dropped when a more specific finding overlaps it
  Platform platform = Platform::Any;
  std::string query;            // empty for meta rules (unused suppressions)
  std::uint32_t queryLine = 0;  // 1-based line of the query's first line in the file
  std::string file;             // rules/SPKnnn.toml
  RuleDocs docs;
  FixPolicy fix;

  // True when the rule reports anything for code targeting `target`.
  bool appliesTo(SparkVersion target) const {
    if (connectSupport && !(target < *connectSupport)) return false;
    if (appliesFrom && target < *appliesFrom) return false;
    return true;
  }
};

}  // namespace sparkmigrate::analysis
