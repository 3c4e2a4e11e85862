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
file(READ "${TS_CORE_DIR}/src/query.c" ts_query_source)
set(ts_call "if (!ts_query__analyze_patterns(self, error_offset)) {")
string(FIND "${ts_query_source}" "${ts_call}" ts_at)
if(ts_at EQUAL -1)
  message(FATAL_ERROR "tree-sitter's query.c has changed: cmake/TreeSitterRuntime.cmake must be updated")
endif()
string(REPLACE "${ts_call}"
       "if (!(ts_query__skip_analysis ? ts_query__mark_captures_only(self) : ts_query__analyze_patterns(self, error_offset))) {"
       ts_query_source "${ts_query_source}")
file(READ "${CMAKE_SOURCE_DIR}/cmake/ts_query_unanalyzed.c" ts_addition)
# The addition's declarations go before ts_query_new, which uses them.
string(FIND "${ts_query_source}" "TSQuery *ts_query_new(" ts_at)
string(SUBSTRING "${ts_query_source}" 0 ${ts_at} ts_head)
string(SUBSTRING "${ts_query_source}" ${ts_at} -1 ts_tail)
file(CONFIGURE OUTPUT "${ts_gen}/query.c" CONTENT "${ts_head}\n${ts_addition}\n${ts_tail}" @ONLY)
file(READ "${TS_CORE_DIR}/src/parser.c" ts_parser_source)
set(ts_line "bool is_fragile = table_entry.action_count > 1;")
string(FIND "${ts_parser_source}" "${ts_line}" ts_at)
if(ts_at EQUAL -1)
  message(FATAL_ERROR "tree-sitter's parser.c has changed: cmake/TreeSitterRuntime.cmake must be updated")
endif()
string(REPLACE "${ts_line}" "bool is_fragile = ts_parser__reduce_is_ambiguous(&table_entry);"
       ts_parser_source "${ts_parser_source}")
set(ts_line "if (!ts_parser__can_reuse_first_leaf(self, *state, result, table_entry)) {")
string(FIND "${ts_parser_source}" "${ts_line}" ts_at)
string(FIND "${ts_parser_source}" "static Subtree ts_parser__reuse_node(" ts_before)
if(ts_at EQUAL -1 OR ts_before EQUAL -1)
  message(FATAL_ERROR "tree-sitter's parser.c has changed: cmake/TreeSitterRuntime.cmake must be updated")
endif()
string(REPLACE "${ts_line}"
       "if (!ts_parser__can_reuse_first_leaf(self, *state, result, table_entry) &&\n        !ts_parser__first_leaf_lexes_same(self, version, *state, result, table_entry)) {"
       ts_parser_source "${ts_parser_source}")
file(READ "${CMAKE_SOURCE_DIR}/cmake/ts_reuse_first_leaf.c" ts_addition)
string(SUBSTRING "${ts_parser_source}" 0 ${ts_before} ts_head)
string(SUBSTRING "${ts_parser_source}" ${ts_before} -1 ts_tail)
set(ts_parser_source "${ts_head}${ts_addition}\n${ts_tail}")
file(CONFIGURE OUTPUT "${ts_gen}/parser.c" CONTENT "${ts_parser_source}" @ONLY)
set(ts_lib "")
foreach(part alloc get_changed_ranges language lexer node parser query stack subtree tree_cursor tree wasm_store)
  if(part STREQUAL "query")
    string(APPEND ts_lib "#include \"${ts_gen}/query.c\"\n")
  elseif(part STREQUAL "parser")
    string(APPEND ts_lib "#include \"${CMAKE_SOURCE_DIR}/cmake/ts_reduce_conflict.c\"\n")
    string(APPEND ts_lib "#include \"${ts_gen}/parser.c\"\n")
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
