// The rule predicates: the table that names them (kPredicates), their
// compilation and evaluation, and the semantic tests they run.
#include "analysis/predicates.h"

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>
#include <unordered_set>

namespace sparkmigrate::analysis {

// ---------------------------------------------------------------------------
// Semantic tests

namespace {

constexpr int kMaxDepth = SemanticModel::kMaxDepth;

// True for an identifier that names something rather than reading it: a
// member after a dot, a keyword argument's name, a def or class name, a
// parameter.
bool isBindingPosition(TSNode ident) {
  TSNode parent = parentOf(ident);
  std::string_view type = nodeType(parent);
  if (type == "attribute") return ts_node_eq(field(parent, "attribute"), ident);
  if (type == "keyword_argument") return ts_node_eq(field(parent, "name"), ident);
  if (type == "function_definition" || type == "class_definition")
    return ts_node_eq(field(parent, "name"), ident);
  if (type == "parameters" || type == "lambda_parameters" || type == "default_parameter" ||
      type == "typed_parameter" || type == "typed_default_parameter")
    return true;
  return false;
}

// The loop whose body (or `while` condition) contains `node`, inside its
// scope; null when there is none.
TSNode enclosingLoop(TSNode node) {
  TSNode child = node;
  for (TSNode n = parentOf(node); !ts_node_is_null(n); child = n, n = parentOf(n)) {
    std::string_view type = nodeType(n);
    // A `for` header (target, iterable) and the `else` clauses run once; the
    // body, and a `while` condition, run on every iteration.
    if (type == "for_statement" && ts_node_eq(child, field(n, "body"))) return n;
    if (type == "while_statement" && !ts_node_eq(child, field(n, "alternative"))) return n;
    if (isScopeNode(type)) break;
  }
  return TSNode{};
}

bool assignedInLoop(SemanticModel& model, TSNode name, bool countLoopTarget) {
  TSNode loop = enclosingLoop(name);
  if (ts_node_is_null(loop)) return false;
  std::string_view source = model.source();
  std::string_view target = nodeText(name, source);
  bool found = false;
  std::function<void(TSNode, int)> visit = [&](TSNode node, int depth) {
    if (found || depth > kMaxDepth) return;
    std::string_view type = nodeType(node);
    if (isScopeNode(type)) return;
    bool ownTarget = !countLoopTarget && ts_node_eq(node, loop);
    if (!ownTarget && (type == "assignment" || type == "augmented_assignment" || type == "for_statement" ||
                       type == "named_expression")) {
      TSNode left = type == "named_expression" ? field(node, "name") : field(node, "left");
      if (!ts_node_is_null(left) && !isType(left, "attribute") && !isType(left, "subscript"))
        visitTree(left, [&](TSNode t) {
          if (isType(t, "identifier") && nodeText(t, source) == target) found = true;
          return !isType(t, "identifier");
        });
    }
    forEachNamedChild(node, [&](TSNode child) { visit(child, depth + 1); });
  };
  visit(loop, 0);
  return found;
}

// The statement directly under the module that contains `node`.
TSNode topLevelStatement(TSNode node) {
  TSNode child = node;
  for (TSNode n = parentOf(node); !ts_node_is_null(n); child = n, n = parentOf(n))
    if (isType(n, "module")) return child;
  return child;
}

}  // namespace

bool capturesOuterSparkObject(SemanticModel& model, TSNode function) {
  TSNode def = model.definitionOf(function);
  if (ts_node_is_null(def)) return false;
  int fnScope = model.scopeOpenedBy(def);
  if (fnScope < 0) return false;
  bool found = false;
  std::function<void(TSNode, int)> visit = [&](TSNode node, int depth) {
    if (found || depth > kMaxDepth) return;
    if (isType(node, "identifier") && !isBindingPosition(node)) {
      auto binding = model.bindingOf(node);
      Value v;
      if (binding) {
        if (model.scopeInside(binding->scope, fnScope)) return;
        v = model.bindingValue(binding->id);
      } else {
        v = model.valueOf(node);
      }
      if (isSessionBound(v.kind)) found = true;
      return;
    }
    forEachNamedChild(node, [&](TSNode child) { visit(child, depth + 1); });
  };
  visit(field(def, "body"), 0);
  return found;
}

bool insideLoop(TSNode node) {
  return !ts_node_is_null(enclosingLoop(node));
}

bool assignedInEnclosingLoop(SemanticModel& model, TSNode name) {
  return assignedInLoop(model, name, true);
}

bool reassignedInEnclosingLoop(SemanticModel& model, TSNode name) {
  return assignedInLoop(model, name, false);
}

bool readsEnclosingLoopVariable(SemanticModel& model, TSNode function) {
  TSNode def = model.definitionOf(function);
  if (ts_node_is_null(def)) return false;
  std::string_view source = model.source();
  TSNode loop{};
  for (TSNode n = parentOf(def); !ts_node_is_null(n); n = parentOf(n)) {
    std::string_view type = nodeType(n);
    if (type == "for_statement") {
      loop = n;
      break;
    }
    if (isScopeNode(type)) break;
  }
  if (ts_node_is_null(loop)) return false;
  std::unordered_set<std::string> loopVars;
  visitTree(field(loop, "left"), [&](TSNode t) {
    if (isType(t, "identifier")) loopVars.insert(std::string(nodeText(t, source)));
    return !isType(t, "identifier");
  });
  TSNode params = field(def, "parameters");
  for (std::uint32_t i = 0; !ts_node_is_null(params) && i < ts_node_named_child_count(params); ++i) {
    TSNode p = ts_node_named_child(params, i);
    TSNode name = isType(p, "identifier") ? p : field(p, "name");
    if (isType(p, "typed_parameter") && ts_node_named_child_count(p) > 0) name = ts_node_named_child(p, 0);
    if (!ts_node_is_null(name)) loopVars.erase(std::string(nodeText(name, source)));
  }
  if (loopVars.empty()) return false;
  bool found = false;
  std::function<void(TSNode, int)> visit = [&](TSNode node, int depth) {
    if (found || depth > kMaxDepth) return;
    if (isType(node, "identifier") && !isBindingPosition(node) &&
        loopVars.count(std::string(nodeText(node, source)))) {
      found = true;
      return;
    }
    forEachNamedChild(node, [&](TSNode child) { visit(child, depth + 1); });
  };
  visit(field(def, "body"), 0);
  return found;
}

bool mutatesOuterState(SemanticModel& model, TSNode function) {
  TSNode def = model.definitionOf(function);
  if (ts_node_is_null(def)) return false;
  int fnScope = model.scopeOpenedBy(def);
  if (fnScope < 0) return false;
  std::string_view source = model.source();
  using BindingKind = SemanticModel::BindingKind;
  // An identifier bound outside the function to a mutable container.
  auto outerContainer = [&](TSNode ident) {
    auto b = model.bindingOf(ident);
    if (!b || (b->kind != BindingKind::Assign && b->kind != BindingKind::Annotated) || ts_node_is_null(b->value))
      return false;
    if (model.scopeInside(b->scope, fnScope)) return false;
    static const std::unordered_set<std::string_view> literals = {
        "list", "dictionary", "set", "list_comprehension", "dictionary_comprehension", "set_comprehension"};
    static const std::unordered_set<std::string_view> factories = {
        "list", "dict", "set", "defaultdict", "deque", "Counter", "OrderedDict"};
    if (literals.count(nodeType(b->value))) return true;
    if (!isType(b->value, "call")) return false;
    TSNode fn = field(b->value, "function");
    if (isType(fn, "attribute")) fn = field(fn, "attribute");
    return isType(fn, "identifier") && factories.count(nodeText(fn, source)) > 0;
  };
  static const std::unordered_set<std::string_view> mutators = {
      "append",  "extend", "insert",  "add",   "update",     "setdefault", "pop",
      "popitem", "remove", "discard", "clear", "appendleft", "extendleft"};
  bool found = false;
  std::function<void(TSNode, int)> visit = [&](TSNode node, int depth) {
    if (found || depth > kMaxDepth) return;
    std::string_view type = nodeType(node);
    if (isScopeNode(type)) return;
    if (type == "global_statement" || type == "nonlocal_statement") {
      found = true;
      return;
    }
    if (type == "call") {
      TSNode fn = field(node, "function");
      if (isType(fn, "attribute") && mutators.count(nodeText(field(fn, "attribute"), source)) &&
          outerContainer(field(fn, "object")))
        found = true;
    }
    if (type == "assignment" || type == "augmented_assignment") {
      TSNode left = field(node, "left");
      if (isType(left, "subscript") && outerContainer(field(left, "value"))) found = true;
    }
    forEachNamedChild(node, [&](TSNode child) { visit(child, depth + 1); });
  };
  visit(field(def, "body"), 0);
  return found;
}

bool insideImportGuard(SemanticModel& model, TSNode node) {
  static const std::unordered_set<std::string_view> guards = {"ImportError", "ModuleNotFoundError",
                                                              "Exception", "BaseException"};
  std::string_view source = model.source();
  TSNode child = node;
  for (TSNode n = parentOf(node); !ts_node_is_null(n); child = n, n = parentOf(n)) {
    std::string_view type = nodeType(n);
    if (type == "function_definition" || type == "lambda") break;
    if (type == "if_statement" && ts_node_eq(child, field(n, "consequence"))) {
      std::string_view condition = nodeText(field(n, "condition"), source);
      if (condition == "TYPE_CHECKING" || condition == "typing.TYPE_CHECKING") return true;
    }
    if (type != "try_statement" || !ts_node_eq(child, field(n, "body"))) continue;
    for (std::uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
      TSNode handler = ts_node_named_child(n, i);
      if (!isType(handler, "except_clause")) continue;
      bool bare = true, caught = false;
      for (std::uint32_t k = 0; k < ts_node_named_child_count(handler); ++k) {
        TSNode part = ts_node_named_child(handler, k);
        if (isType(part, "block")) continue;
        bare = false;
        visitTree(part, [&](TSNode t) {
          std::string_view ty = nodeType(t);
          if (ty == "identifier" && guards.count(nodeText(t, source))) caught = true;
          return ty != "block" && ty != "as_pattern_target";
        });
      }
      if (bare || caught) return true;
    }
  }
  return false;
}

bool viewNameReused(SemanticModel& model, TSNode literal) {
  // Only an earlier creation in the same function (or both at module level)
  // counts: views made in separate functions rarely share live DataFrames.
  std::uint32_t pos = ts_node_start_byte(literal);
  int scope = model.scopeOf(literal);
  for (const auto& [p, s] : model.tempViewCreations(stringContent(literal, model.source())))
    if (p < pos && s == scope) return true;
  return false;
}

bool blockHasNoAction(SemanticModel& model, TSNode block) {
  std::string_view source = model.source();
  bool sawAction = false, sawDataFrame = false;
  std::function<void(TSNode, int)> visit = [&](TSNode node, int depth) {
    if (sawAction || depth > kMaxDepth) return;
    std::string_view type = nodeType(node);
    if (isScopeNode(type)) return;
    if (type == "attribute") {
      std::string_view member = nodeText(field(node, "attribute"), source);
      Kind base = model.kindOf(field(node, "object"));
      if (isDataFrameAction(member) && (base == Kind::DataFrame || base == Kind::Unknown)) sawAction = true;
      if (base == Kind::DataFrameWriter || base == Kind::DataStreamWriter) sawAction = true;
      // `spark.sql(...)` is executed (and analysed) eagerly by the Connect
      // client; catalog calls are RPCs too.
      if (member == "sql" && (base == Kind::SparkSession || base == Kind::SQLContext ||
                              base == Kind::HiveContext || base == Kind::Unknown))
        sawAction = true;
      if (base == Kind::Catalog) sawAction = true;
    }
    if (type == "call") {
      Kind kind = model.kindOf(node);
      if (kind == Kind::DataFrame) sawDataFrame = true;
      TSNode fn = field(node, "function");
      if (!isType(fn, "attribute") && !isType(fn, "identifier")) sawAction = true;
      if (isType(fn, "identifier")) {
        // A call into user code may run actions we cannot see.
        Value callee = model.valueOf(fn);
        if (callee.kind == Kind::Function || callee.kind == Kind::Unknown) sawAction = true;
      }
    }
    forEachNamedChild(node, [&](TSNode child) { visit(child, depth + 1); });
  };
  visit(block, 0);
  return !sawAction && sawDataFrame;
}

bool combinedWithAnotherSession(SemanticModel& model, TSNode created) {
  std::string_view source = model.source();
  TSNode within = topLevelStatement(created);
  const void* target = created.id;
  bool found = false;
  forEachDescendant(within, [&](TSNode node) {
    if (found) return false;
    if (!isType(node, "call")) return true;
    TSNode fn = field(node, "function");
    if (!isType(fn, "attribute") || !combinesDataFrames(nodeText(field(fn, "attribute"), source))) return true;
    TSNode other{};
    forEachNamedChild(field(node, "arguments"), [&](TSNode arg) {
      if (!ts_node_is_null(other)) return;
      if (isType(arg, "keyword_argument")) {
        if (nodeText(field(arg, "name"), source) == "other") other = field(arg, "value");
      } else {
        other = arg;
      }
    });
    auto left = model.sessionOrigin(field(fn, "object"), within);
    auto right = model.sessionOrigin(other, within);
    found = left && right && left != right && (left == target || right == target);
    return true;
  });
  return found;
}

// ---------------------------------------------------------------------------
// The table

namespace {

// How a predicate's arguments after the first are read.
enum class Args {
  None,           // no arguments beyond the capture
  Text,           // strings
  TextOrCapture,  // strings or a capture (#eq?)
  Regex,          // one regular expression
  Kinds,          // kind names
};

// What an evaluator sees: the compiled predicate, the node its capture
// captured (null for predicates without one), the match and the model.
struct Call {
  const Predicate& p;
  TSNode node;
  const TSQueryMatch& match;
  SemanticModel& model;
  std::string_view text() const { return nodeText(node, model.source()); }
};

bool anyText(const Call& c) {
  std::string_view text = c.text();
  for (std::size_t k = 1; k < c.p.args.size(); ++k)
    if (c.p.args[k].text == text) return true;
  return false;
}

bool equal(const Call& c) {
  const PredicateArg& other = c.p.args[1];
  if (!other.isCapture) return c.text() == other.text;
  bool same = false;
  for (std::uint16_t i = 0; i < c.match.capture_count; ++i)
    if (c.match.captures[i].index == other.capture)
      same = nodeText(c.match.captures[i].node, c.model.source()) == c.text();
  return same;
}

bool matches(const Call& c) {
  std::string_view text = c.text();
  return std::regex_search(text.begin(), text.end(), *c.p.regex);
}

bool stringMatches(const Call& c) {
  if (!isType(c.node, "string") && !isType(c.node, "concatenated_string")) return false;
  std::string content = stringContent(c.node, c.model.source());
  return std::regex_search(content, *c.p.regex);
}

// True when the expression's text, or the value of a name it reads that is
// assigned in the same top-level statement (a function's locals), matches the
// regex: what a DataFrame was built from, as far as this statement tells.
// (Names bound elsewhere are not followed: the incremental checker re-runs a
// statement's rules when the bindings it reads change kind, not text.)
bool valueContains(SemanticModel& model, TSNode node, TSNode statement, const std::regex& regex, int depth) {
  std::string_view text = nodeText(node, model.source());
  if (std::regex_search(text.begin(), text.end(), regex)) return true;
  if (depth > 4) return false;
  bool found = false;
  std::function<void(TSNode)> visit = [&](TSNode n) {
    if (found) return;
    if (isType(n, "identifier")) {
      auto b = model.bindingOf(n);
      if (b && (b->kind == SemanticModel::BindingKind::Assign || b->kind == SemanticModel::BindingKind::Annotated) &&
          !ts_node_is_null(b->value) && ts_node_start_byte(b->value) >= ts_node_start_byte(statement) &&
          ts_node_end_byte(b->value) <= ts_node_end_byte(statement) && !ts_node_eq(b->value, node))
        found = valueContains(model, b->value, statement, regex, depth + 1);
      return;
    }
    forEachNamedChild(n, visit);
  };
  visit(node);
  return found;
}

// The node's kind; for an Unknown `x.member` whose member exists only on
// Spark objects (`s.sparkContext` on a `with ... as s` target, a subscript,
// an untyped value), the kind that name gives. Applied here, where a rule
// asks, rather than in inference, so that what a name holds never depends
// on evidence (inference stays the same whatever order it runs in).
Kind kindWithEvidence(const Call& c) {
  Kind kind = c.model.kindOf(c.node);
  if (kind != Kind::Unknown || !isType(c.node, "attribute")) return kind;
  if (auto evidence = sparkOnlyAttributeKind(nodeText(field(c.node, "attribute"), c.model.source())))
    return *evidence;
  return kind;
}

bool kindIn(const Call& c) {
  Kind kind = kindWithEvidence(c);
  return std::any_of(c.p.kinds.begin(), c.p.kinds.end(), [&](Kind wanted) { return isKindOf(kind, wanted); });
}

// What an untyped chain of Spark methods on a conventionally named object
// holds (`df.orderBy("id")` a DataFrame, `spark.range(5).filter(...)` too).
std::optional<Kind> conventionalChainKind(SemanticModel& model, TSNode node, int depth) {
  if (depth > 64) return std::nullopt;
  if (isType(node, "identifier") || isType(node, "attribute")) {
    TSNode last = isType(node, "attribute") ? field(node, "attribute") : node;
    std::string_view name = nodeText(last, model.source());
    if (auto kind = kindOfConventionalName(name)) return kind;
    if (isSparkLikeName(name)) return Kind::DataFrame;
    return std::nullopt;
  }
  TSNode fn = field(node, "function");
  if (!isType(node, "call") || !isType(fn, "attribute")) return std::nullopt;
  TSNode receiver = field(fn, "object");
  Kind known = model.kindOf(receiver);
  std::optional<Kind> base = known == Kind::Unknown ? conventionalChainKind(model, receiver, depth + 1)
                                                    : std::optional<Kind>(known);
  if (!base || !isSparkKind(*base)) return std::nullopt;
  return methodResult(*base, nodeText(field(fn, "attribute"), model.source()));
}

// True when the expression ends in a name that conventionally holds a Spark
// object, or is a chain of Spark methods on one giving the kind asked for, so
// that helper modules which never import pyspark are understood.
bool maybeKind(const Call& c) {
  if (kindIn(c)) return true;
  if (kindWithEvidence(c) != Kind::Unknown) return false;
  if (c.model.importsPyspark() || c.model.isNotebook()) return true;
  // Taking `.rdd` of an untyped value: only DataFrames have one (a class of this
  // file with its own `rdd` is not Unknown).
  TSNode parent = ts_node_parent(c.node);
  if (isType(parent, "attribute") && ts_node_eq(field(parent, "object"), c.node) &&
      nodeText(field(parent, "attribute"), c.model.source()) == "rdd" &&
      std::find(c.p.kinds.begin(), c.p.kinds.end(), Kind::DataFrame) != c.p.kinds.end())
    return true;
  TSNode last = isType(c.node, "attribute") ? field(c.node, "attribute") : c.node;
  if (isType(last, "identifier")) return isSparkLikeName(nodeText(last, c.model.source()));
  auto chain = conventionalChainKind(c.model, c.node, 0);
  return chain && std::any_of(c.p.kinds.begin(), c.p.kinds.end(), [&](Kind wanted) { return isKindOf(*chain, wanted); });
}

// A `#resolves-to?` name: `pyspark.sql.*` is the module and everything under it.
std::pair<std::string_view, bool> resolvesPattern(std::string_view pattern) {
  if (pattern.size() > 2 && pattern.ends_with(".*")) return {pattern.substr(0, pattern.size() - 2), true};
  return {pattern, false};
}

bool resolvesTo(const Call& c) {
  std::string q = c.model.qualifiedName(c.node);
  if (q.empty()) return false;
  for (std::size_t k = 1; k < c.p.args.size(); ++k) {
    auto [name, prefix] = resolvesPattern(c.p.args[k].text);
    if (prefix ? isUnderOrSame(q, name) : q == name) return true;
  }
  return false;
}

template <bool (*F)(const Call&)>
bool negated(const Call& c) {
  return !F(c);
}

}  // namespace

struct PredicateDef {
  std::string_view name;
  int minArgs;  // including the capture
  int maxArgs;  // -1 = unbounded
  bool capture;  // the first argument is a capture
  Args args;
  bool (*evaluate)(const Call&);
  int pretest = 0;  // see pretestCost
};

namespace {

constexpr PredicateDef kPredicates[] = {
    {"eq?", 2, 2, true, Args::TextOrCapture, equal, 1},
    {"not-eq?", 2, 2, true, Args::TextOrCapture, negated<equal>, 1},
    {"any-of?", 2, -1, true, Args::Text, anyText, 1},
    {"not-any-of?", 2, -1, true, Args::Text, negated<anyText>, 1},
    {"match?", 2, 2, true, Args::Regex, matches, 3},
    {"not-match?", 2, 2, true, Args::Regex, negated<matches>, 3},
    {"string-match?", 2, 2, true, Args::Regex, stringMatches},
    {"value-contains?", 2, 2, true, Args::Regex,
     [](const Call& c) { return valueContains(c.model, c.node, topLevelStatement(c.node), *c.p.regex, 0); }},
    {"kind?", 2, -1, true, Args::Kinds, kindIn, 2},
    {"not-kind?", 2, -1, true, Args::Kinds, negated<kindIn>, 2},
    {"maybe-kind?", 2, -1, true, Args::Kinds, maybeKind, 2},
    {"resolves-to?", 2, -1, true, Args::Text, resolvesTo, 2},
    {"not-resolves-to?", 2, -1, true, Args::Text, negated<resolvesTo>, 2},
    {"notebook?", 0, 0, false, Args::None, [](const Call& c) { return c.model.isNotebook(); }, 2},
    {"not-notebook?", 0, 0, false, Args::None, [](const Call& c) { return !c.model.isNotebook(); }, 2},
    {"static-conf?", 1, 1, true, Args::None,
     [](const Call& c) {
       return isType(c.node, "string") && isStaticConfKey(stringContent(c.node, c.model.source()));
     }},
    {"captures-spark?", 1, 1, true, Args::None,
     [](const Call& c) { return capturesOuterSparkObject(c.model, c.node); }},
    {"in-loop?", 1, 1, true, Args::None, [](const Call& c) { return insideLoop(c.node); }},
    {"assigned-in-loop?", 1, 1, true, Args::None,
     [](const Call& c) { return assignedInEnclosingLoop(c.model, c.node); }},
    {"not-assigned-in-loop?", 1, 1, true, Args::None,
     [](const Call& c) { return insideLoop(c.node) && !assignedInEnclosingLoop(c.model, c.node); }},
    {"reads-loop-var?", 1, 1, true, Args::None,
     [](const Call& c) { return readsEnclosingLoopVariable(c.model, c.node); }},
    {"view-reused?", 1, 1, true, Args::None,
     [](const Call& c) { return isType(c.node, "string") && viewNameReused(c.model, c.node); }},
    {"no-action?", 1, 1, true, Args::None, [](const Call& c) { return blockHasNoAction(c.model, c.node); }},
    {"other-session-mixed?", 1, 1, true, Args::None,
     [](const Call& c) { return combinedWithAnotherSession(c.model, c.node); }},
    {"reassigned-in-loop?", 1, 1, true, Args::None,
     [](const Call& c) { return reassignedInEnclosingLoop(c.model, c.node); }},
    {"mutates-outer-state?", 1, 1, true, Args::None,
     [](const Call& c) { return mutatesOuterState(c.model, c.node); }},
    {"unbound?", 1, 1, true, Args::None, [](const Call& c) { return c.model.isUnboundName(c.node); }},
    {"not-import-guarded?", 1, 1, true, Args::None,
     [](const Call& c) { return !insideImportGuard(c.model, c.node); }},
};

}  // namespace

std::string compilePredicate(std::string_view name, std::vector<PredicateArg> args, Predicate& out) {
  const PredicateDef* def = nullptr;
  for (const auto& row : kPredicates)
    if (row.name == name) def = &row;
  std::string shown = "#" + std::string(name);
  if (!def) return "unknown predicate " + shown;
  int n = static_cast<int>(args.size());
  if (n < def->minArgs || (def->maxArgs >= 0 && n > def->maxArgs)) return "wrong number of arguments for " + shown;
  if (def->capture && !args[0].isCapture) return shown + " takes a capture as its first argument";
  for (std::size_t k = 1; k < args.size(); ++k)
    if (args[k].isCapture && def->args != Args::TextOrCapture) return shown + " takes strings after the capture";
  out = Predicate{};
  out.def = def;
  out.args = std::move(args);
  if (def->args == Args::Regex) {
    // Compiling a std::regex costs up to a few hundred thousand instructions
    // (each character class builds a table over every byte), and rules
    // repeat the same expressions: each is compiled once per process.
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const std::regex>, std::less<>> compiled;
    std::lock_guard<std::mutex> lock(mutex);
    auto& regex = compiled[out.args[1].text];
    if (!regex) {
      try {
        regex = std::make_shared<const std::regex>(out.args[1].text, std::regex::ECMAScript);
      } catch (const std::regex_error&) {
        compiled.erase(out.args[1].text);
        return "invalid regular expression in " + shown;
      }
    }
    out.regex = regex;
  }
  if (def->args == Args::Kinds) {
    for (std::size_t k = 1; k < out.args.size(); ++k) {
      auto kind = kindFromName(out.args[k].text);
      if (!kind) return "unknown kind '" + out.args[k].text + "' in " + shown;
      out.kinds.push_back(*kind);
    }
  }
  return {};
}

int pretestCost(const Predicate& predicate) {
  return predicate.args.size() >= 2 && predicate.args[1].isCapture ? 0 : predicate.def->pretest;
}

bool predicateMayHoldIn(const Predicate& predicate, const SemanticModel& model) {
  if (predicate.def->evaluate != resolvesTo) return true;
  // A name resolves through what an import binds (or a wildcard import's
  // module), extended and canonicalised: it lies under one of these roots.
  std::vector<std::string> roots = model.importQualnames();
  for (const auto& module : model.wildcardModules()) roots.push_back(canonicalQualifiedName(module));
  for (std::size_t i = 0; i < roots.size(); ++i)
    for (std::string_view target : canonicalTargetsUnder(roots[i]))
      if (std::find(roots.begin(), roots.end(), target) == roots.end()) roots.emplace_back(target);
  for (std::size_t k = 1; k < predicate.args.size(); ++k) {
    auto [name, prefix] = resolvesPattern(predicate.args[k].text);
    for (const auto& root : roots)
      if (isUnderOrSame(name, root) || (prefix && isUnderOrSame(root, name))) return true;
  }
  return false;
}

bool predicateHolds(const Predicate& predicate, const TSQueryMatch& match, SemanticModel& model) {
  const PredicateDef& def = *predicate.def;
  if (!def.capture) return def.evaluate(Call{predicate, TSNode{}, match, model});
  // A predicate on a capture holds when it holds for every node it captured.
  bool any = false;
  for (std::uint16_t i = 0; i < match.capture_count; ++i) {
    if (match.captures[i].index != predicate.args[0].capture) continue;
    any = true;
    if (!def.evaluate(Call{predicate, match.captures[i].node, match, model})) return false;
  }
  return any;
}

}  // namespace sparkmigrate::analysis
