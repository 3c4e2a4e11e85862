// The language server's own pieces, below the protocol: position conversion
// between byte offsets and LSP positions in each encoding, documents kept in
// step with incremental edits (the tree after any run of edits, with or
// without the tree freed in between, is the tree a fresh parse gives), the
// size limit, and the release of trees to the main loop. The server end to end is tested over stdio (test/python).
#include "server/document.h"
#include "server/position.h"

#include <catch2/catch.hpp>

#include <random>
#include <thread>

using namespace sparkmigrate;
using protocol::Position;
using protocol::PositionEncoding;

namespace {

std::string treeString(const TSTree* tree) {
  char* s = ts_node_string(ts_tree_root_node(tree));
  std::string out(s);
  free(s);
  return out;
}

// The tree a snapshot of the document carries (parsed on demand), as text;
// "" when it has none.
std::string snapshotTree(server::Document& doc) {
  auto deleteAtOnce = std::make_shared<server::TreeReleaser>(nullptr);
  server::DocumentSnapshot snap = doc.snapshot(PositionEncoding::Utf16, deleteAtOnce);
  return snap.tree ? treeString(snap.tree.get()) : "";
}

}  // namespace

TEST_CASE("positions convert in each encoding, snapping and clamping like the protocol says") {
  // "a😀b\r\nçd\n": 😀 is 4 bytes, 2 UTF-16 units, 1 code point; ç is 2 bytes.
  const std::string text = "a\xF0\x9F\x98\x80" "b\r\n\xC3\xA7" "d\n";
  analysis::LineIndex lines(text);
  const std::uint32_t b = 5, d = 10;  // byte offsets of `b` and `d`
  server::PositionMapper utf16(text, lines, PositionEncoding::Utf16);
  server::PositionMapper utf8(text, lines, PositionEncoding::Utf8);
  server::PositionMapper utf32(text, lines, PositionEncoding::Utf32);

  CHECK(utf16.toPosition(b) == Position{0, 3});
  CHECK(utf8.toPosition(b) == Position{0, 5});
  CHECK(utf32.toPosition(b) == Position{0, 2});
  CHECK(utf16.toPosition(d) == Position{1, 1});
  CHECK(utf8.toPosition(d) == Position{1, 2});
  for (auto* mapper : {&utf16, &utf8, &utf32})
    for (std::uint32_t offset : {0u, 1u, b, 8u, d, static_cast<std::uint32_t>(text.size())})
      CHECK(mapper->toOffset(mapper->toPosition(offset)) == offset);

  // Inside a character: its start. Past the end of a line: the line's end,
  // before `\r\n`. Past the last line: the end of the text.
  CHECK(utf16.toOffset({0, 2}) == 1);
  CHECK(utf8.toOffset({1, 1}) == 8);
  CHECK(utf16.toOffset({0, 99}) == 6);
  CHECK(utf32.toOffset({1, 99}) == 11);
  CHECK(utf16.toOffset({7, 0}) == text.size());
  // A range given end first is the same range.
  CHECK(utf16.toByteRange({{1, 1}, {0, 1}}) == analysis::ByteRange{1, 10});
}

TEST_CASE("a document edited incrementally has the tree a fresh parse gives") {
  std::string text =
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "def job(df):\n"
      "    # héllo 😀\n"
      "    return df.rdd.map(lambda r: r[0]).collect()\n";
  server::Document doc("file:///job.py", "/job.py", 1, text, support::CancellationToken());
  doc.setSizeLimit(0);
  CHECK(doc.tree() == nullptr);  // parsed when first needed
  CHECK(snapshotTree(doc) == treeString(analysis::parsePython(text).get()));
  REQUIRE(doc.tree() != nullptr);
  std::mt19937 rng(7);
  const std::vector<std::string> inserts = {"x", "\n", "(", ")", "é", "😀", "    ", "df.rdd", "'", "#"};
  for (int step = 0; step < 300; ++step) {
    // A random UTF-16 range on random lines, replaced by a random snippet.
    const std::string& current = doc.text();
    analysis::LineIndex lines(current);
    server::PositionMapper mapper(current, lines, PositionEncoding::Utf16);
    auto randomPosition = [&] {
      std::uint32_t offset = std::uniform_int_distribution<std::uint32_t>(0, current.size())(rng);
      return mapper.toPosition(offset);
    };
    protocol::Range range{randomPosition(), randomPosition()};
    if (mapper.toOffset(range.end) < mapper.toOffset(range.start)) std::swap(range.start, range.end);
    std::string insert = step % 3 == 0 ? "" : inserts[rng() % inserts.size()];
    std::uint32_t from = mapper.toOffset(range.start), to = mapper.toOffset(range.end);
    std::string expected = current.substr(0, from) + insert + current.substr(to);
    // Now and then the server frees the tree of a document it has not used
    // lately: the edits go on without one, and the next snapshot parses.
    bool released = step % 50 == 25;
    if (released) doc.releaseTree();

    REQUIRE(doc.applyChanges({{range, insert}}, step + 2, PositionEncoding::Utf16));
    REQUIRE(doc.text() == expected);
    CHECK(doc.version() == step + 2);
    CHECK((doc.tree() == nullptr) == released);  // otherwise reparsed incrementally
    analysis::TreePtr fresh = analysis::parsePython(expected);
    INFO("step " << step << ", text:\n" << expected);
    REQUIRE(snapshotTree(doc) == treeString(fresh.get()));
  }
  // A whole-document change replaces the text and parses it afresh.
  REQUIRE(doc.applyChanges({{std::nullopt, "x = 1\n"}}, 999, PositionEncoding::Utf16));
  CHECK(snapshotTree(doc) == treeString(analysis::parsePython("x = 1\n").get()));
}

TEST_CASE("a document over the size limit keeps its text but no tree, until it fits again") {
  server::Document doc("file:///big.py", "/big.py", 1, std::string(40, 'x') + "\n", support::CancellationToken());
  doc.setSizeLimit(32);
  CHECK(snapshotTree(doc).empty());
  CHECK(doc.notAnalysed() == server::sizeLimitProblem(41, 32));
  CHECK_FALSE(doc.notAnalysed().empty());
  REQUIRE(doc.applyChanges({{protocol::Range{{0, 5}, {0, 40}}, ""}}, 2, PositionEncoding::Utf16));
  CHECK(doc.text() == "xxxxx\n");
  CHECK_FALSE(snapshotTree(doc).empty());
  CHECK(doc.notAnalysed().empty());
  CHECK(server::sizeLimitProblem(41, 0).empty());
}

TEST_CASE("a leading byte order mark is analysed as spaces, keeping offsets") {
  std::string scratch;
  const std::string withBom = "\xEF\xBB\xBFx = 1\n";
  CHECK(server::analysisText(withBom, scratch) == "   x = 1\n");
  const std::string plain = "x = 1\n";
  CHECK(server::analysisText(plain, scratch).data() == plain.data());
}

TEST_CASE("trees released on other threads are deleted by the main loop, which is woken once per batch") {
  int wakes = 0;
  auto releaser = std::make_shared<server::TreeReleaser>([&] { ++wakes; });
  analysis::TreePtr tree = analysis::parsePython("x = 1\n");
  std::thread worker([&] {
    for (int i = 0; i < 3; ++i) releaser->release(ts_tree_copy(tree.get()));
  });
  worker.join();
  CHECK(wakes == 1);
  releaser->drain();
  releaser->release(ts_tree_copy(tree.get()));
  CHECK(wakes == 2);
  releaser->stop();  // deletes the queued tree; later releases delete at once
  releaser->release(ts_tree_copy(tree.get()));
  CHECK(wakes == 2);
}
