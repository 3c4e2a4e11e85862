// Catalogue integrity: every rule has a fixture with flagged and clean cases,
// complete docs, and a documented example that the rule really flags while
// the documented replacement is clean; the loader rejects malformed rules
// with file:line errors.
#include "analysis/query.h"
#include "analysis/rule_docs.h"
#include "analysis/syntax.h"
#include "fixtures.h"

#include <catch2/catch.hpp>

using namespace sparkmigrate;

namespace {
std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \n\t");
  return b == std::string::npos ? "" : s.substr(b, s.find_last_not_of(" \n\t") - b + 1);
}
}  // namespace

TEST_CASE("every rule has a fixture with flagged and clean cases") {
  for (const auto& rule : analysis::Catalogue::builtin().rules()) {
    INFO(rule.code);
    auto path = test::sourceDir() / "test/rules" / (rule.code + ".py");
    REQUIRE(std::filesystem::exists(path));
    test::Fixture f = test::loadFixture(path);
    std::size_t flagged = 0;
    for (const auto& [line, codes] : f.expected) flagged += codes.count(rule.code);
    CHECK(flagged > 0);
    CHECK(f.okLines > 0);
  }
}

TEST_CASE("every rule has complete documentation") {
  for (const auto& rule : analysis::Catalogue::builtin().rules()) {
    INFO(rule.code);
    CHECK(!trimmed(rule.docs.what).empty());
    CHECK(!trimmed(rule.docs.why).empty());
    CHECK(!trimmed(rule.docs.example).empty());
    CHECK(!trimmed(rule.docs.fixSafety).empty());
    CHECK(!rule.docs.references.empty());
    CHECK(!rule.message.empty());
    if (rule.group != "meta") {
      CHECK(!rule.catalogue.empty());
      CHECK(!trimmed(rule.docs.instead).empty());
    }
  }
}

TEST_CASE("each rule flags its documented example and not its replacement") {
  for (const auto& rule : analysis::Catalogue::builtin().rules()) {
    if (rule.group == "meta") continue;
    INFO(rule.code);
    analysis::Settings settings;
    settings.select = {"ALL", rule.code};
    settings.platform = analysis::Platform::Databricks;
    settings.target = rule.appliesFrom ? *rule.appliesFrom : analysis::SparkVersion{3, 4};
    // Examples are snippets of pyspark programs: `spark`, `sc` and `sqlContext`
    // are the usual shell/notebook globals.
    auto count = [&](const std::string& code) {
      std::size_t n = 0;
      std::string program = "import pyspark\n" + code;
      for (const auto& d : analysis::checkText(program, settings, "example.py").diagnostics)
        n += d.code == rule.code;
      return n;
    };
    CHECK(count(rule.docs.example) > 0);
    CHECK(count(rule.docs.instead) == 0);
  }
}

TEST_CASE("the built-in rule files load with full validation") {
  auto loaded = analysis::Catalogue::load(analysis::Catalogue::builtinSources(), true);
  INFO((loaded ? std::string() : loaded.error().message));
  REQUIRE(loaded);
  CHECK(loaded.value()->rules().size() == analysis::Catalogue::builtin().rules().size());
}

TEST_CASE("the compiled catalogue is the rule files, field for field") {
  auto loaded = analysis::Catalogue::load(analysis::Catalogue::builtinSources(), false);
  REQUIRE(loaded);
  const auto& builtin = analysis::Catalogue::builtin();
  std::string bytes = loaded.value()->serialize();
  CHECK(builtin.serialize() == bytes);
  // Spot checks that the bytes carry what a run reads.
  const auto* fromToml = loaded.value()->find("SPK101");
  const auto* compiled = builtin.find("SPK101");
  REQUIRE(fromToml);
  REQUIRE(compiled);
  CHECK(compiled->query == fromToml->query);
  CHECK(compiled->queryLine == fromToml->queryLine);
  CHECK(compiled->docs.why == fromToml->docs.why);
  CHECK(compiled->fix.transform == fromToml->fix.transform);

  auto again = analysis::Catalogue::deserialize(bytes);
  REQUIRE(again);
  CHECK(again->serialize() == bytes);
  // Bytes it did not write are refused, never half read.
  CHECK_FALSE(analysis::Catalogue::deserialize(""));
  CHECK_FALSE(analysis::Catalogue::deserialize("not a catalogue"));
  CHECK_FALSE(analysis::Catalogue::deserialize(bytes + "x"));
  for (std::size_t cut : {std::size_t{10}, bytes.size() / 2, bytes.size() - 1})
    CHECK_FALSE(analysis::Catalogue::deserialize(std::string_view(bytes).substr(0, cut)));
}

TEST_CASE("codes are unique and versions are supported targets") {
  std::set<std::string> codes;
  for (const auto& rule : analysis::Catalogue::builtin().rules()) {
    INFO(rule.code);
    CHECK(codes.insert(rule.code).second);
    if (rule.connectSupport) CHECK(analysis::isSupportedTarget(*rule.connectSupport));
    if (rule.appliesFrom) CHECK(analysis::isSupportedTarget(*rule.appliesFrom));
  }
}

TEST_CASE("the loader rejects malformed rules with file:line errors") {
  auto load = [](const std::string& text) {
    return analysis::Catalogue::load({{"rules/SPK999.toml", text}});
  };
  const std::string good = R"(code = "SPK999"
name = "x"
group = "session"
message = "m"
query = "(identifier) @report"
[docs]
what = "w"
)";
  REQUIRE(load(good));
  auto unknownKey = load("colour = 1\n" + good);
  REQUIRE(!unknownKey);
  CHECK_THAT(unknownKey.error().message, Catch::Contains("rules/SPK999.toml:1: unknown key 'colour'"));
  auto unknownDocsKey = load(good + "colour = 1\n");
  REQUIRE(!unknownDocsKey);
  CHECK_THAT(unknownDocsKey.error().message,
             Catch::Contains("rules/SPK999.toml:8: unknown key 'docs.colour'"));
  auto badQuery = load(R"(code = "SPK999"
name = "x"
group = "session"
message = "m"
query = '''
(call
  function: (nonsense_node) @report)
'''
[docs]
what = "w"
)");
  REQUIRE(!badQuery);
  CHECK_THAT(badQuery.error().message, Catch::Contains("rules/SPK999.toml:7: invalid query"));
  auto noReport = load(R"(code = "SPK999"
name = "x"
group = "session"
message = "m"
query = "(identifier) @name"
[docs]
what = "w"
)");
  REQUIRE(!noReport);
  CHECK_THAT(noReport.error().message, Catch::Contains("no @report capture"));
  auto badPredicate = load(R"(code = "SPK999"
name = "x"
group = "session"
message = "m"
query = '(identifier) @report (#frobnicate? @report)'
[docs]
what = "w"
)");
  REQUIRE(!badPredicate);
  CHECK_THAT(badPredicate.error().message, Catch::Contains("unknown predicate #frobnicate?"));
  auto badKind = load(R"(code = "SPK999"
name = "x"
group = "session"
message = "m"
query = '(identifier) @report (#kind? @report "Spaceship")'
[docs]
what = "w"
)");
  REQUIRE(!badKind);
  CHECK_THAT(badKind.error().message, Catch::Contains("unknown kind 'Spaceship'"));
  auto badGroup = load(R"(code = "SPK999"
name = "Bad Name"
group = "astro"
severity = "fatal"
message = "m"
query = "(identifier) @report"
[docs]
what = "w"
)");
  REQUIRE(!badGroup);
  CHECK_THAT(badGroup.error().message, Catch::Contains("name must be kebab-case"));
  CHECK_THAT(badGroup.error().message, Catch::Contains("unknown group 'astro'"));
  CHECK_THAT(badGroup.error().message, Catch::Contains("severity must be error, warning or info"));
}

TEST_CASE("static configuration keys") {
  CHECK(analysis::isStaticConfKey("spark.executor.memory"));
  CHECK(analysis::isStaticConfKey("spark.jars.packages"));
  CHECK(analysis::isStaticConfKey("spark.sql.extensions"));
  CHECK(!analysis::isStaticConfKey("spark.sql.shuffle.partitions"));
  CHECK(!analysis::isStaticConfKey("spark.remote"));
  CHECK(!analysis::isStaticConfKey("fs.s3a.access.key"));
}

TEST_CASE("a query names a shared list with \"$name\" and gets its strings") {
  const std::string lists = "[lists]\nframe-actions = [\"collect\", \"count\"]\n";
  auto rule = [](const std::string& predicate) {
    return "code = \"SPK999\"\nname = \"x\"\ngroup = \"session\"\nmessage = \"m\"\nquery = '''\n"
           "(call function: (attribute attribute: (identifier) @m) "
           "(#any-of? @m " +
           predicate + ")) @report\n'''\n[docs]\nwhat = \"w\"\n";
  };
  auto loaded = analysis::Catalogue::load({{"rules/lists.toml", lists}, {"rules/SPK999.toml", rule("\"$frame-actions\" \"show\"")}});
  INFO((loaded ? std::string() : loaded.error().message));
  REQUIRE(loaded);
  const std::string& query = loaded.value()->rules().at(0).query;
  CHECK_THAT(query, Catch::Contains("(#any-of? @m \"collect\" \"count\" \"show\")"));
  CHECK(loaded.value()->rules().size() == 1);  // the lists file is no rule

  auto unknown = analysis::Catalogue::load({{"rules/lists.toml", lists}, {"rules/SPK999.toml", rule("\"$frame-action\"")}});
  REQUIRE(!unknown);
  CHECK_THAT(unknown.error().message, Catch::Contains("rules/SPK999.toml:6: unknown list 'frame-action'"));
  auto badName = analysis::Catalogue::load({{"rules/lists.toml", "[lists]\nFrame = [\"a\"]\n"}});
  REQUIRE(!badName);
  CHECK_THAT(badName.error().message, Catch::Contains("rules/lists.toml:2: list name must be kebab-case"));
}

// A run compiles rule queries without tree-sitter's parse-table analysis
// (cmake/ts_query_unanalyzed.c); the analysis only lets a cursor drop
// alternatives it proved unneeded, so every match must be the same.
extern "C" TSQuery* ts_query_new_unanalyzed(const TSLanguage* language, const char* source, std::uint32_t length,
                                            std::uint32_t* errorOffset, TSQueryError* errorType);

TEST_CASE("rule queries compiled without tree-sitter's analysis match what analysed ones do") {
  namespace fs = std::filesystem;
  std::vector<analysis::TreePtr> trees;
  std::vector<std::string> texts;
  for (const char* folder : {"test/rules", "test/detection", "examples"})
    for (const auto& entry : fs::recursive_directory_iterator(test::sourceDir() / folder))
      // (SPK099's fixture nests thousands deep to test the analysis' depth limit,
      // which query matching does not share: seconds per rule, and nothing to compare.)
      if (entry.path().extension() == ".py" && entry.path().stem() != "SPK099")
        texts.push_back(test::readFile(entry.path()));
  REQUIRE(texts.size() > 100);
  for (const auto& text : texts) trees.push_back(analysis::parsePython(text));
  // Every match of `query` in every file: pattern and captured byte ranges.
  auto matches = [&](TSQuery* query) {
    std::vector<std::vector<std::uint32_t>> out;
    TSQueryCursor* cursor = ts_query_cursor_new();
    for (const auto& tree : trees) {
      ts_query_cursor_exec(cursor, query, ts_tree_root_node(tree.get()));
      TSQueryMatch match;
      while (ts_query_cursor_next_match(cursor, &match)) {
        std::vector<std::uint32_t> row{match.pattern_index};
        for (std::uint16_t c = 0; c < match.capture_count; ++c) {
          row.push_back(match.captures[c].index);
          row.push_back(ts_node_start_byte(match.captures[c].node));
          row.push_back(ts_node_end_byte(match.captures[c].node));
        }
        out.push_back(std::move(row));
      }
    }
    ts_query_cursor_delete(cursor);
    return out;
  };
  std::size_t total = 0;
  for (const auto& rule : analysis::Catalogue::builtin().rules()) {
    if (rule.query.empty()) continue;
    INFO(rule.code);
    std::uint32_t offset = 0;
    TSQueryError error = TSQueryErrorNone;
    auto length = static_cast<std::uint32_t>(rule.query.size());
    TSQuery* analysed = ts_query_new(analysis::pythonLanguage(), rule.query.data(), length, &offset, &error);
    TSQuery* unanalysed = ts_query_new_unanalyzed(analysis::pythonLanguage(), rule.query.data(), length, &offset, &error);
    REQUIRE(analysed);
    REQUIRE(unanalysed);
    auto expected = matches(analysed);
    CHECK(matches(unanalysed) == expected);
    total += expected.size();
    ts_query_delete(analysed);
    ts_query_delete(unanalysed);
  }
  CHECK(total > 1000);
}

// RuleMatcher::run skips most query runs (a rule's trigger words must occur
// in the node, its pattern's gate must pass: node type, cheap predicates on
// captures reached through fields, imports that can reach a #resolves-to?
// name); skipping must lose no match, so run() finds exactly what every
// query run over the whole tree finds.
TEST_CASE("the matcher's filters lose no match of any rule") {
  namespace fs = std::filesystem;
  const auto& catalogue = analysis::Catalogue::builtin();
  const std::vector<char> all(catalogue.rules().size(), 1);
  using Found = std::tuple<std::string, std::uint32_t, std::uint32_t>;
  auto found = [](const std::vector<analysis::RuleMatch>& matches) {
    std::vector<Found> out;
    for (const auto& m : matches)
      out.emplace_back(m.rule->code, ts_node_start_byte(m.report), ts_node_end_byte(m.report));
    std::sort(out.begin(), out.end());
    return out;
  };
  std::size_t files = 0, total = 0;
  for (const char* folder : {"test/rules", "test/detection", "examples"})
    for (const auto& entry : fs::recursive_directory_iterator(test::sourceDir() / folder)) {
      if (entry.path().extension() != ".py" || entry.path().stem() == "SPK099") continue;
      INFO(entry.path().string());
      std::string text = test::readFile(entry.path());
      analysis::TreePtr tree = analysis::parsePython(text);
      TSNode root = ts_tree_root_node(tree.get());
      analysis::SemanticModel filteredModel(text, root), unfilteredModel(text, root);
      auto filtered = found(analysis::RuleMatcher::builtin().run(root, filteredModel, all, nullptr));
      auto expected = found(analysis::RuleMatcher::builtin().runUnfiltered(root, unfilteredModel, all));
      CHECK(filtered == expected);
      total += expected.size();
      ++files;
    }
  CHECK(files > 100);
  CHECK(total > 1000);
}
