// Implementation of rule query compilation and matching. Predicates are read
// from ts_query_predicates_for_pattern once and compiled against the
// predicate table (predicates.cpp), then evaluated per match.
#include "analysis/query.h"

#include "analysis/notebook.h"

#include "analysis/predicates.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

// tree-sitter's ts_query_new without its parse-table analysis (cmake/ts_query_unanalyzed.c).
extern "C" TSQuery* ts_query_new_unanalyzed(const TSLanguage* language, const char* source, std::uint32_t length,
                                            std::uint32_t* errorOffset, TSQueryError* errorType);

namespace sparkmigrate::analysis {
namespace {

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
    case TSQueryErrorSyntax:
      return "syntax error";
    case TSQueryErrorNodeType:
      return "unknown node type";
    case TSQueryErrorField:
      return "unknown field";
    case TSQueryErrorCapture:
      return "unknown capture";
    case TSQueryErrorStructure:
      return "impossible pattern structure";
    case TSQueryErrorLanguage:
      return "language mismatch";
    default:
      return "error";
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
    if (steps[i].type == TSQueryPredicateStepTypeDone)
      groups.emplace_back();
    else
      groups.back().push_back(&steps[i]);
  }
  for (const auto& group : groups) {
    if (group.empty()) continue;
    if (group[0]->type != TSQueryPredicateStepTypeString) return "predicate without a name";
    std::uint32_t len = 0;
    std::string name = ts_query_string_value_for_id(query, group[0]->value_id, &len);
    std::vector<PredicateArg> args;
    for (std::size_t k = 1; k < group.size(); ++k) {
      PredicateArg arg;
      if (group[k]->type == TSQueryPredicateStepTypeCapture) {
        arg.isCapture = true;
        arg.capture = group[k]->value_id;
      } else {
        arg.text = ts_query_string_value_for_id(query, group[k]->value_id, &len);
      }
      args.push_back(std::move(arg));
    }
    Predicate predicate;
    std::string problem = compilePredicate(name, std::move(args), predicate);
    if (!problem.empty()) return problem;
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

namespace {

// One rule's query, compiled on first use (compiling a query is costly and
// most documents mention only a few rules' trigger words), with its patterns
// and the identifier tokens that a document must contain for the rule to
// possibly match (empty: always run).
// What rules a pattern out at a node before its query runs there: the node
// type it starts at (0: not known), its cheap predicates on the file alone,
// and per field path from the node its cheap predicates on the capture there.
struct Probe {
  std::vector<TSFieldId> path;
  std::vector<const Predicate*> tests;
};
struct PatternGate {
  TSSymbol root = 0;
  std::vector<const Predicate*> fileTests;
  std::vector<Probe> probes;
};

struct CompiledRule {
  std::size_t rule = 0;
  std::vector<std::string> triggers;
  bool localTriggers = true;    // trigger words are literal text (no import aliases to consider)
  bool nodeLevel = true;        // a trigger word (or an import alias of one) occurs inside every match
  std::vector<TSSymbol> roots;  // node types its patterns start at
  bool anyRoot = false;         // some pattern can start at any node
  std::once_flag once;
  QueryPtr query;
  std::vector<PatternInfo> patterns;
  std::vector<std::string> captureNames;
  std::vector<PatternGate> gates;  // by pattern
};

// The longest token of `text` ("" when there is none).
std::string longestToken(std::string_view text) {
  std::string_view best;
  forEachToken(text, [&](std::string_view token, std::uint32_t) {
    if (token.size() > best.size()) best = token;
  });
  return std::string(best);
}

// Splits a query source into its top-level patterns (balanced parentheses,
// strings and comments respected).
std::vector<std::string_view> topLevelPatterns(std::string_view query) {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < query.size(); ++i) {
    char c = query[i];
    if (c == ';') {
      while (i < query.size() && query[i] != '\n') ++i;
    } else if (c == '"') {
      for (++i; i < query.size() && query[i] != '"'; ++i)
        if (query[i] == '\\') ++i;
    } else if (c == '(' || c == '[') {
      if (depth++ == 0) start = i;
    } else if (c == ')' || c == ']') {
      if (--depth == 0) {
        std::size_t end = i + 1;
        // Quantifiers and captures after the closing parenthesis belong to it.
        while (end < query.size() && query[end] != '\n' && query[end] != '(' && query[end] != '[') ++end;
        out.push_back(query.substr(start, end - start));
      }
    }
  }
  return out;
}

// One `(#eq? @capture "text" ...)`-shaped predicate found in a pattern's source.
struct LiteralPredicate {
  std::string_view kind;                 // its name without `#` and `?`: eq, any-of, not-match...
  std::vector<std::string_view> values;  // the string arguments, escapes left as written
};

// The predicates of a pattern whose arguments after the capture are all
// strings, in source order. A hand scanner: this runs for every pattern at
// start-up, where a regex cost more than the rest of it.
std::vector<LiteralPredicate> literalPredicates(std::string_view pattern) {
  std::vector<LiteralPredicate> out;
  auto space = [&](std::size_t i) {
    while (i < pattern.size() && std::isspace(static_cast<unsigned char>(pattern[i]))) ++i;
    return i;
  };
  for (std::size_t at = pattern.find("(#"); at != std::string_view::npos; at = pattern.find("(#", at + 2)) {
    std::size_t i = at + 2;
    LiteralPredicate found;
    std::size_t end = i;
    while (end < pattern.size() && (std::isalpha(static_cast<unsigned char>(pattern[end])) || pattern[end] == '-')) ++end;
    if (end == i || end >= pattern.size() || pattern[end] != '?') continue;
    found.kind = pattern.substr(i, end - i);
    i = end + 1;
    std::size_t j = space(i);
    if (j == i || j >= pattern.size() || pattern[j] != '@') continue;
    i = j + 1;
    while (i < pattern.size() && (std::isalnum(static_cast<unsigned char>(pattern[i])) || pattern[i] == '_' ||
                                  pattern[i] == '.' || pattern[i] == '-'))
      ++i;
    if (i == j + 1) continue;
    bool wellFormed = false;
    for (;;) {
      j = space(i);
      if (j < pattern.size() && pattern[j] == ')') {
        wellFormed = !found.values.empty();
        break;
      }
      if (j == i || j >= pattern.size() || pattern[j] != '"') break;
      std::size_t k = j + 1;
      while (k < pattern.size() && pattern[k] != '"') k += pattern[k] == '\\' ? 2 : 1;
      if (k >= pattern.size()) break;
      found.values.push_back(pattern.substr(j + 1, k - j - 1));
      i = k + 1;
    }
    if (wellFormed) out.push_back(std::move(found));
  }
  return out;
}

// Tokens one of which must occur in any document a pattern matches: taken
// from the first predicate that pins a capture to literal text (#eq?,
// #any-of?) or to an imported name (#resolves-to?). Empty when none does.
std::vector<std::string> patternTriggers(std::string_view pattern, bool& local, bool& nodeLevel) {
  for (const LiteralPredicate& predicate : literalPredicates(pattern)) {
    const std::string_view kind = predicate.kind;
    if (kind != "eq" && kind != "any-of" && kind != "resolves-to") continue;
    std::vector<std::string> out;
    bool usable = true, prefix = false;
    for (std::string_view value : predicate.values) {
      std::string token;
      if (kind == "resolves-to") {
        std::string_view q = value;
        if (q.size() > 2 && q.substr(q.size() - 2) == ".*") {
          q.remove_suffix(2);
          prefix = true;
        }
        auto dot = q.rfind('.');
        token = std::string(dot == std::string_view::npos ? q : q.substr(dot + 1));
      } else {
        token = longestToken(value);
      }
      if (token.empty()) usable = false;
      out.push_back(token);
      if (kind == "eq") break;
    }
    if (usable && !out.empty()) {
      // Literal text is inside the matched node; an imported name's last
      // component may only be in the import (`import X as Y`); a module
      // prefix (`pyspark.ml.feature.*`) need not be near the node at all.
      local = kind != "resolves-to";
      if (!local && prefix) nodeLevel = false;
      return out;
    }
  }
  return {};
}

// The symbol of a named node type, or 0 when `name` is none.
TSSymbol regularSymbol(std::string_view name) {
  const TSLanguage* language = pythonLanguage();
  TSSymbol symbol =
      ts_language_symbol_for_name(language, name.data(), static_cast<std::uint32_t>(name.size()), true);
  return symbol != 0 && ts_language_symbol_type(language, symbol) == TSSymbolTypeRegular ? symbol : 0;
}

// The node types a top-level pattern can start at; false when it could start
// anywhere (a wildcard, a supertype, or a shape this reader does not know).
bool patternRoots(std::string_view pattern, std::vector<TSSymbol>& out) {
  auto skipSpace = [&](std::size_t i) {
    while (i < pattern.size() && std::isspace(static_cast<unsigned char>(pattern[i]))) ++i;
    return i;
  };
  std::size_t i = skipSpace(0);
  while (i < pattern.size() && pattern[i] == '(') {
    std::size_t next = skipSpace(i + 1);
    if (next < pattern.size() && (pattern[next] == '(' || pattern[next] == '[')) {
      i = next;
      continue;
    }
    std::size_t end = next;
    while (end < pattern.size() &&
           (std::isalnum(static_cast<unsigned char>(pattern[end])) || pattern[end] == '_'))
      ++end;
    std::string_view name = pattern.substr(next, end - next);
    TSSymbol symbol = name == "_" ? 0 : regularSymbol(name);
    if (symbol == 0) return false;
    out.push_back(symbol);
    return true;
  }
  if (i < pattern.size() && pattern[i] == '[') {
    // An alternation: every alternative's root.
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t k = i; k < pattern.size(); ++k) {
      char c = pattern[k];
      if (c == '"') {
        for (++k; k < pattern.size() && pattern[k] != '"'; ++k)
          if (pattern[k] == '\\') ++k;
      } else if (c == '(' || c == '[') {
        if (depth == 1 && c == '(') start = k;
        if (depth == 1 && c == '[') return false;
        ++depth;
      } else if (c == ')' || c == ']') {
        --depth;
        if (depth == 1 && c == ')' && !patternRoots(pattern.substr(start, k + 1 - start), out)) return false;
        if (depth == 0) return true;
      }
    }
  }
  return false;
}


// What can be tested at a node before a pattern's query runs there: the node
// type the pattern starts at ("" when it is not one concrete type), and each
// capture reached from that node through fields alone, by the field names on
// the way (`(call function: (attribute attribute: (identifier) @m))`: @m is at
// function, attribute). A capture under an alternation, a quantifier, a
// sequence of siblings or a child without a field has no path; nor has one on
// a string or a bare `_` (they may be unnamed nodes), a capture named twice,
// or any capture when the text is not read to its end.
struct PatternShape {
  std::string root;
  std::map<std::string, std::vector<std::string>, std::less<>> paths;
};

class ShapeReader {
 public:
  ShapeReader(std::string_view text, std::size_t at) : s_(text), i_(at) {}

  PatternShape read() {
    PatternShape shape;
    std::vector<Capture> captures;
    const std::vector<std::string> top;
    std::string type;
    if (element(&top, captures, type) != Element::Node || broken_) return shape;
    shape.root = type;
    std::map<std::string, int, std::less<>> uses;
    for (const auto& c : captures) ++uses[c.name];
    for (auto& c : captures)
      if (c.reachable && uses[c.name] == 1) shape.paths.emplace(c.name, std::move(c.path));
    return shape;
  }

 private:
  enum class Element { None, Node, Predicate, Anchor };
  struct Capture {
    std::string name;
    std::vector<std::string> path;
    bool reachable;
  };

  std::string_view s_;
  std::size_t i_;
  bool broken_ = false;

  bool at(char c) const { return i_ < s_.size() && s_[i_] == c; }
  static bool wordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
  void space() {
    while (i_ < s_.size()) {
      if (std::isspace(static_cast<unsigned char>(s_[i_]))) {
        ++i_;
      } else if (s_[i_] == ';') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else {
        break;
      }
    }
  }
  std::string word(bool captureName = false) {
    std::size_t start = i_;
    auto inWord = [&](char c) { return wordChar(c) || c == '/' || (captureName && (c == '.' || c == '-')); };
    while (i_ < s_.size() && inWord(s_[i_])) ++i_;
    return std::string(s_.substr(start, i_ - start));
  }
  void skipString() {
    for (++i_; i_ < s_.size() && s_[i_] != '"'; ++i_)
      if (s_[i_] == '\\') ++i_;
    if (i_ >= s_.size()) broken_ = true;
    ++i_;
  }
  // Past the `)` closing a predicate that starts at `(#`.
  void skipPredicate() {
    for (++i_; i_ < s_.size() && s_[i_] != ')'; ++i_)
      if (s_[i_] == '"') {
        skipString();
        --i_;
      }
    if (i_ >= s_.size()) broken_ = true;
    ++i_;
  }

  // Reads one element at the reading position with its quantifier and
  // captures, recording them with `path` (null: not reachable through fields).
  // `type` gets the node type of a `(type ...)` element or of a group's only
  // node, "" otherwise.
  Element element(const std::vector<std::string>* path, std::vector<Capture>& out, std::string& type) {
    space();
    type.clear();
    if (i_ >= s_.size() || at(')') || at(']')) return Element::None;
    const std::size_t first = out.size();
    if (at('.')) {
      ++i_;
      return Element::Anchor;
    }
    if (at('!')) {
      ++i_;
      word();
      return Element::Anchor;
    }
    bool named = false;  // a `(type ...)` or `(_)` node: the walk's lists hold named nodes only
    if (at('"')) {
      skipString();
    } else if (at('[')) {
      ++i_;
      std::string ignored;
      while (!broken_ && element(nullptr, out, ignored) != Element::None) {
      }
      if (!at(']')) broken_ = true;
      ++i_;
    } else if (at('(')) {
      ++i_;
      space();
      if (at('#')) {
        skipPredicate();
        return Element::Predicate;
      }
      if (i_ < s_.size() && wordChar(s_[i_])) {
        named = true;
        type = word();
        if (type == "_" || type.find('/') != std::string::npos) type.clear();
        for (;;) {
          space();
          if (broken_ || i_ >= s_.size()) {
            broken_ = true;
            break;
          }
          if (at(')')) break;
          std::size_t mark = i_;
          std::string field = wordChar(s_[i_]) ? word() : "";
          space();
          std::string ignored;
          if (!field.empty() && at(':')) {
            ++i_;
            std::vector<std::string> below;
            if (path) {
              below = *path;
              below.push_back(field);
            }
            if (element(path ? &below : nullptr, out, ignored) == Element::None) broken_ = true;
          } else {
            i_ = mark;
            if (element(nullptr, out, ignored) == Element::None) broken_ = true;
          }
        }
      } else {
        // A group: its elements are siblings; one node alone stands for the group.
        std::vector<Capture> inner;
        int nodes = 0;
        std::string only, t;
        for (Element e; !broken_ && (e = element(path, inner, t)) != Element::None;)
          if (e == Element::Node) {
            ++nodes;
            only = t;
          }
        if (nodes != 1) {
          for (auto& c : inner) c.reachable = false;
          only.clear();
        }
        out.insert(out.end(), inner.begin(), inner.end());
        type = only;
      }
      if (!at(')')) broken_ = true;
      ++i_;
    } else if (wordChar(s_[i_])) {
      word();  // `_`
    } else {
      broken_ = true;
      return Element::None;
    }
    bool quantified = false;
    for (;;) {
      space();
      if (at('?') || at('*') || at('+')) {
        quantified = true;
        ++i_;
      } else if (at('@')) {
        ++i_;
        out.push_back(Capture{word(true), path ? *path : std::vector<std::string>{}, path && named});
      } else {
        break;
      }
    }
    if (quantified) {
      for (std::size_t k = first; k < out.size(); ++k) out[k].reachable = false;
      type.clear();
    }
    return Element::Node;
  }
};

// A pattern's gate: its cheap predicates on the file, and those on captures
// with a field path, grouped by path; text tests first, and probes with only
// text tests first, since the first test that fails ends a probe and the
// first probe that fails ends the gate.
PatternGate gateOf(const PatternShape& shape, const PatternInfo& pattern,
                   const std::vector<std::string>& captureNames) {
  PatternGate gate;
  if (!shape.root.empty()) gate.root = regularSymbol(shape.root);
  for (const Predicate& predicate : pattern.predicates) {
    if (pretestCost(predicate) == 0) continue;
    if (predicate.args.empty() || !predicate.args[0].isCapture) {
      gate.fileTests.push_back(&predicate);
      continue;
    }
    auto found = shape.paths.find(captureNames[predicate.args[0].capture]);
    if (found == shape.paths.end()) continue;
    std::vector<TSFieldId> path;
    for (const auto& name : found->second) path.push_back(fieldId(name));
    if (std::find(path.begin(), path.end(), 0) != path.end()) continue;
    auto probe = std::find_if(gate.probes.begin(), gate.probes.end(),
                              [&](const Probe& other) { return other.path == path; });
    if (probe == gate.probes.end()) probe = gate.probes.insert(gate.probes.end(), Probe{std::move(path), {}});
    probe->tests.push_back(&predicate);
  }
  auto cost = [](const Predicate* p) { return pretestCost(*p); };
  auto costliest = [&](const Probe& probe) {
    int most = 0;
    for (const Predicate* test : probe.tests) most = std::max(most, cost(test));
    return most;
  };
  for (Probe& probe : gate.probes)
    std::stable_sort(probe.tests.begin(), probe.tests.end(),
                     [&](auto* a, auto* b) { return cost(a) < cost(b); });
  std::stable_sort(gate.probes.begin(), gate.probes.end(),
                   [&](const Probe& a, const Probe& b) { return costliest(a) < costliest(b); });
  return gate;
}

// The tests hold for `node` as the capture they test (or for the file).
bool testsHold(const std::vector<const Predicate*>& tests, TSNode node, SemanticModel& model) {
  for (const Predicate* test : tests) {
    TSQueryCapture capture{node, test->args.empty() ? 0 : test->args[0].capture};
    TSQueryMatch match{0, 0, 1, &capture};
    if (!predicateHolds(*test, match, model)) return false;
  }
  return true;
}

// The named children that fill fields of the nodes probed at one node of the
// walk, each node's looked up once however many rules probe it.
class FieldChildren {
 public:
  explicit FieldChildren(SemanticModel& model) : model_(model) {}

  // Forgets what was found (the walk moved on).
  void clear() {
    nodes_.clear();
    children_.clear();
  }
  // Whether fn holds for a child of `node` that fills `field` (a field may hold
  // several children: `import a, b`).
  template <typename Fn>
  bool any(TSNode node, TSFieldId field, Fn&& fn) {
    auto [first, last] = childrenOf(node);
    for (std::size_t i = first; i < last; ++i)
      if (children_[i].first == field && fn(children_[i].second)) return true;
    return false;
  }

 private:
  std::pair<std::size_t, std::size_t> childrenOf(TSNode node) {
    for (const auto& [id, range] : nodes_)
      if (id == node.id) return range;
    std::size_t first = children_.size();
    model_.fieldChildren(node, children_);
    nodes_.emplace_back(node.id, std::pair(first, children_.size()));
    return nodes_.back().second;
  }

  SemanticModel& model_;
  std::vector<std::pair<const void*, std::pair<std::size_t, std::size_t>>> nodes_;
  std::vector<std::pair<TSFieldId, TSNode>> children_;
};

// Whether a node at the probe's field path below `node` passes its tests.
bool probeHolds(const Probe& probe, std::size_t depth, TSNode node, SemanticModel& model,
                FieldChildren& children) {
  if (depth == probe.path.size()) return testsHold(probe.tests, node, model);
  return children.any(node, probe.path[depth],
                      [&](TSNode child) { return probeHolds(probe, depth + 1, child, model, children); });
}

// Per pattern of the rule, whether it can match anywhere in the file: its
// tests of the file hold and no test rules the whole file out.
std::vector<char> patternsOpen(const CompiledRule& compiled, SemanticModel& model) {
  std::vector<char> open;
  for (const PatternGate& gate : compiled.gates) {
    bool possible = testsHold(gate.fileTests, TSNode{}, model);
    for (const Probe& probe : gate.probes)
      for (const Predicate* test : probe.tests) possible = possible && predicateMayHoldIn(*test, model);
    open.push_back(possible);
  }
  return open;
}

// False when no pattern of the rule can match at `node`: running a query
// costs far more than these tests, and most nodes fail them.
bool mayMatchAt(const CompiledRule& compiled, const std::vector<char>& open, TSNode node, TSSymbol symbol,
                SemanticModel& model, FieldChildren& children) {
  for (std::size_t p = 0; p < compiled.gates.size(); ++p) {
    const PatternGate& gate = compiled.gates[p];
    if (!open[p] || (gate.root != 0 && gate.root != symbol)) continue;
    if (std::all_of(gate.probes.begin(), gate.probes.end(),
                    [&](const Probe& probe) { return probeHolds(probe, 0, node, model, children); }))
      return true;
  }
  return false;
}

// The matches of the query the cursor runs whose predicates hold, outside
// ERROR subtrees, appended to `out`.
void collectMatches(const CompiledRule& compiled, const Rule& rule, TSQueryCursor* cursor, SemanticModel& model,
                    std::vector<RuleMatch>& out) {
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor, &match)) {
    const PatternInfo& info = compiled.patterns[match.pattern_index];
    TSNode report{};
    bool found = false;
    for (std::uint16_t i = 0; i < match.capture_count; ++i)
      if (match.captures[i].index == info.report) {
        report = match.captures[i].node;
        found = true;
      }
    if (!found) continue;
    bool ok = true;
    for (const auto& predicate : info.predicates)
      if (!predicateHolds(predicate, match, model)) {
        ok = false;
        break;
      }
    if (!ok || insideError(report)) continue;
    RuleMatch m;
    m.rule = &rule;
    m.report = report;
    for (std::uint16_t i = 0; i < match.capture_count; ++i)
      m.captures.emplace_back(compiled.captureNames[match.captures[i].index], match.captures[i].node);
    out.push_back(std::move(m));
  }
}

// A word's length as one bit (63: longer), for tables of the lengths of wanted
// words per first byte, which rule out most tokens without hashing them.
std::uint64_t lengthBit(std::string_view word) {
  return std::uint64_t{1} << std::min<std::size_t>(word.size(), 63);
}

// Calls fn(token, inCode) for each token of `text` (as forEachToken does),
// inCode false for those in comments and in string literals other than
// f-strings (whose tokens all count as code: their replacement fields are).
// A string inside a replacement field is a literal of its own, whatever its
// quote (Python 3.12 lets it be the f-string's own). Returns false where what
// is code cannot be told: a string left open at its line's end (or the
// text's), or an f-string whose braces do not balance.
template <typename Fn>
bool forEachTokenInContext(std::string_view text, Fn&& fn) {
  const std::size_t n = text.size();
  auto quote = [&](std::size_t i) { return i < n && (text[i] == '"' || text[i] == '\''); };
  auto tokens = [&](std::size_t from, std::size_t to, bool inCode) {
    forEachToken(text.substr(from, to - from),
                 [&](std::string_view token, std::uint32_t) { fn(token, inCode); });
  };
  // The literal whose opening quote is at `q`: its end, or npos if left open
  // (or nested in replacement fields deeper than any real code nests them).
  auto literal = [&](auto& self, std::size_t q, bool formatted, int nesting) -> std::size_t {
    if (nesting > 16) return std::string_view::npos;
    const char mark = text[q];
    const bool triple = q + 2 < n && text[q + 1] == mark && text[q + 2] == mark;
    const std::size_t begin = q + (triple ? 3 : 1);
    std::size_t k = begin, chunk = begin;
    int depth = 0;  // replacement fields open (f-strings)
    for (; k < n; ++k) {
      const char c = text[k];
      if (c == '\\') {
        ++k;
      } else if (c == '\n' && !triple && depth == 0) {
        return std::string_view::npos;
      } else if (formatted && c == '{') {
        if (depth == 0 && k + 1 < n && text[k + 1] == '{') ++k;  // `{{`: a brace of the text
        else ++depth;
      } else if (formatted && c == '}') {
        if (depth > 0) --depth;
      } else if (formatted && depth > 0 && quote(k)) {
        // A string in a replacement field: its tokens count as code too.
        tokens(chunk, k, true);
        std::size_t end = self(self, k, true, nesting + 1);
        if (end == std::string_view::npos) return end;
        chunk = end;
        k = end - 1;
      } else if (c == mark && (!triple || (k + 2 < n && text[k + 1] == mark && text[k + 2] == mark))) {
        break;
      }
    }
    if (k >= n || depth != 0) return std::string_view::npos;
    tokens(chunk, k, formatted);
    return k + (triple ? 3 : 1);
  };
  for (std::size_t i = 0; i < n;) {
    const char c = text[i];
    if (c == '#') {
      std::size_t end = std::min(text.find('\n', i), n);
      tokens(i, end, false);
      i = end;
    } else if (quote(i)) {
      if ((i = literal(literal, i, false, 0)) == std::string_view::npos) return false;
    } else if (isTokenChar(c, true)) {
      std::size_t j = i + 1;
      while (j < n && isTokenChar(text[j], false)) ++j;
      std::string_view token = text.substr(i, j - i);
      // A string's prefix (r, b, u, f and their pairs, any case).
      auto prefixLetter = [](char p) {
        return std::string_view("rRbBuUfF").find(p) != std::string_view::npos;
      };
      bool prefix = quote(j) && token.size() <= 2 && std::all_of(token.begin(), token.end(), prefixLetter);
      if (!prefix) {
        fn(token, true);
        i = j;
        continue;
      }
      bool formatted = token.find_first_of("fF") != std::string_view::npos;
      if ((i = literal(literal, j, formatted, 0)) == std::string_view::npos) return false;
    } else {
      ++i;
    }
  }
  return true;
}

}  // namespace

struct RuleMatcher::Impl {
  const Catalogue* catalogue = nullptr;
  std::vector<std::unique_ptr<CompiledRule>> rules;
  std::unordered_set<std::string_view> triggers;  // every rule's, pointing into `rules`
  // What a file must contain for some pattern to match in it when it shows no
  // Spark evidence (mentionsTrigger): a pattern that asks what a value holds
  // (#kind? or #maybe-kind? of Spark kinds) needs evidence and adds nothing;
  // one that names a module (#resolves-to?) needs the module's first
  // component; another needs one of its trigger words (whole tokens) or, with
  // none, a word of its #eq?/#any-of?/#match? strings (substrings, as words of
  // a regular expression need not be whole tokens). Unfiltered: a pattern that
  // gives none of these, or asks for a named list's member.
  std::set<std::string, std::less<>> fileTokens;
  std::unordered_set<std::string_view> fileTokenIndex;  // of fileTokens
  std::array<std::uint64_t, 256> fileTokenShapes{};     // per first byte, their lengths (63: longer)
  std::vector<std::string> fileWords;
  bool fileUnfiltered = false;
  std::vector<std::string_view> documentWords;  // the triggers of rules that are not node-level
  void addFileWords(std::string_view pattern, const std::vector<std::string>& triggers);

  // Compiles a rule's query the first time a document needs it. Thread-safe.
  static void compile(CompiledRule& compiled, const Rule& rule) {
    std::call_once(compiled.once, [&] {
      std::uint32_t offset = 0;
      TSQueryError error = TSQueryErrorNone;
      // Queries were validated with tree-sitter's analysis when they were loaded
      // (or, built in, by the unit tests); a run skips it (cmake/ts_query_unanalyzed.c).
      compiled.query.reset(ts_query_new_unanalyzed(pythonLanguage(), rule.query.data(),
                                                   static_cast<std::uint32_t>(rule.query.size()), &offset, &error));
      if (!compiled.query) {
        std::fprintf(stderr, "sparkmigrate: %s: query does not compile (%s)\n", rule.file.c_str(),
                     std::string(queryErrorName(error)).c_str());
        std::abort();
      }
      TSQuery* q = compiled.query.get();
      for (std::uint32_t c = 0; c < ts_query_capture_count(q); ++c) {
        std::uint32_t len = 0;
        compiled.captureNames.emplace_back(ts_query_capture_name_for_id(q, c, &len));
      }
      for (std::uint32_t p = 0; p < ts_query_pattern_count(q); ++p) {
        PatternInfo info;
        std::string problem = parsePattern(q, p, info);
        if (!problem.empty() || !info.hasReport) {
          std::fprintf(stderr, "sparkmigrate: %s: %s\n", rule.file.c_str(),
                       problem.empty() ? "pattern has no @report capture" : problem.c_str());
          std::abort();
        }
        compiled.patterns.push_back(std::move(info));
      }
      for (std::uint32_t p = 0; p < compiled.patterns.size(); ++p)
        compiled.gates.push_back(
            gateOf(ShapeReader(rule.query, ts_query_start_byte_for_pattern(q, p)).read(), compiled.patterns[p],
                   compiled.captureNames));
    });
  }
};

RuleMatcher::RuleMatcher(const Catalogue& catalogue) : impl_(std::make_unique<Impl>()) {
  impl_->catalogue = &catalogue;
  const auto& rules = catalogue.rules();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].query.empty()) continue;
    auto compiled = std::make_unique<CompiledRule>();
    compiled->rule = i;
    bool alwaysRun = false;
    for (std::string_view pattern : topLevelPatterns(rules[i].query)) {
      if (!patternRoots(pattern, compiled->roots)) compiled->anyRoot = true;
      bool local = false, nodeLevel = true;
      auto triggers = patternTriggers(pattern, local, nodeLevel);
      compiled->localTriggers = compiled->localTriggers && local;
      compiled->nodeLevel = compiled->nodeLevel && nodeLevel;
      if (triggers.empty()) alwaysRun = true;
      impl_->addFileWords(pattern, triggers);
      for (auto& t : triggers) compiled->triggers.push_back(std::move(t));
    }
    if (alwaysRun) compiled->triggers.clear();
    impl_->rules.push_back(std::move(compiled));
  }
  for (const auto& compiled : impl_->rules) {
    impl_->triggers.insert(compiled->triggers.begin(), compiled->triggers.end());
    auto& words = impl_->documentWords;
    if (!compiled->nodeLevel) words.insert(words.end(), compiled->triggers.begin(), compiled->triggers.end());
  }
  std::sort(impl_->documentWords.begin(), impl_->documentWords.end());
  impl_->documentWords.erase(std::unique(impl_->documentWords.begin(), impl_->documentWords.end()),
                             impl_->documentWords.end());
  std::sort(impl_->fileWords.begin(), impl_->fileWords.end());
  impl_->fileWords.erase(std::unique(impl_->fileWords.begin(), impl_->fileWords.end()), impl_->fileWords.end());
  impl_->fileTokenIndex.insert(impl_->fileTokens.begin(), impl_->fileTokens.end());
  for (const auto& t : impl_->fileTokens)
    impl_->fileTokenShapes[static_cast<unsigned char>(t[0])] |= lengthBit(t);
}

void RuleMatcher::Impl::addFileWords(std::string_view pattern, const std::vector<std::string>& patternTriggerWords) {
  const std::vector<LiteralPredicate> predicates = literalPredicates(pattern);
  auto sparkKinds = [](const LiteralPredicate& p) {
    return (p.kind == "kind" || p.kind == "maybe-kind") && !p.values.empty() &&
           std::all_of(p.values.begin(), p.values.end(), [](std::string_view v) {
             auto kind = kindFromName(v);
             return kind && isSparkKind(*kind);
           });
  };
  if (std::any_of(predicates.begin(), predicates.end(), sparkKinds)) return;
  for (const auto& p : predicates)
    if (p.kind == "resolves-to") {
      for (std::string_view value : p.values) fileWords.emplace_back(value.substr(0, value.find('.')));
      return;
    }
  // Every #eq? must hold: the rarest-looking of their words will do (a
  // private name such as `_jvm` before a longer word, before a short one).
  std::string best;
  for (const auto& p : predicates)
    if (p.kind == "eq" && p.values.size() == 1) {
      std::string word = longestToken(p.values[0]);
      auto rank = [](const std::string& w) { return std::pair(w.starts_with('_'), w.size()); };
      if (!word.empty() && (best.empty() || rank(word) > rank(best))) best = word;
    }
  if (!best.empty()) {
    fileTokens.insert(best);
    return;
  }
  if (!patternTriggerWords.empty()) {
    fileTokens.insert(patternTriggerWords.begin(), patternTriggerWords.end());
    return;
  }
  bool any = false;
  for (const auto& p : predicates) {
    if (p.kind != "eq" && p.kind != "any-of" && p.kind != "match") continue;
    for (std::string_view value : p.values) {
      if (value.starts_with('$')) fileUnfiltered = true;
      // An anchored expression that starts with a word (`^py4j(\\.|$)`) needs
      // that word; any other, one of its words.
      bool anchored = p.kind == "match" && value.size() > 1 && value[0] == '^' &&
                      (std::isalpha(static_cast<unsigned char>(value[1])) || value[1] == '_');
      bool first = true;
      forEachToken(value, [&](std::string_view word, std::uint32_t) {
        if (word.size() >= 3 && (first || !anchored)) {
          fileWords.emplace_back(word);
          any = true;
        }
        first = false;
      });
    }
  }
  if (!any) fileUnfiltered = true;
}

bool RuleMatcher::mentionsTrigger(std::string_view text) const {
  if (impl_->fileUnfiltered || startsAsNotebook(text)) return true;
  // A word some pattern needs, or evidence in code (not in comments, not in
  // docstrings) that a value holds a Spark object: a conventional name (`sc`,
  // `sqlContext`, `df`, `orders_df`) or `.rdd`.
  auto wanted = [&](std::string_view token) {
    return (impl_->fileTokenShapes[static_cast<unsigned char>(token[0])] & lengthBit(token)) &&
           impl_->fileTokenIndex.count(token);
  };
  auto evidence = [](std::string_view token) { return suggestsSpark(token) || token == "rdd"; };
  bool found = false;
  bool clear = forEachTokenInContext(text, [&](std::string_view token, bool inCode) {
    found = found || wanted(token) || (inCode && evidence(token));
  });
  if (!clear && !found)  // where code cannot be told from text, any mention counts
    forEachToken(text, [&](std::string_view token, std::uint32_t) { found = found || evidence(token); });
  for (const auto& word : impl_->fileWords) found = found || text.find(word) != std::string_view::npos;
  return found;
}

std::vector<RuleMatch> RuleMatcher::runUnfiltered(TSNode root, SemanticModel& model,
                                                  const std::vector<char>& enabled) const {
  const auto& rules = impl_->catalogue->rules();
  std::vector<RuleMatch> out;
  TSQueryCursor* cursor = ts_query_cursor_new();
  for (const auto& compiled : impl_->rules) {
    if (compiled->rule >= enabled.size() || !enabled[compiled->rule]) continue;
    Impl::compile(*compiled, rules[compiled->rule]);
    ts_query_cursor_exec(cursor, compiled->query.get(), root);
    collectMatches(*compiled, rules[compiled->rule], cursor, model, out);
  }
  ts_query_cursor_delete(cursor);
  return out;
}

RuleMatcher::~RuleMatcher() = default;

const RuleMatcher& RuleMatcher::builtin() {
  static const RuleMatcher matcher(Catalogue::builtin());
  return matcher;
}

const std::vector<std::string_view>& RuleMatcher::documentWords() const {
  return impl_->documentWords;
}

std::vector<RuleMatch> RuleMatcher::run(TSNode root, SemanticModel& model, const std::vector<char>& enabled,
                                        const support::CancellationToken* cancel,
                                        const std::vector<TSNode>& subtrees,
                                        const std::vector<char>* documentWordsPresent) const {
  const std::vector<TSNode> wholeFile{root};
  const std::vector<TSNode>& parts = subtrees.empty() ? wholeFile : subtrees;
  // Identifier tokens of the document: a rule whose trigger words are all
  // absent cannot match, so its query is not run at all.
  // Where each trigger word occurs in the document. A rule none of whose
  // trigger words occurs cannot match anywhere; at a node, it cannot match
  // unless one occurs inside that node (captures lie within the pattern's
  // root), which saves running most queries at most nodes.
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> occurrences;
  for (const auto& entry : impl_->rules)
    for (const auto& t : entry->triggers) occurrences.emplace(t, std::vector<std::uint32_t>{});
  // An imported name's last component may be renamed (`import X as Y`): at a
  // node, such a rule can also match where the alias occurs.
  std::unordered_map<std::string_view, std::vector<std::string_view>> aliasesOf;
  for (const auto& [alias, last] : model.importAliases()) {
    if (!occurrences.count(last)) continue;
    aliasesOf[last].push_back(alias);
    occurrences.emplace(alias, std::vector<std::uint32_t>{});
  }
  for (TSNode part : parts) {
    std::uint32_t start = ts_node_start_byte(part);
    forEachToken(model.source().substr(start, ts_node_end_byte(part) - start),
                 [&](std::string_view token, std::uint32_t offset) {
                   auto it = occurrences.find(token);
                   if (it != occurrences.end()) it->second.push_back(start + offset);
                 });
  }
  // Per rule (by catalogue index), where its words occur: its trigger words
  // and, unless they are literal text, their import aliases; words that do
  // not occur are left out. Looked up once here, not at every node.
  std::vector<std::vector<const std::vector<std::uint32_t>*>> occurrencesOf(impl_->catalogue->rules().size());
  for (const auto& entry : impl_->rules) {
    auto& lists = occurrencesOf[entry->rule];
    auto add = [&](std::string_view word) {
      const auto& at = occurrences.find(word)->second;
      if (!at.empty()) lists.push_back(&at);
    };
    for (const auto& t : entry->triggers) {
      add(t);
      if (entry->localTriggers) continue;
      if (auto a = aliasesOf.find(t); a != aliasesOf.end())
        for (std::string_view alias : a->second) add(alias);
    }
  }
  auto occursWithin = [&](const CompiledRule& compiled, std::uint32_t start, std::uint32_t end) {
    for (const auto* at : occurrencesOf[compiled.rule]) {
      auto it = std::lower_bound(at->begin(), at->end(), start);
      if (it != at->end() && *it < end) return true;
    }
    return false;
  };
  // Whether a trigger word of such a rule occurs anywhere in the document, as
  // the caller counted them (documentWordsPresent; without it, every word is
  // taken to occur). An import alias of one always does: it is in the import.
  auto anyTriggerInDocument = [&](const CompiledRule& compiled) {
    if (!documentWordsPresent) return true;
    const auto& words = impl_->documentWords;
    for (const auto& t : compiled.triggers) {
      if (aliasesOf.count(t)) return true;
      auto at = std::lower_bound(words.begin(), words.end(), std::string_view(t));
      if (at != words.end() && *at == t && (*documentWordsPresent)[at - words.begin()]) return true;
    }
    return false;
  };
  // The rules that can match here, indexed by the node type they start at.
  const auto& rules = impl_->catalogue->rules();
  std::vector<CompiledRule*> anywhere;
  std::vector<std::vector<CompiledRule*>> byRoot(ts_language_symbol_count(pythonLanguage()));  // by symbol
  bool anyRooted = false;
  for (const auto& entry : impl_->rules) {
    CompiledRule& compiled = *entry;
    if (compiled.rule >= enabled.size() || !enabled[compiled.rule]) continue;
    // Occurrences are collected in the parts analysed; a rule whose trigger
    // need not lie inside its match (an imported module prefix) looks at the
    // whole document.
    if (!compiled.triggers.empty() &&
        !occursWithin(compiled, 0, static_cast<std::uint32_t>(model.source().size())) &&
        (compiled.nodeLevel || subtrees.empty() || !anyTriggerInDocument(compiled)))
      continue;
    if (compiled.anyRoot) {
      anywhere.push_back(&compiled);
      continue;
    }
    for (TSSymbol symbol : compiled.roots) {
      auto& list = byRoot[symbol];
      if (std::find(list.begin(), list.end(), &compiled) == list.end()) list.push_back(&compiled);
      anyRooted = true;
    }
  }

  // One walk over the tree's named nodes; at each node, the rules whose
  // patterns start at that node type are matched there (max start depth 0),
  // so a node costs only the rules that can begin at it.
  std::vector<RuleMatch> out;
  TSQueryCursor* cursor = ts_query_cursor_new();
  TSQueryCursor* wholeTree = ts_query_cursor_new();
  ts_query_cursor_set_max_start_depth(cursor, 0);
  auto collect = [&](CompiledRule& compiled, TSQueryCursor* from) {
    collectMatches(compiled, rules[compiled.rule], from, model, out);
  };
  // Queries compile on first use: only when a node the rule can start at
  // turns up (a file without imports never compiles the import rules).
  FieldChildren children(model);
  std::vector<std::vector<char>> openPatterns(rules.size());  // by rule, made at its first candidate node
  auto matchAt = [&](CompiledRule& compiled, TSNode node, TSSymbol symbol) {
    Impl::compile(compiled, rules[compiled.rule]);
    auto& open = openPatterns[compiled.rule];
    if (open.size() != compiled.gates.size()) open = patternsOpen(compiled, model);
    if (!mayMatchAt(compiled, open, node, symbol, model, children)) return;
    ts_query_cursor_exec(cursor, compiled.query.get(), node);
    collect(compiled, cursor);
  };
  // Patterns rooted at a wildcard cannot be started at one node (tree-sitter
  // anchors them at their first concrete child), so those rules run over the
  // whole tree once.
  for (CompiledRule* compiled : anywhere) {
    Impl::compile(*compiled, rules[compiled->rule]);
    for (TSNode part : parts) {
      ts_query_cursor_exec(wholeTree, compiled->query.get(), part);
      collect(*compiled, wholeTree);
    }
  }
  for (TSNode part : parts) {
    if (!anyRooted || (cancel && cancel->cancelled())) break;
    std::size_t visited = 0;
    model.forEachNamedIn(part, [&](TSNode node, TSSymbol symbol) {
      if ((++visited & 1023) == 0 && cancel && cancel->cancelled()) return false;
      if (symbol >= byRoot.size() || byRoot[symbol].empty()) return true;
      std::uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
      children.clear();
      for (CompiledRule* compiled : byRoot[symbol])
        if (compiled->triggers.empty() || !compiled->nodeLevel || occursWithin(*compiled, start, end))
          matchAt(*compiled, node, symbol);
      return true;
    });
  }
  ts_query_cursor_delete(cursor);
  ts_query_cursor_delete(wholeTree);
  return out;
}

}  // namespace sparkmigrate::analysis
