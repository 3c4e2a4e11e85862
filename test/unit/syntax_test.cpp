// Unit tests for the syntax layer's shared walk: ParentIndex::nodes() (made by
// cmake/ts_named_walk.c over tree-sitter's private child iterator) must list
// exactly what a public tree cursor's walk finds, with the same fields and
// parents, on real files and on the shapes where fields are inherited through
// hidden nodes, children are extras, or nesting is deep. And the runtime's
// incremental reparse: it reuses what an edit did not touch and gives the tree
// a fresh parse gives.
#include "analysis/syntax.h"

#include "fixtures.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <set>
#include <string>
#include <vector>

using namespace sparkmigrate::analysis;
using sparkmigrate::test::readFile;
using sparkmigrate::test::sourceDir;

namespace {

struct Seen {
  TSNode node;
  TSSymbol symbol;
  TSFieldId field;
  std::uint32_t parent;
};

// Every named node with its field and nearest named ancestor, from a cursor.
std::vector<Seen> cursorWalk(TSNode root) {
  std::vector<Seen> out;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  std::vector<std::uint32_t> around;
  while (true) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    std::uint32_t parent = around.empty() ? ParentIndex::kNoParent : around.back(), self = parent;
    if (ts_node_is_named(node)) {
      self = static_cast<std::uint32_t>(out.size());
      out.push_back({node, ts_node_symbol(node), ts_tree_cursor_current_field_id(&cursor), parent});
    }
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      around.push_back(self);
      continue;
    }
    bool advanced = false;
    while (!advanced) {
      if (ts_tree_cursor_goto_next_sibling(&cursor))
        advanced = true;
      else if (ts_tree_cursor_goto_parent(&cursor))
        around.pop_back();
      else
        break;
    }
    if (!advanced) break;
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

void checkSame(const std::string& text) {
  TreePtr tree = parsePython(text);
  TSNode root = ts_tree_root_node(tree.get());
  ParentIndex index(root);
  const auto& nodes = index.nodes();
  std::vector<Seen> expected = cursorWalk(root);
  REQUIRE(nodes.size() == expected.size());
  // Differences are collected, not asserted one by one: the files hold many
  // thousands of nodes.
  std::vector<std::string> differences;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const auto& got = nodes[i];
    const Seen& want = expected[i];
    std::uint32_t end = got.end;
    bool descendantsInside = true;
    for (std::size_t k = i + 1; k < end && k < nodes.size(); ++k)
      descendantsInside = descendantsInside && nodes[k].parent >= i;
    bool endsPastIt =
        end > i && end <= nodes.size() &&
        (end == nodes.size() || ts_node_start_byte(nodes[end].node) >= ts_node_end_byte(got.node));
    if (!ts_node_eq(got.node, want.node) || got.symbol != want.symbol || got.field != want.field ||
        got.parent != want.parent || !descendantsInside || !endsPastIt)
      differences.push_back("node " + std::to_string(i) + " (" + ts_node_type(want.node) + ")");
  }
  CHECK(differences == std::vector<std::string>{});

  // Each node's children, named or all, as forEachNamedChild and forEachChild
  // list them, against a cursor's first-child/next-sibling steps; and each
  // node's type as nodeType names it.
  std::size_t childDifferences = 0, typeDifferences = 0;
  visitTree(root, [&](TSNode node) {
    std::vector<TSNode> all, named, gotAll, gotNamed;
    TSTreeCursor cursor = ts_tree_cursor_new(node);
    if (ts_tree_cursor_goto_first_child(&cursor)) do {
        TSNode child = ts_tree_cursor_current_node(&cursor);
        all.push_back(child);
        if (ts_node_is_named(child)) named.push_back(child);
      } while (ts_tree_cursor_goto_next_sibling(&cursor));
    ts_tree_cursor_delete(&cursor);
    forEachChild(node, [&](TSNode child) { gotAll.push_back(child); });
    forEachNamedChild(node, [&](TSNode child) { gotNamed.push_back(child); });
    auto same = [](const std::vector<TSNode>& a, const std::vector<TSNode>& b) {
      return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), ts_node_eq);
    };
    if (!same(all, gotAll) || !same(named, gotNamed)) ++childDifferences;
    if (nodeType(node) != std::string_view(ts_node_type(node))) ++typeDifferences;
    return true;
  });
  CHECK(childDifferences == 0);
  CHECK(typeDifferences == 0);
}

}  // namespace

TEST_CASE("field ids are the grammar's own for every field name, and 0 for any other name") {
  const TSLanguage* language = pythonLanguage();
  for (TSFieldId id = 1; id <= ts_language_field_count(language); ++id) {
    const char* name = ts_language_field_name_for_id(language, id);
    if (!name) continue;
    INFO(name);
    CHECK(fieldId(name) == id);
  }
  for (const char* other : {"", "x", "functions", "bodyy", "nam", "alia", "superclass", "Function"})
    CHECK(fieldId(other) == 0);
}

TEST_CASE("the named-node walk lists what a tree cursor finds, with fields and parents") {
  SECTION("shapes with hidden nodes, extras, aliases and repeated fields") {
    checkSame("import os, pyspark.streaming as s\nfrom a.b import (c, d as e)\n");
    checkSame(
        "@decorator(1)\n# a comment\ndef f(a, *args, b: int = 2, **kw) -> None:\n"
        "    return [x for x in a if x]\n");
    checkSame(
        "match command:\n    case {'k': v, **rest}:\n        pass\n"
        "    case [1, *others] | Point(x=0):\n        pass\n");
    checkSame("x = a if b else (c, d)[1:2, ::3]\nprint >> sys.stderr, 'x'\nexec 'code'\n");
    checkSame("def broken(:\n    return sc.parallelize(\n");  // ERROR and MISSING nodes
    checkSame(
        "class A(B, metaclass=M):\n    x: int = 1  # trailing\n    async def g(self):\n"
        "        await h()\n");
    checkSame("f'{a!r:>{width}}' + b'raw' \\\n  + u'''long'''\n");
  }
  SECTION("repetitions long enough to nest hidden nodes deeply") {
    std::string items;
    for (int i = 0; i < 20000; ++i) items += std::to_string(i) + ", ";
    checkSame("x = [" + items + "]\nf(" + items + ")\n" + std::string(3000, '\n') + "import os\n");
  }
  SECTION("nesting deeper than a thread's stack would allow a recursive walk") {
    std::string deep = "x = " + std::string(3000, '(') + "1" + std::string(3000, ')') + "\n";
    checkSame(deep);
  }
  SECTION("every Python file of the tests and examples") {
    std::size_t files = 0;
    for (const char* dir : {"test/rules", "test/corpus", "examples"}) {
      auto root = sourceDir() / dir;
      if (!std::filesystem::exists(root)) continue;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".py") continue;
        INFO(entry.path().string());
        checkSame(readFile(entry.path()));
        ++files;
      }
    }
    CHECK(files > 50);
  }
}

TEST_CASE("a child walk stops where a callback that returns bool says false") {
  std::string text = "import a\nimport b\nx = 1\ny = 2\n";
  TreePtr tree = parsePython(text);
  TSNode root = ts_tree_root_node(tree.get());
  std::vector<std::string> seen;
  forEachNamedChild(root, [&](TSNode child) {
    seen.emplace_back(nodeType(child));
    return child.id != nullptr && nodeType(child) != "expression_statement";
  });
  CHECK(seen == std::vector<std::string>{"import_statement", "import_statement", "expression_statement"});
  std::size_t all = 0;
  forEachNamedChild(root, [&](TSNode) { ++all; });  // a void callback sees every child
  CHECK(all == 4);
  CHECK(importInsertionPoint(root, text) == text.find("x = 1"));
}

namespace {

// A module of job functions as people write them, `print(...)` included (the
// grammar's Python 2 print statement makes that line a real conflict).
std::string jobFunctions(int count) {
  std::string text = "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n\n";
  for (int i = 0; i < count; ++i) {
    std::string n = std::to_string(i);
    text += "def step_" + n + "():\n    df = spark.read.table('t_" + n + "')\n    rows = [1, 2, 3]\n"
            "    print(len(rows), df.count())\n    return df\n\n";
  }
  return text;
}

// Applies `inserted` over `range` to `text` and its tree, and reparses from it.
TreePtr editAndReparse(std::string& text, TreePtr& tree, ByteRange range, std::string_view inserted) {
  TSInputEdit edit = inputEdit(LineIndex(text), range, inserted);
  text.replace(range.start, range.end - range.start, inserted);
  ts_tree_edit(tree.get(), &edit);
  return parsePython(text, tree.get());
}

}  // namespace

TEST_CASE("a reparse after typing in one function keeps the statements around it") {
  // Tree-sitter reuses a subtree whole only when it was not made at a conflict
  // and its first token would be lexed the same in the parser's state. The
  // runtime is built to not count the repetition shift its tables carry beside
  // every end of a statement (cmake/ts_reduce_conflict.c): counted, it made
  // every run of statements fragile, and each keystroke rebuilt the module from
  // its first line (1 or 2 of the 122 statements before the edit kept). Runs of
  // statements before the edit are now kept up to the run that holds it
  // (repetitions are balanced binary trees: here 73 of the 122). And it lexes a
  // refused first token again (cmake/ts_reuse_first_leaf.c): without that, the
  // first statement of every function after the edit was rebuilt (238 of the
  // 316 statements kept).
  std::string text = jobFunctions(200);
  TreePtr tree = parsePython(text);
  std::uint32_t at = static_cast<std::uint32_t>(text.find("rows = [1, 2, 3]", text.find("def step_120():")) + 14);
  auto statementsAfter = [&](TSNode root, auto&& fn) {  // the statements of the functions after the edit
    forEachNamedChild(root, [&](TSNode def) {
      TSNode body = ts_node_child_by_field_name(def, "body", 4);
      if (ts_node_start_byte(def) > at && !ts_node_is_null(body)) forEachNamedChild(body, fn);
    });
  };
  for (int keystroke = 0; keystroke < 8; ++keystroke, ++at) {
    std::vector<const void*> before;
    forEachNamedChild(ts_tree_root_node(tree.get()), [&](TSNode child) { before.push_back(child.id); });
    std::set<const void*> statementsBefore;
    statementsAfter(ts_tree_root_node(tree.get()), [&](TSNode statement) { statementsBefore.insert(statement.id); });
    TreePtr next = editAndReparse(text, tree, {at, at}, "0");
    TSNode root = ts_tree_root_node(next.get());
    std::size_t index = 0, kept = 0, edited = 0;
    forEachNamedChild(root, [&](TSNode child) {
      if (ts_node_start_byte(child) <= at && at < ts_node_end_byte(child)) edited = index;
      if (index < before.size() && child.id == before[index] && ts_node_end_byte(child) < at) ++kept;
      ++index;
    });
    std::size_t after = 0, keptAfter = 0;
    statementsAfter(root, [&](TSNode statement) {
      ++after;
      keptAfter += statementsBefore.count(statement.id);
    });
    INFO("keystroke " << keystroke);
    CHECK(edited == 122);  // two statements, then step_0 ... step_119 and the edited step_120
    CHECK(kept > edited / 2);
    CHECK(after == 79 * 4);  // step_121 ... step_199
    CHECK(keptAfter == after);
    tree = std::move(next);
  }
}

TEST_CASE("an incremental reparse gives the tree a fresh parse gives") {
  // Random edits (inserting pieces of the file or of Python syntax, deleting
  // ranges) on real files, each reparsed from the last tree; the tree must be
  // the one a fresh parse makes. Where the fresh tree has a syntax error the two
  // may recover differently, as tree-sitter's error recovery depends on what it
  // reused, so only error-free results are compared.
  const char* pieces[] = {"\n", "    ", "(", ")", "[", "]", "print(", "x", "\"", "'", "#", ":", "\n    ",
                          "def f():\n    ", "0", ",", "\\", "\"\"\"", "lambda: ", "if x:\n", "=", "."};
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&](std::uint64_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return bound == 0 ? 0 : (state >> 33) % bound;
  };
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"examples", "test/corpus"})
    for (const auto& entry : std::filesystem::recursive_directory_iterator(sourceDir() / dir))
      if (entry.path().extension() == ".py") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 10);
  files.push_back({});  // and the job module of the test above
  std::size_t compared = 0;
  std::vector<std::string> differences;
  for (const auto& path : files) {
    const std::string original = path.empty() ? jobFunctions(60) : readFile(path);
    std::string text = original;
    TreePtr tree = parsePython(text);
    for (int step = 0; step < 160; ++step) {
      if (step % 10 == 0) {  // start again from the file, so edits do not pile up into noise
        text = original;
        tree = parsePython(text);
      }
      auto start = static_cast<std::uint32_t>(next(text.size() + 1));
      auto end = static_cast<std::uint32_t>(std::min<std::uint64_t>(text.size(), start + (next(3) == 0 ? next(20) : 0)));
      std::string inserted;
      switch (next(4)) {
        case 0: break;
        case 1: inserted = original.substr(next(original.size()), next(40)); break;
        default: inserted = pieces[next(std::size(pieces))];
      }
      TreePtr reparsed = editAndReparse(text, tree, {start, end}, inserted);
      TreePtr fresh = parsePython(text);
      if (!ts_node_has_error(ts_tree_root_node(fresh.get()))) {
        char* a = ts_node_string(ts_tree_root_node(reparsed.get()));
        char* b = ts_node_string(ts_tree_root_node(fresh.get()));
        if (std::string_view(a) != b) differences.push_back(path.string() + " step " + std::to_string(step));
        std::free(a);
        std::free(b);
        ++compared;
      }
      tree = std::move(reparsed);
    }
  }
  CHECK(differences == std::vector<std::string>{});
  CHECK(compared > 1000);
}
