// Inserted by cmake/TreeSitterRuntime.cmake into the build-tree copy of
// tree-sitter's parser.c, before ts_parser__reuse_node, which calls it when the
// pinned check refuses a subtree's first token. That check compares the lexer
// modes of the state the token was first lexed in and the parser's state now;
// in Python's grammar nearly every statement begins in a state where the
// external scanner (newlines, indents, dedents) may also answer, so the modes
// rarely match and every statement after an edit was rebuilt, up to the end of
// the file. Here the token is lexed again in the current state instead: when
// the lexer gives the same token (symbol, keyword or not, padding, size, and
// for an external token the scanner's state) the subtree is reused as it
// would be had the modes matched. Only subtrees with children are
// considered; a token is simply lexed anew. Trees equal a fresh parse's after
// random edits (test/unit/syntax_test.cpp).
static bool ts_parser__first_leaf_lexes_same(TSParser *self, StackVersion version, TSStateId state,
                                             Subtree tree, const TableEntry *table_entry) {
  if (ts_subtree_child_count(tree) == 0 || table_entry->action_count == 0) return false;
  Subtree leaf = tree;
  while (ts_subtree_child_count(leaf) > 0) leaf = ts_subtree_children(leaf)[0];
  bool scanner_error = self->has_scanner_error;
  Subtree token = ts_parser__lex(self, version, state);
  bool same = token.ptr && !self->has_scanner_error &&
              ts_subtree_symbol(token) == ts_subtree_symbol(leaf) &&
              ts_subtree_is_keyword(token) == ts_subtree_is_keyword(leaf) &&
              ts_subtree_padding(token).bytes == ts_subtree_padding(leaf).bytes &&
              ts_subtree_size(token).bytes == ts_subtree_size(leaf).bytes &&
              ts_subtree_has_external_tokens(token) == ts_subtree_has_external_tokens(leaf) &&
              (!ts_subtree_has_external_tokens(token) || ts_subtree_external_scanner_state_eq(token, leaf));
  self->has_scanner_error = scanner_error;
  if (token.ptr) ts_subtree_release(&self->tree_pool, token);
  return same;
}
