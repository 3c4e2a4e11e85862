// Thin RAII layer over tree-sitter for Python: parsing (fresh or incremental
// from an edited old tree), node helpers that read text and fields, and the
// grammar handle. Everything else in analysis/ uses these helpers instead of
// the raw C API where it can.
#pragma once

#include "analysis/source.h"
#include "support/cancel.h"

#include <tree_sitter/api.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sparkmigrate::analysis {

const TSLanguage* pythonLanguage();

struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

// Parses `text` as Python. With `old`, which must already have had the edits
// applied with ts_tree_edit, parsing reuses the unchanged parts. Never fails on
// bad code: syntax errors become ERROR/MISSING nodes. Thread-safe (one parser
// per thread). With `cancel`, parsing stops when it is cancelled (a document
// of many megabytes takes seconds) and the result is null.
TreePtr parsePython(std::string_view text, const TSTree* old = nullptr,
                    const support::CancellationToken* cancel = nullptr);

// The tree-sitter edit for replacing `range` of a text (whose line index is
// `lines`) with `inserted`, to pass to ts_tree_edit before a reparse.
TSInputEdit inputEdit(const LineIndex& lines, ByteRange range, std::string_view inserted);

// Calls fn(token, offset) for each identifier-like token of `text` (a letter
// or `_` followed by letters, digits and `_`). Documents and trigger words
// are tokenized the same way, so a trigger word is found exactly when it can
// match.
// Whether `c` may start (`start`) or continue an identifier-like token: a
// table, as this runs over every byte of every file checked.
inline bool isTokenChar(char c, bool start) {
  static constexpr auto table = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c) {
      bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      t[c] = static_cast<unsigned char>((letter ? 1 : 0) | (letter || (c >= '0' && c <= '9') ? 2 : 0));
    }
    return t;
  }();
  return table[static_cast<unsigned char>(c)] & (start ? 1 : 2);
}

template <typename Fn>
inline void forEachToken(std::string_view text, Fn&& fn) {
  for (std::size_t i = 0; i < text.size();) {
    if (!isTokenChar(text[i], true)) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < text.size() && isTokenChar(text[j], false)) ++j;
    fn(text.substr(i, j - i), static_cast<std::uint32_t>(i));
    i = j;
  }
}

inline std::string_view nodeText(TSNode node, std::string_view source) {
  std::uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  if (start > source.size() || end > source.size() || end < start) return {};
  return source.substr(start, end - start);
}

// The name of a grammar symbol (what ts_node_type gives for a node of it).
std::string_view symbolName(TSSymbol symbol);

inline std::string_view nodeType(TSNode node) {
  return symbolName(ts_node_symbol(node));
}

}  // namespace sparkmigrate::analysis

// cmake/ts_named_walk.c, in the tree-sitter runtime: the children of `node`
// (the named ones alone, or all) as a cursor reaches them, until visit
// returns false.
extern "C" void ts_node_each_child(TSNode node, bool named_only, bool (*visit)(void*, TSNode), void* payload);
// The same: the subtree a node stands for, shared by the versions of a tree
// where the code did not change (NULL for a small inline subtree).
extern "C" const void* ts_node_subtree_id(TSNode node);

namespace sparkmigrate::analysis {
namespace detail {
// A callback that returns bool stops the walk by returning false.
template <typename Fn>
bool visitChild(void* fn, TSNode child) {
  if constexpr (std::is_same_v<std::invoke_result_t<Fn&, TSNode>, bool>) {
    return (*static_cast<Fn*>(fn))(child);
  } else {
    (*static_cast<Fn*>(fn))(child);
    return true;
  }
}
}  // namespace detail

// The grammar's id for a field name (0 when unknown), from a table built once.
TSFieldId fieldId(std::string_view name);

inline TSNode field(TSNode node, std::string_view name) {
  return ts_node_child_by_field_id(node, fieldId(name));
}

inline bool isType(TSNode node, std::string_view type) {
  return !ts_node_is_null(node) && nodeType(node) == type;
}

// The literal content of a Python string node (no prefix, no quotes, escapes
// left as written); empty for f-strings with interpolations.
std::string stringContent(TSNode node, std::string_view source);

// True when `node` or one of its ancestors is an ERROR node, or it is MISSING.
bool insideError(TSNode node);

// Calls fn(child) for each named child, in order, until fn returns false
// (when it returns bool). Linear in the number of children
// (ts_node_named_child(node, i) is O(i), so index loops over a large module
// are quadratic).
template <typename Fn>
void forEachNamedChild(TSNode node, Fn&& fn) {
  ts_node_each_child(node, true, &detail::visitChild<std::remove_reference_t<Fn>>, &fn);
}

// Same for every child, named or not (comments, punctuation).
template <typename Fn>
void forEachChild(TSNode node, Fn&& fn) {
  ts_node_each_child(node, false, &detail::visitChild<std::remove_reference_t<Fn>>, &fn);
}

// Calls fn(n) for `node` and every node below it (named or not), in document
// order, with one tree cursor; stops early when fn returns false.
template <typename Fn>
void forEachDescendant(TSNode node, Fn&& fn) {
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  while (fn(ts_tree_cursor_current_node(&cursor))) {
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool advanced = false;
    while (!advanced && !(advanced = ts_tree_cursor_goto_next_sibling(&cursor)))
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    if (!advanced) break;
  }
  ts_tree_cursor_delete(&cursor);
}

// Calls fn(n) for `node` and the nodes below it (named or not), in document
// order, without recursion (so any depth of nesting is safe); fn returns
// whether to visit n's children.
template <typename Fn>
void visitTree(TSNode node, Fn&& fn) {
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  bool descend = fn(ts_tree_cursor_current_node(&cursor));
  for (;;) {
    if (!(descend && ts_tree_cursor_goto_first_child(&cursor))) {
      bool advanced = false;
      while (!(advanced = ts_tree_cursor_goto_next_sibling(&cursor)))
        if (!ts_tree_cursor_goto_parent(&cursor)) break;
      if (!advanced) break;
    }
    descend = fn(ts_tree_cursor_current_node(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
}

// The parent of `node`. ts_node_parent walks down from the root scanning
// siblings, which is linear in the size of a large module; while a
// ParentIndex for the node's tree is alive on this thread, the top level is
// found by binary search instead.
TSNode parentOf(TSNode node);

// The innermost def or lambda around `n` (not `n` itself), or null.
TSNode enclosingFunction(TSNode n);

// The smallest node (named or not) that contains byte `offset`; with an
// active ParentIndex for root's tree the top level is found by binary search.
TSNode descendantAt(TSNode root, std::uint32_t offset);

// True for the node types that open a Python scope (def, lambda, class).
inline bool isScopeNode(std::string_view type) {
  return type == "function_definition" || type == "lambda" || type == "class_definition";
}

// Where imports a fix needs are added: after the module's leading run of
// imports (docstring, comments and `from __future__` included), else before
// the first statement.
std::uint32_t importInsertionPoint(TSNode root, std::string_view text);

// Where a new import line (`import sys`, `from functools import reduce`) goes
// and the text inserted there, placed as isort places it among the module's
// leading imports: in its section (__future__, standard library, third
// party), `import x` lines before `from x import y` lines, by module name; a
// section of its own is set off by a blank line; with no imports at all,
// after the docstring and followed by a blank line before the code.
struct ImportInsertion {
  std::uint32_t at = 0;
  std::string text;
};
ImportInsertion placeImport(TSNode root, std::string_view text, std::string_view line);

class ParentIndex {
 public:
  // Serves parentOf() and descendantAt() on the calling thread from now on
  // (use()).
  explicit ParentIndex(TSNode root);
  ~ParentIndex();
  ParentIndex(const ParentIndex&) = delete;
  ParentIndex& operator=(const ParentIndex&) = delete;
  // parentOf() and descendantAt() on a thread use the last ParentIndex that
  // started serving there and has not stopped (a stack, like the objects'
  // lifetimes). One kept past the code that made it (a model the project
  // index hands to the check, which may run on another thread) stops serving
  // its maker's thread with release() and starts on the thread that uses it
  // with use(); it stops there when destroyed.
  void release();
  void use();
  TSNode parent(TSNode node) const;
  const TSTree* tree() const { return root_.tree; }
  // The root's children (the module's top-level statements and comments).
  const std::vector<TSNode>& topLevel() const { return top_; }
  // The identifiers named `name` that are references (not `x.name` members,
  // not `f(name=...)` keywords), in document order; all names are indexed in
  // one pass over nodes() on first use. `text` is the text the tree was
  // parsed from; forgetReferences() drops the index (before `text` goes).
  const std::vector<TSNode>& references(std::string_view text, std::string_view name);
  void forgetReferences();

  // Every named node of the tree in document order, the root first: with
  // its symbol, the field it fills in its parent (0: none), the position of
  // its parent in this list and the position just past its last descendant.
  // Made in one walk on first use, so the analyses that look at every node
  // (rule matching, project calls, sessions, references) share that walk: a
  // tree cursor costs several hundred instructions per node.
  struct Node {
    TSNode node;
    TSSymbol symbol;
    TSFieldId field;
    std::uint32_t parent;  // kNoParent for the root
    std::uint32_t end;
  };
  static constexpr std::uint32_t kNoParent = UINT32_MAX;
  const std::vector<Node>& nodes();
  // The positions in nodes() of `node` and its descendants, [first, second);
  // empty when `node` is not a named node of the tree.
  std::pair<std::size_t, std::size_t> subtree(TSNode node);
  // Appends the named children of `node` that fill a field, with the field:
  // from nodes() when it is made, otherwise with a cursor over the children.
  void fieldChildren(TSNode node, std::vector<std::pair<TSFieldId, TSNode>>& out);
  // Calls fn(node, symbol) for the named nodes of `node`'s subtree in
  // document order, until fn returns false: from nodes() when it is made or
  // `node` is the root (which makes it), otherwise with a cursor over that
  // subtree alone (after an edit the language server analyses a few
  // statements of a large file, which does not pay for walking all of it).
  template <typename Fn>
  void forEachNamedIn(TSNode node, Fn&& fn) {
    if (nodes_.empty() && !ts_node_eq(node, root_)) {
      forEachDescendant(node, [&](TSNode n) { return !ts_node_is_named(n) || fn(n, ts_node_symbol(n)); });
      return;
    }
    auto [first, last] = subtree(node);
    for (std::size_t i = first; i < last; ++i)
      if (!fn(nodes_[i].node, nodes_[i].symbol)) return;
  }

 private:
  friend TSNode descendantAt(TSNode, std::uint32_t);
  TSNode root_;
  std::vector<TSNode> top_;
  ParentIndex* previous_ = nullptr;
  bool serving_ = false;
  std::vector<Node> nodes_;
  bool referencesBuilt_ = false;
  std::unordered_map<std::string_view, std::vector<TSNode>> references_;
};

}  // namespace sparkmigrate::analysis
