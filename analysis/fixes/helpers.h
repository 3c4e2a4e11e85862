// What the fix transforms share: reading the match's nodes (members, calls,
// arguments, assignments, scopes), building edits, and finding the
// SparkSession to use in place of a SparkContext or SQLContext receiver
// (sessionFor). Only the transforms in analysis/fixes/ include this;
// everything else reaches fixes through analysis/fix.h.
#pragma once

#include "analysis/fix.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sparkmigrate::analysis::fixes {

using Out = std::optional<TransformOutput>;

// ---- Nodes and text

inline std::string str(TSNode node, const FixContext& c) {
  return std::string(nodeText(node, c.text));
}
inline std::uint32_t startOf(TSNode n) {
  return ts_node_start_byte(n);
}
inline std::uint32_t endOf(TSNode n) {
  return ts_node_end_byte(n);
}
inline TSNode parentNode(TSNode node) {
  return ts_node_is_null(node) ? node : parentOf(node);
}
// True when `inner` lies inside `outer` (or is it).
inline bool within(TSNode inner, TSNode outer) {
  return startOf(outer) <= startOf(inner) && endOf(inner) <= endOf(outer);
}
// A dotted name (`a`, `a.b.c`).
bool simpleName(std::string_view s);
// `text` as a Python string literal that can stand at `node`: in double
// quotes, or in single quotes inside an f-string delimited by double quotes
// (before Python 3.12 an f-string cannot reuse its own quote).
std::string stringLiteralAt(TSNode node, std::string_view text, const FixContext& c);
// The whitespace before `node` on its line, or nothing when other text precedes it.
std::optional<std::string> indentOf(TSNode node, const FixContext& c);

// ---- Members, calls and arguments

// `x.name` attribute -> its `name`; "" otherwise.
std::string attributeName(TSNode attr, const FixContext& c);
// For a node `n` that is the object of `n.member(...)`: the call node, or null.
TSNode memberCall(TSNode n, const FixContext& c, std::string_view member);
// For a node `n` that is the object of `n.member`: the member name, and the attribute.
std::pair<std::string, TSNode> memberOf(TSNode n, const FixContext& c);
// A call's arguments (comments skipped).
std::vector<TSNode> arguments(TSNode call);
inline bool isKeyword(TSNode arg) {
  return isType(arg, "keyword_argument");
}
inline bool isSplat(TSNode arg) {
  return isType(arg, "list_splat") || isType(arg, "dictionary_splat");
}
// No keyword or splat among them.
bool allPositional(const std::vector<TSNode>& args);
// Text of the arguments between the parentheses, as written.
std::string argumentsText(TSNode call, const FixContext& c);
// True for expressions that can take `.member` without parentheses.
bool isPrimary(TSNode n);
// The expression as the receiver of `.member`: parenthesised unless primary.
std::string asReceiver(TSNode n, const FixContext& c);

// ---- Statements and scopes

// The assignment statement `name = value` at `target` (an identifier), or null.
TSNode assignmentStatement(TSNode target);
// True when no name the import statement binds is used outside imports
// (`import a.b` binds `a`; `import a as x` and `from m import a as x` bind `x`);
// false for wildcard imports and names it cannot tell.
bool importUnused(TSNode statement, const FixContext& c);

// ---- Edits

inline Edit replace(TSNode node, std::string text) {
  return Edit{{startOf(node), endOf(node)}, std::move(text)};
}
inline Out single(Edit edit) {
  return TransformOutput{{std::move(edit)}, {}};
}

// ---- The session

// The SparkSession expression to use in place of a SparkContext/SQLContext
// receiver at `use`: the session `spark.sparkContext` came from, the one
// `sc = spark.sparkContext` names, a session bound in scope, or the
// notebook/shell global `spark`; nothing when none is known.
std::optional<std::string> sessionFor(const FixContext& c, TSNode receiver, TSNode use);

}  // namespace sparkmigrate::analysis::fixes
