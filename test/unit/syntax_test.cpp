// Unit tests for the syntax layer's shared walk: ParentIndex::nodes() (made by
// cmake/ts_named_walk.c over tree-sitter's private child iterator) must list
// exactly what a public tree cursor's walk finds, with the same fields and
// parents, on real files and on the shapes where fields are inherited through
// hidden nodes, children are extras, or nesting is deep.
#include "analysis/syntax.h"

#include "fixtures.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
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
