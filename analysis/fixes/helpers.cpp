// The transforms' shared helpers (helpers.h).
#include "analysis/fixes/helpers.h"

#include <array>

namespace sparkmigrate::analysis::fixes {

// `x.name` attribute -> its `name`; "" otherwise.
std::string attributeName(TSNode attr, const FixContext& c) {
  if (!isType(attr, "attribute")) return "";
  return str(field(attr, "attribute"), c);
}

// For a node `n` that is the object of `n.member(...)`: the call node, or null.
TSNode memberCall(TSNode n, const FixContext& c, std::string_view member) {
  TSNode attr = parentNode(n);
  if (!isType(attr, "attribute") || !ts_node_eq(field(attr, "object"), n)) return TSNode{};
  if (attributeName(attr, c) != member) return TSNode{};
  TSNode call = parentNode(attr);
  if (!isType(call, "call") || !ts_node_eq(field(call, "function"), attr)) return TSNode{};
  return call;
}

// For a node `n` that is the object of `n.member`: the member name, and the attribute.
std::pair<std::string, TSNode> memberOf(TSNode n, const FixContext& c) {
  TSNode attr = parentNode(n);
  if (!isType(attr, "attribute") || !ts_node_eq(field(attr, "object"), n)) return {"", TSNode{}};
  return {attributeName(attr, c), attr};
}

std::vector<TSNode> arguments(TSNode call) {
  std::vector<TSNode> out;
  TSNode args = field(call, "arguments");
  if (!isType(args, "argument_list")) return out;
  forEachNamedChild(args, [&](TSNode child) {
    if (nodeType(child) != "comment") out.push_back(child);
  });
  return out;
}

bool allPositional(const std::vector<TSNode>& args) {
  for (TSNode a : args)
    if (isKeyword(a) || isSplat(a)) return false;
  return true;
}

// Text of the arguments between the parentheses, as written.
std::string argumentsText(TSNode call, const FixContext& c) {
  TSNode args = field(call, "arguments");
  std::string_view all = nodeText(args, c.text);
  if (all.size() >= 2 && all.front() == '(' && all.back() == ')')
    return std::string(all.substr(1, all.size() - 2));
  return std::string(all);
}

// True for expressions that can take `.member` without parentheses.
bool isPrimary(TSNode n) {
  static constexpr std::array kPrimary = {
      "identifier", "attribute",  "call",  "subscript", "parenthesized_expression",
      "list",       "dictionary", "tuple", "string",    "list_comprehension"};
  for (auto t : kPrimary)
    if (nodeType(n) == t) return true;
  return false;
}

std::string asReceiver(TSNode n, const FixContext& c) {
  return isPrimary(n) ? str(n, c) : "(" + str(n, c) + ")";
}

// The assignment statement `name = value` at `target` (an identifier), or null.
TSNode assignmentStatement(TSNode target) {
  TSNode assignment = parentNode(target);
  if (!isType(assignment, "assignment") || !ts_node_eq(field(assignment, "left"), target)) return TSNode{};
  TSNode statement = parentNode(assignment);
  if (!isType(statement, "expression_statement") || ts_node_named_child_count(statement) != 1)
    return TSNode{};
  return statement;
}

namespace {

// Is the identifier `definition` (in function `defFn`, null at module level)
// usable at `use` (in `useFn`): bound in the function enclosing `use`, or at
// module level (before `use` when `use` runs at module level).
bool visibleIn(TSNode definition, TSNode defFn, TSNode use, TSNode useFn) {
  if (!ts_node_is_null(defFn)) return !ts_node_is_null(useFn) && ts_node_eq(defFn, useFn);
  if (ts_node_is_null(useFn)) return startOf(definition) < startOf(use);
  return true;
}

}  // namespace

bool simpleName(std::string_view s) {
  bool atStart = true;  // of a component
  for (char ch : s) {
    bool letter = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '_';
    if (ch == '.' && !atStart) {
      atStart = true;
    } else if (letter || (!atStart && ch >= '0' && ch <= '9')) {
      atStart = false;
    } else {
      return false;
    }
  }
  return !atStart;
}

namespace {

// `obj` when `a` is `name = obj.sparkContext` with `obj` a simple name that is
// not known to be something other than a session; null otherwise.
TSNode contextSource(const FixContext& c, const SemanticModel::Assignment& a) {
  if (!isType(a.value, "attribute") || attributeName(a.value, c) != "sparkContext") return TSNode{};
  TSNode object = field(a.value, "object");
  if (!simpleName(nodeText(object, c.text)) || c.model.kindOf(object) == Kind::Other) return TSNode{};
  return object;
}

// True when `name` has a binding anywhere in the file (assignment, parameter,
// import, def): a notebook global it is not.
bool boundInFile(const FixContext& c, std::string_view name) {
  for (TSNode id : c.model.references(name))
    if (!c.model.isUnboundName(id)) return true;
  return false;
}

}  // namespace

// The SparkSession expression to use in place of a SparkContext/SQLContext
// receiver at `use`.
std::optional<std::string> sessionFor(const FixContext& c, TSNode receiver, TSNode use) {
  // spark.sparkContext / df.sparkSession.sparkContext -> the session expression.
  if (isType(receiver, "attribute") && attributeName(receiver, c) == "sparkContext") {
    TSNode object = field(receiver, "object");
    Kind k = c.model.kindOf(object);
    if ((k == Kind::SparkSession || k == Kind::Unknown) && simpleName(nodeText(object, c.text)))
      return str(object, c);
    return std::nullopt;
  }
  TSNode useFn = enclosingFunction(use);
  if (isType(receiver, "identifier")) {
    // sc = spark.sparkContext, the latest such assignment visible here
    // (assignments come in document order).
    const auto& assignments = c.model.assignmentsTo(nodeText(receiver, c.text));
    for (auto a = assignments.rbegin(); a != assignments.rend(); ++a) {
      if (!visibleIn(a->target, a->fn, use, useFn)) continue;
      if (TSNode object = contextSource(c, *a); !ts_node_is_null(object)) return str(object, c);
    }
  }
  // A SparkSession bound in scope: assignments whose value is a session, and
  // names used as one, in the enclosing function or at module level (the
  // locals of other functions, lambdas and classes are not visible).
  // `spark` when it is one of them, else the first in document order.
  const SemanticModel::SessionName* first = nullptr;
  using Shape = SemanticModel::SessionName::Shape;
  for (const auto* scope : c.model.sessionsAround(useFn)) {
    for (const auto* s : *scope) {
      bool visible = true;
      if (s->shape == Shape::Assigned) {
        visible = visibleIn(s->id, s->fn, use, useFn);
      } else if (s->shape == Shape::Used) {
        visible = ts_node_is_null(s->fn) ? (!ts_node_is_null(useFn) || startOf(s->id) < startOf(use))
                                         : (!ts_node_is_null(useFn) && within(s->id, useFn));
      }
      if (!visible) continue;
      if (s->name == "spark") return "spark";
      if (!first || startOf(s->id) < startOf(first->id)) first = s;
    }
  }
  if (first) return std::string(first->name);
  // The notebook/shell global `spark`: in notebooks, when the receiver is
  // itself a global (`sc`, `sqlContext`), or when the file already uses it.
  if (!boundInFile(c, "spark")) {
    TSNode root = receiver;
    while (isType(root, "attribute")) root = field(root, "object");
    if (c.model.isNotebook() || (isType(root, "identifier") && c.model.isUnboundName(root)) ||
        !c.model.references("spark").empty())
      return "spark";
  }
  return std::nullopt;
}

// The whitespace before `node` on its line, or nothing when other text precedes it.
std::string stringLiteralAt(TSNode node, std::string_view text, const FixContext& c) {
  char quote = '"';
  for (TSNode n = parentNode(node); !ts_node_is_null(n); n = parentNode(n)) {
    if (!isType(n, "string")) continue;
    std::string_view literal = nodeText(n, c.text);
    std::size_t open = literal.find_first_of("'\"");
    if (open != std::string_view::npos && literal[open] == '"') quote = '\'';
    break;
  }
  return quote + std::string(text) + quote;
}

std::optional<std::string> indentOf(TSNode node, const FixContext& c) {
  std::uint32_t start = startOf(node), lineStart = start;
  while (lineStart > 0 && c.text[lineStart - 1] != '\n') --lineStart;
  std::string_view before = c.text.substr(lineStart, start - lineStart);
  if (before.find_first_not_of(" \t") != std::string_view::npos) return std::nullopt;
  return std::string(before);
}

// True when no name the import statement binds is used outside imports
// (`import a.b` binds `a`; `import a as x` and `from m import a as x` bind `x`);
// false for wildcard imports and names it cannot tell.
bool importUnused(TSNode statement, const FixContext& c) {
  bool allUnused = true, any = false;
  TSFieldId nameField = fieldId("name");
  TSTreeCursor cursor = ts_tree_cursor_new(statement);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      if (ts_tree_cursor_current_field_id(&cursor) != nameField) continue;
      TSNode n = ts_tree_cursor_current_node(&cursor);
      TSNode bound = isType(n, "aliased_import") ? field(n, "alias") : n;
      if (isType(bound, "dotted_name") && isType(statement, "import_statement"))
        bound = ts_node_named_child(bound, 0);
      any = true;
      if (!isType(bound, "identifier") &&
          !(isType(bound, "dotted_name") && ts_node_named_child_count(bound) == 1))
        allUnused = false;
      else if (fixutil::usesOutsideImports(c.model.references(nodeText(bound, c.text))) > 0)
        allUnused = false;
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return any && allUnused;
}

}  // namespace sparkmigrate::analysis::fixes
