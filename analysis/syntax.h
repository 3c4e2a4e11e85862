// Thin RAII layer over tree-sitter for Python: parsing (fresh or incremental
// from an edited old tree), node helpers that read text and fields, and the
// grammar handle. Everything else in analysis/ uses these helpers instead of
// the raw C API where it can.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <string>
#include <string_view>

namespace sparkmigrate::analysis {

const TSLanguage* pythonLanguage();

struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

// Parses `text` as Python. With `old`, which must already have had the edits
// applied with ts_tree_edit, parsing reuses the unchanged parts. Never fails on
// bad code: syntax errors become ERROR/MISSING nodes. Thread-safe (one parser
// per thread).
TreePtr parsePython(std::string_view text, const TSTree* old = nullptr);

inline std::string_view nodeText(TSNode node, std::string_view source) {
  std::uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  if (start > source.size() || end > source.size() || end < start) return {};
  return source.substr(start, end - start);
}

inline std::string_view nodeType(TSNode node) { return ts_node_type(node); }

inline TSNode field(TSNode node, std::string_view name) {
  return ts_node_child_by_field_name(node, name.data(), static_cast<std::uint32_t>(name.size()));
}

inline bool isType(TSNode node, std::string_view type) {
  return !ts_node_is_null(node) && nodeType(node) == type;
}

// The literal content of a Python string node (no prefix, no quotes, escapes
// left as written); empty for f-strings with interpolations.
std::string stringContent(TSNode node, std::string_view source);

// True when `node` or one of its ancestors is an ERROR node, or it is MISSING.
bool insideError(TSNode node);

}  // namespace sparkmigrate::analysis
