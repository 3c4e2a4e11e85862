# The tree-sitter runtime library (ts_runtime), built from the pinned npm
# sources with four changes: ts_query_new_unanalyzed (cmake/ts_query_unanalyzed.c),
# which compiles a query without tree-sitter's parse-table analysis; two that
# let an incremental reparse of Python reuse what an edit did not touch: a
# reduce is fragile only at a real conflict, not at the repetition shift the
# parser always skips (cmake/ts_reduce_conflict.c), and a subtree whose first
# token the lexer-mode check refuses is reused when lexing that token again
# gives the same token (cmake/ts_reuse_first_leaf.c); and ts_node_walk_named
# (cmake/ts_named_walk.c), a walk of the named nodes over the private child
# iterator, appended to the translation unit. The vendored files are not
# modified: query.c and parser.c are copied into the build tree with the lines
# these changes edit replaced and their additions inserted, and a generated
# lib.c includes those copies beside the other unmodified sources. Configuring
# fails if a pinned source no longer has a line it edits.
set(ts_gen "${CMAKE_BINARY_DIR}/ts_runtime")

# In the pinned source held by variable `var` (of `file`), replaces `line` with
# `replacement`; configuring fails when the source no longer has the line.
function(ts_replace var file line replacement)
  string(FIND "${${var}}" "${line}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "tree-sitter's ${file} has changed: cmake/TreeSitterRuntime.cmake must be updated")
  endif()
  string(REPLACE "${line}" "${replacement}" edited "${${var}}")
  set(${var} "${edited}" PARENT_SCOPE)
endfunction()

# Inserts the files `additions` (of cmake/) before `anchor`, the definition
# of the first function that uses them.
function(ts_insert_before var file anchor)
  set(text "")
  foreach(addition ${ARGN})
    file(READ "${CMAKE_SOURCE_DIR}/cmake/${addition}" part)
    string(APPEND text "${part}\n")
  endforeach()
  ts_replace(${var} ${file} "${anchor}" "${text}${anchor}")
  set(${var} "${${var}}" PARENT_SCOPE)
endfunction()

file(READ "${TS_CORE_DIR}/src/query.c" ts_query_source)
ts_replace(ts_query_source query.c "if (!ts_query__analyze_patterns(self, error_offset)) {"
           "if (!(ts_query__skip_analysis ? ts_query__mark_captures_only(self) : ts_query__analyze_patterns(self, error_offset))) {")
ts_insert_before(ts_query_source query.c "TSQuery *ts_query_new(" ts_query_unanalyzed.c)
file(CONFIGURE OUTPUT "${ts_gen}/query.c" CONTENT "${ts_query_source}" @ONLY)

file(READ "${TS_CORE_DIR}/src/parser.c" ts_parser_source)
ts_replace(ts_parser_source parser.c "bool is_fragile = table_entry.action_count > 1;"
           "bool is_fragile = ts_parser__reduce_is_ambiguous(&table_entry);")
ts_replace(ts_parser_source parser.c "if (!ts_parser__can_reuse_first_leaf(self, *state, result, table_entry)) {"
           "if (!ts_parser__can_reuse_first_leaf(self, *state, result, table_entry) &&\n        !ts_parser__first_leaf_lexes_same(self, version, *state, result, table_entry)) {")
ts_insert_before(ts_parser_source parser.c "static Subtree ts_parser__reuse_node("
                 ts_reduce_conflict.c ts_reuse_first_leaf.c)
file(CONFIGURE OUTPUT "${ts_gen}/parser.c" CONTENT "${ts_parser_source}" @ONLY)
set(ts_lib "")
foreach(part alloc get_changed_ranges language lexer node parser query stack subtree tree_cursor tree wasm_store)
  if(part STREQUAL "query" OR part STREQUAL "parser")
    string(APPEND ts_lib "#include \"${ts_gen}/${part}.c\"\n")
  else()
    string(APPEND ts_lib "#include \"${TS_CORE_DIR}/src/${part}.c\"\n")
  endif()
endforeach()
string(APPEND ts_lib "#include \"${CMAKE_SOURCE_DIR}/cmake/ts_named_walk.c\"\n")
file(CONFIGURE OUTPUT "${ts_gen}/lib.c" CONTENT "${ts_lib}" @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${TS_CORE_DIR}/src/query.c" "${TS_CORE_DIR}/src/parser.c"
             "${CMAKE_SOURCE_DIR}/cmake/ts_query_unanalyzed.c" "${CMAKE_SOURCE_DIR}/cmake/ts_reduce_conflict.c"
             "${CMAKE_SOURCE_DIR}/cmake/ts_reuse_first_leaf.c"
             "${CMAKE_SOURCE_DIR}/cmake/ts_named_walk.c")

add_library(ts_runtime STATIC "${ts_gen}/lib.c")
target_include_directories(ts_runtime SYSTEM PUBLIC ${TS_CORE_DIR}/include
                           PRIVATE ${TS_CORE_DIR}/src ${TS_CORE_DIR}/src/wasm)
target_compile_definitions(ts_runtime PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
target_compile_options(ts_runtime PRIVATE -w)
