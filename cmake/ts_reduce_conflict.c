// Inserted by cmake/TreeSitterRuntime.cmake into the build-tree copy of
// tree-sitter's parser.c, before ts_parser__reuse_node; the copy calls it where
// the pinned source computes `table_entry.action_count > 1`. A node made
// by a reduce at a conflict is marked fragile, and an incremental reparse never
// reuses a fragile node whole. Tree-sitter's tables give every state that ends
// a repetition (`repeat(...)`, such as the statements of a module or a block)
// a second action beside the reduce, a shift flagged `repetition`, which the
// parser always skips (parser.c: `if (action.shift.repetition) break;`). Counted
// as a conflict, it made every run of Python statements fragile, so a keystroke
// re-reduced the whole module up to the edit: 27 ms for the first keystroke in
// 10,000 lines of functions, 8 ms with this. Only actions the parser can take
// count here; trees equal a fresh parse's after random edits (syntax_test).
static inline bool ts_parser__reduce_is_ambiguous(const TableEntry *entry) {
  uint32_t taken = 0;
  for (uint32_t i = 0; i < entry->action_count; i++) {
    const TSParseAction *action = &entry->actions[i];
    if (action->type == TSParseActionTypeShift && action->shift.repetition) continue;
    if (++taken > 1) return true;
  }
  return false;
}
