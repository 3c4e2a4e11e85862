// Appended by cmake/TreeSitterRuntime.cmake to tree-sitter's query.c (it needs
// that file's private types). ts_query_new runs a static analysis of every
// pattern against the grammar's parse table: it proves some steps cannot fail,
// so that a cursor need not keep alternative states for them, and it rejects
// patterns that can never match. For sparkmigrate's rules that analysis cost
// ten times what matching a file does, and it is paid afresh by every run. The
// built-in rules are analysed when the unit tests load them with full
// validation (ts_query_new), so a run compiles them with
// ts_query_new_unanalyzed: every step counts as fallible, which is what
// tree-sitter itself assumes when its analysis gives up on a pattern; matches
// are the same, the cursor only keeps a few more candidate states.

static _Thread_local bool ts_query__skip_analysis = false;

// What the analysis computes that matching needs whatever else is known:
// which steps hold a capture themselves or in a step below them.
static bool ts_query__mark_captures_only(TSQuery *self) {
  for (unsigned i = 0; i < self->steps.size; i++) {
    QueryStep *step = array_get(&self->steps, i);
    if (step->depth == PATTERN_DONE_MARKER) continue;
    step->contains_captures = step->capture_ids[0] != NONE;
    for (unsigned j = i + 1; j < self->steps.size && !step->contains_captures; j++) {
      QueryStep *next_step = array_get(&self->steps, j);
      if (next_step->depth == PATTERN_DONE_MARKER || next_step->depth <= step->depth) break;
      if (next_step->capture_ids[0] != NONE) step->contains_captures = true;
    }
  }
  return true;
}

TSQuery *ts_query_new_unanalyzed(
  const TSLanguage *language,
  const char *source,
  uint32_t source_len,
  uint32_t *error_offset,
  TSQueryError *error_type
) {
  ts_query__skip_analysis = true;
  TSQuery *query = ts_query_new(language, source, source_len, error_offset, error_type);
  ts_query__skip_analysis = false;
  return query;
}
