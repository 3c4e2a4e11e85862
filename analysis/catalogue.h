// The rule catalogue: every rule file compiled into the binary, parsed and
// validated once (unknown keys, bad values and broken queries are reported as
// file:line errors), with lookups by code and by selection prefix.
#pragma once

#include "analysis/rule.h"
#include "support/expected.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::analysis {

struct RuleSource {
  std::string path;  // e.g. rules/SPK101.toml
  std::string text;
};

class Catalogue {
 public:
  // Parses and validates rule files; the first problems found are returned
  // as one error whose message lists them (one per line).
  // `validateQueries` also compiles each query alone to report its errors
  // with file:line (the built-in catalogue skips it at run time: the
  // catalogue test does it, and the matcher compiles every query anyway).
  static support::Expected<std::shared_ptr<const Catalogue>> load(const std::vector<RuleSource>& sources,
                                                                  bool validateQueries = true);
  // The rules compiled into this binary: rules/*.toml as the build loaded and
  // validated them (analysis/rules_compiler.cpp), read back from bytes
  // without parsing TOML. Aborts with a message on a broken catalogue (a
  // build defect that the catalogue test catches first).
  static const Catalogue& builtin();
  // The rule files as they were compiled in (their TOML text).
  static std::vector<RuleSource> builtinSources();

  // The rules as bytes, and back (null for bytes this build did not write).
  std::string serialize() const;
  static std::shared_ptr<const Catalogue> deserialize(std::string_view bytes);

  const std::vector<Rule>& rules() const { return rules_; }
  const Rule* find(std::string_view code) const;
  std::size_t indexOf(const Rule* rule) const { return static_cast<std::size_t>(rule - rules_.data()); }

 private:
  std::vector<Rule> rules_;  // sorted by code
};

// One key of a rule file: the table it sits in ("" for the top level, "fix",
// "docs"), its name and type, whether every rule needs it, the values it
// allows (empty: any) or the pattern a string must match, and what it means.
// The loader accepts exactly these keys; `sparkmigrate rule --schema` turns
// the table into the JSON schema that editors complete rule files with.
struct RuleFileKey {
  enum class Type { String, Boolean, StringArray, Table };
  std::string_view table;
  std::string_view key;
  Type type;
  bool required;
  std::vector<std::string> values;
  std::string_view pattern;
  std::string_view description;
};
const std::vector<RuleFileKey>& ruleFileKeys();

// The code of the meta rule that reports unused suppression comments.
inline constexpr std::string_view kUnusedSuppressionCode = "SPK000";
// The meta rule for code nested deeper than the analysis descends.
inline constexpr std::string_view kNestingTooDeepCode = "SPK099";

}  // namespace sparkmigrate::analysis
