// Implementation of rule query compilation and matching. Predicates are parsed
// from ts_query_predicates_for_pattern once, validated against a table of
// known names and arities, and evaluated per match.
#include "analysis/query.h"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <regex>
#include <unordered_map>
#include <unordered_set>

namespace sparkmigrate::analysis {
namespace {

struct PredicateSpec {
  std::string_view name;
  int minArgs;   // including the capture
  int maxArgs;   // -1 = unbounded
  bool capture;  // first argument must be a capture
};

constexpr PredicateSpec kPredicateSpecs[] = {
    {"eq?", 2, 2, true},           {"not-eq?", 2, 2, true},
    {"any-of?", 2, -1, true},      {"not-any-of?", 2, -1, true},
    {"match?", 2, 2, true},        {"not-match?", 2, 2, true},
    {"string-match?", 2, 2, true}, {"kind?", 2, -1, true},
    {"not-kind?", 2, -1, true},    {"maybe-kind?", 2, -1, true},
    {"resolves-to?", 2, -1, true}, {"not-resolves-to?", 2, -1, true},
    {"notebook?", 0, 0, false},    {"not-notebook?", 0, 0, false},
    {"static-conf?", 1, 1, true},  {"captures-spark?", 1, 1, true},
    {"in-loop?", 1, 1, true},      {"assigned-in-loop?", 1, 1, true},
    {"not-assigned-in-loop?", 1, 1, true}, {"reads-loop-var?", 1, 1, true},
    {"view-reused?", 1, 1, true},  {"no-action?", 1, 1, true},
};

const PredicateSpec* findSpec(std::string_view name) {
  for (const auto& spec : kPredicateSpecs)
    if (spec.name == name) return &spec;
  return nullptr;
}

struct Arg {
  bool isCapture = false;
  std::uint32_t capture = 0;
  std::string text;
};

struct Predicate {
  const PredicateSpec* spec = nullptr;
  std::vector<Arg> args;
  std::shared_ptr<std::regex> regex;
  std::vector<Kind> kinds;
};

struct PatternInfo {
  std::size_t rule = 0;
  std::uint32_t report = 0;
  bool hasReport = false;
  std::vector<Predicate> predicates;
};

struct QueryDeleter {
  void operator()(TSQuery* q) const { ts_query_delete(q); }
};
using QueryPtr = std::unique_ptr<TSQuery, QueryDeleter>;

std::string_view queryErrorName(TSQueryError error) {
  switch (error) {
    case TSQueryErrorSyntax: return "syntax error";
    case TSQueryErrorNodeType: return "unknown node type";
    case TSQueryErrorField: return "unknown field";
    case TSQueryErrorCapture: return "unknown capture";
    case TSQueryErrorStructure: return "impossible pattern structure";
    case TSQueryErrorLanguage: return "language mismatch";
    default: return "error";
  }
}

std::uint32_t lineOfOffset(const std::string& text, std::uint32_t offset) {
  std::uint32_t line = 0;
  for (std::uint32_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') ++line;
  return line;
}

// Parses the predicates of one pattern; returns an error message or "".
std::string parsePattern(TSQuery* query, std::uint32_t pattern, PatternInfo& info) {
  std::uint32_t count = 0;
  const TSQueryPredicateStep* steps = ts_query_predicates_for_pattern(query, pattern, &count);
  std::vector<std::vector<const TSQueryPredicateStep*>> groups(1);
  for (std::uint32_t i = 0; i < count; ++i) {
    if (steps[i].type == TSQueryPredicateStepTypeDone) groups.emplace_back();
    else groups.back().push_back(&steps[i]);
  }
  for (const auto& group : groups) {
    if (group.empty()) continue;
    if (group[0]->type != TSQueryPredicateStepTypeString) return "predicate without a name";
    std::uint32_t len = 0;
    std::string name = ts_query_string_value_for_id(query, group[0]->value_id, &len);
    const PredicateSpec* spec = findSpec(name);
    if (!spec) return "unknown predicate #" + name;
    Predicate predicate;
    predicate.spec = spec;
    for (std::size_t k = 1; k < group.size(); ++k) {
      Arg arg;
      if (group[k]->type == TSQueryPredicateStepTypeCapture) {
        arg.isCapture = true;
        arg.capture = group[k]->value_id;
      } else {
        arg.text = ts_query_string_value_for_id(query, group[k]->value_id, &len);
      }
      predicate.args.push_back(std::move(arg));
    }
    int n = static_cast<int>(predicate.args.size());
    if (n < spec->minArgs || (spec->maxArgs >= 0 && n > spec->maxArgs))
      return "wrong number of arguments for #" + name;
    if (spec->capture && !predicate.args[0].isCapture)
      return "#" + name + " takes a capture as its first argument";
    for (std::size_t k = 1; k < predicate.args.size(); ++k) {
      bool textOnly = name != "eq?" && name != "not-eq?";
      if (textOnly && predicate.args[k].isCapture) return "#" + name + " takes strings after the capture";
    }
    if (name == "match?" || name == "not-match?" || name == "string-match?") {
      try {
        predicate.regex = std::make_shared<std::regex>(predicate.args[1].text, std::regex::ECMAScript);
      } catch (const std::regex_error&) {
        return "invalid regular expression in #" + name;
      }
    }
    if (name == "kind?" || name == "not-kind?" || name == "maybe-kind?") {
      for (std::size_t k = 1; k < predicate.args.size(); ++k) {
        auto kind = kindFromName(predicate.args[k].text);
        if (!kind) return "unknown kind '" + predicate.args[k].text + "' in #" + name;
        predicate.kinds.push_back(*kind);
      }
    }
    info.predicates.push_back(std::move(predicate));
  }
  std::uint32_t captures = ts_query_capture_count(query);
  for (std::uint32_t c = 0; c < captures; ++c) {
    std::uint32_t len = 0;
    std::string_view captureName = ts_query_capture_name_for_id(query, c, &len);
    if (captureName == "report" &&
        ts_query_capture_quantifier_for_id(query, pattern, c) != TSQuantifierZero) {
      info.report = c;
      info.hasReport = true;
    }
  }
  return {};
}

}  // namespace

TSNode RuleMatch::capture(std::string_view name) const {
  for (const auto& [n, node] : captures)
    if (n == name) return node;
  return TSNode{};
}

bool isStaticConfKey(std::string_view key) {
  static const std::unordered_set<std::string_view> staticSql = {
      "spark.sql.extensions", "spark.sql.catalogImplementation", "spark.sql.warehouse.dir",
      "spark.sql.hive.metastore.version", "spark.sql.hive.metastore.jars",
      "spark.sql.queryExecutionListeners", "spark.sql.streaming.streamingQueryListeners",
      "spark.sql.ui.retainedExecutions", "spark.sql.event.truncate.length",
      "spark.sql.legacy.sessionInitWithConfigDefaults"};
  auto starts = [&](std::string_view prefix) { return key.substr(0, prefix.size()) == prefix; };
  if (key == "spark.remote" || starts("spark.databricks.")) return false;
  if (starts("spark.sql.")) return staticSql.count(key) > 0;
  return starts("spark.");
}

std::string validateRuleQuery(const Rule& rule) {
  std::uint32_t offset = 0;
  TSQueryError error = TSQueryErrorNone;
  QueryPtr query(ts_query_new(pythonLanguage(), rule.query.data(),
                              static_cast<std::uint32_t>(rule.query.size()), &offset, &error));
  auto where = [&](std::uint32_t off) {
    std::uint32_t base = rule.queryLine + (rule.query.find('\n') != std::string::npos ? 1 : 0);
    return rule.file + ":" + std::to_string(base + lineOfOffset(rule.query, off)) + ": ";
  };
  if (!query) return where(offset) + "invalid query (" + std::string(queryErrorName(error)) + ")";
  for (std::uint32_t p = 0; p < ts_query_pattern_count(query.get()); ++p) {
    PatternInfo info;
    std::string problem = parsePattern(query.get(), p, info);
    std::uint32_t start = ts_query_start_byte_for_pattern(query.get(), p);
    if (!problem.empty()) return where(start) + problem;
    if (!info.hasReport) return where(start) + "pattern has no @report capture";
  }
  return {};
}

struct RuleMatcher::Impl {
  const Catalogue* catalogue = nullptr;
  QueryPtr query;
  std::vector<PatternInfo> patterns;
  std::vector<std::string> captureNames;

  bool holds(const Predicate& p, const TSQueryMatch& match, SemanticModel& model) const {
    std::string_view name = p.spec->name;
    std::string_view source = model.source();
    if (name == "notebook?") return model.isNotebook();
    if (name == "not-notebook?") return !model.isNotebook();
    // Predicates on a capture hold when they hold for every node it captured.
    bool any = false;
    for (std::uint16_t i = 0; i < match.capture_count; ++i) {
      if (match.captures[i].index != p.args[0].capture) continue;
      any = true;
      if (!holdsFor(p, match.captures[i].node, match, model, source)) return false;
    }
    return any;
  }

  bool holdsFor(const Predicate& p, TSNode node, const TSQueryMatch& match, SemanticModel& model,
                std::string_view source) const {
    std::string_view name = p.spec->name;
    std::string_view text = nodeText(node, source);
    auto anyText = [&] {
      for (std::size_t k = 1; k < p.args.size(); ++k)
        if (p.args[k].text == text) return true;
      return false;
    };
    if (name == "eq?" || name == "not-eq?") {
      bool equal;
      if (p.args[1].isCapture) {
        equal = false;
        for (std::uint16_t i = 0; i < match.capture_count; ++i)
          if (match.captures[i].index == p.args[1].capture)
            equal = nodeText(match.captures[i].node, source) == text;
      } else {
        equal = text == p.args[1].text;
      }
      return name == "eq?" ? equal : !equal;
    }
    if (name == "any-of?") return anyText();
    if (name == "not-any-of?") return !anyText();
    if (name == "match?") return std::regex_search(text.begin(), text.end(), *p.regex);
    if (name == "not-match?") return !std::regex_search(text.begin(), text.end(), *p.regex);
    if (name == "string-match?") {
      if (!isType(node, "string") && !isType(node, "concatenated_string")) return false;
      std::string content = stringContent(node, source);
      return std::regex_search(content, *p.regex);
    }
    if (name == "kind?" || name == "not-kind?" || name == "maybe-kind?") {
      Kind kind = model.kindOf(node);
      bool in = false;
      for (Kind k : p.kinds) in = in || k == kind;
      if (name == "kind?") return in;
      if (name == "not-kind?") return !in;
      return in || (kind == Kind::Unknown && (model.importsPyspark() || model.isNotebook()));
    }
    if (name == "resolves-to?" || name == "not-resolves-to?") {
      std::string q = model.qualifiedName(node);
      bool in = false;
      for (std::size_t k = 1; k < p.args.size() && !q.empty(); ++k) {
        std::string_view pattern = p.args[k].text;
        if (pattern.size() > 2 && pattern.substr(pattern.size() - 2) == ".*") {
          std::string_view prefix = pattern.substr(0, pattern.size() - 2);
          in = in || q == prefix || (q.size() > prefix.size() && q.compare(0, prefix.size(), prefix) == 0 &&
                                     q[prefix.size()] == '.');
        } else {
          in = in || q == pattern;
        }
      }
      return name == "resolves-to?" ? in : !in;
    }
    if (name == "static-conf?") {
      if (!isType(node, "string")) return false;
      return isStaticConfKey(stringContent(node, source));
    }
    if (name == "captures-spark?") return model.capturesOuterSparkObject(node);
    if (name == "in-loop?") return model.insideLoop(node);
    if (name == "assigned-in-loop?") return model.assignedInEnclosingLoop(node);
    if (name == "not-assigned-in-loop?") return model.insideLoop(node) && !model.assignedInEnclosingLoop(node);
    if (name == "reads-loop-var?") return model.readsEnclosingLoopVariable(node);
    if (name == "view-reused?") return isType(node, "string") && model.viewNameReused(node);
    if (name == "no-action?") return model.blockHasNoAction(node);
    return false;
  }
};

RuleMatcher::RuleMatcher(const Catalogue& catalogue) : impl_(std::make_unique<Impl>()) {
  impl_->catalogue = &catalogue;
  std::string combined;
  std::vector<std::pair<std::uint32_t, std::size_t>> starts;  // offset -> rule index
  const auto& rules = catalogue.rules();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].query.empty()) continue;
    starts.emplace_back(static_cast<std::uint32_t>(combined.size()), i);
    combined += rules[i].query;
    combined += "\n";
  }
  std::uint32_t offset = 0;
  TSQueryError error = TSQueryErrorNone;
  impl_->query.reset(ts_query_new(pythonLanguage(), combined.data(),
                                  static_cast<std::uint32_t>(combined.size()), &offset, &error));
  if (!impl_->query) {
    std::fprintf(stderr, "sparkmigrate: rule queries failed to compile (%s at offset %u)\n",
                 std::string(queryErrorName(error)).c_str(), offset);
    std::abort();
  }
  TSQuery* q = impl_->query.get();
  for (std::uint32_t c = 0; c < ts_query_capture_count(q); ++c) {
    std::uint32_t len = 0;
    impl_->captureNames.emplace_back(ts_query_capture_name_for_id(q, c, &len));
  }
  for (std::uint32_t p = 0; p < ts_query_pattern_count(q); ++p) {
    PatternInfo info;
    std::uint32_t start = ts_query_start_byte_for_pattern(q, p);
    std::size_t rule = 0;
    for (const auto& [off, index] : starts)
      if (off <= start) rule = index;
    std::string problem = parsePattern(q, p, info);
    info.rule = rule;
    if (!problem.empty()) {
      std::fprintf(stderr, "sparkmigrate: %s: %s\n", rules[rule].file.c_str(), problem.c_str());
      std::abort();
    }
    // parsePattern finds @report among all captures; make sure this pattern uses it.
    impl_->patterns.push_back(std::move(info));
  }
}

RuleMatcher::~RuleMatcher() = default;

const RuleMatcher& RuleMatcher::builtin() {
  static const RuleMatcher matcher(Catalogue::builtin());
  return matcher;
}

std::vector<RuleMatch> RuleMatcher::run(TSNode root, SemanticModel& model, const std::vector<char>& enabled,
                                        const support::CancellationToken* cancel) const {
  std::vector<RuleMatch> out;
  TSQueryCursor* cursor = ts_query_cursor_new();
  ts_query_cursor_exec(cursor, impl_->query.get(), root);
  TSQueryMatch match;
  std::size_t seen = 0;
  const auto& rules = impl_->catalogue->rules();
  while (ts_query_cursor_next_match(cursor, &match)) {
    if (cancel && (++seen & 63) == 0 && cancel->cancelled()) break;
    const PatternInfo& info = impl_->patterns[match.pattern_index];
    if (info.rule >= enabled.size() || !enabled[info.rule]) continue;
    TSNode report{};
    bool found = false;
    for (std::uint16_t i = 0; i < match.capture_count; ++i)
      if (match.captures[i].index == info.report) {
        report = match.captures[i].node;
        found = true;
      }
    if (!found || insideError(report)) continue;
    bool ok = true;
    for (const auto& predicate : info.predicates)
      if (!impl_->holds(predicate, match, model)) {
        ok = false;
        break;
      }
    if (!ok) continue;
    RuleMatch m;
    m.rule = &rules[info.rule];
    m.report = report;
    for (std::uint16_t i = 0; i < match.capture_count; ++i)
      m.captures.emplace_back(impl_->captureNames[match.captures[i].index], match.captures[i].node);
    out.push_back(std::move(m));
  }
  ts_query_cursor_delete(cursor);
  return out;
}

}  // namespace sparkmigrate::analysis
