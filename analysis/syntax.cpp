// Implementation of the tree-sitter wrappers: a thread-local parser, string
// literal decoding and the error-subtree test that lets rules skip broken code.
#include "analysis/syntax.h"

extern "C" const TSLanguage* tree_sitter_python(void);

namespace sparkmigrate::analysis {

const TSLanguage* pythonLanguage() { return tree_sitter_python(); }

namespace {
struct ParserHolder {
  TSParser* parser = ts_parser_new();
  ParserHolder() { ts_parser_set_language(parser, pythonLanguage()); }
  ~ParserHolder() { ts_parser_delete(parser); }
};
}  // namespace

TreePtr parsePython(std::string_view text, const TSTree* old) {
  thread_local ParserHolder holder;
  TSTree* tree = ts_parser_parse_string(holder.parser, old, text.data(),
                                        static_cast<std::uint32_t>(text.size()));
  return TreePtr(tree);
}

std::string stringContent(TSNode node, std::string_view source) {
  if (isType(node, "concatenated_string")) {
    std::string out;
    for (std::uint32_t i = 0; i < ts_node_named_child_count(node); ++i)
      out += stringContent(ts_node_named_child(node, i), source);
    return out;
  }
  if (!isType(node, "string")) return {};
  std::string out;
  for (std::uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
    TSNode child = ts_node_named_child(node, i);
    std::string_view type = nodeType(child);
    if (type == "string_content" || type == "escape_sequence") out += nodeText(child, source);
    else if (type == "interpolation") return {};
  }
  return out;
}

bool insideError(TSNode node) {
  if (ts_node_is_missing(node)) return true;
  for (TSNode n = node; !ts_node_is_null(n); n = ts_node_parent(n))
    if (ts_node_is_error(n)) return true;
  return false;
}

}  // namespace sparkmigrate::analysis
