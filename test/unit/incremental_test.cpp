// Incremental analysis (checkDocumentIncremental) must report exactly what a
// full check reports: over every rule fixture and bundled example, under
// seeded random edit sequences (characters, deletions, whole lines copied,
// moved or dropped, identifiers renamed), each result is compared with
// checkDocument on the same text. Separate cases check that an edit inside
// one statement re-analyses only what it can affect.
#include "analysis/checker.h"
#include "analysis/semantic.h"
#include "fixtures.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

using namespace sparkmigrate;
namespace fs = std::filesystem;

namespace {

std::string describe(const analysis::Diagnostic& d) {
  std::ostringstream out;
  out << d.code << " [" << d.range.start << "," << d.range.end << ") " << d.start.line << ":"
      << d.start.column << "-" << d.end.line << ":" << d.end.column << " " << d.message;
  if (d.fix) {
    out << " fix(" << static_cast<int>(d.fix->safety) << ")";
    for (const auto& e : d.fix->edits) out << " [" << e.range.start << "," << e.range.end << ")=" << e.text;
  }
  return out.str();
}

std::string describe(const std::vector<analysis::Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += describe(d) + "\n";
  return out;
}

bool isContinuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// An offset in [0, size] that is not inside a UTF-8 sequence.
std::size_t boundary(const std::string& text, std::size_t offset) {
  while (offset < text.size() && isContinuation(text[offset])) ++offset;
  return offset;
}

std::vector<std::string> identifiers(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      word += c;
    } else {
      if (!word.empty() && !std::isdigit(static_cast<unsigned char>(word[0]))) out.push_back(word);
      word.clear();
    }
  }
  return out;
}

std::string randomEdit(const std::string& text, std::mt19937& rng, std::string& what) {
  auto pick = [&](std::size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  std::vector<std::size_t> lineStarts{0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' && i + 1 < text.size()) lineStarts.push_back(i + 1);
  auto lineAt = [&](std::size_t k) {
    std::size_t start = lineStarts[k];
    std::size_t end = text.find('\n', start);
    return std::pair{start, end == std::string::npos ? text.size() : end + 1};
  };
  std::string out = text;
  switch (pick(6)) {
    case 0: {  // type a character
      static const std::string alphabet = "abcxyz_ .()[]:,'\"#=\n\t1";
      std::size_t at = boundary(text, pick(text.size() + 1));
      char c = alphabet[pick(alphabet.size())];
      out.insert(at, 1, c);
      what = "insert '" + std::string(1, c) + "' at " + std::to_string(at);
      break;
    }
    case 1: {  // delete a few bytes
      std::size_t at = boundary(text, pick(text.size() + 1));
      std::size_t end = boundary(text, std::min(text.size(), at + 1 + pick(12)));
      out.erase(at, end - at);
      what = "delete [" + std::to_string(at) + "," + std::to_string(end) + ")";
      break;
    }
    case 2: {  // copy a line elsewhere
      auto [start, end] = lineAt(pick(lineStarts.size()));
      std::string line = text.substr(start, end - start);
      if (line.empty() || line.back() != '\n') line += '\n';
      auto [to, unused] = lineAt(pick(lineStarts.size()));
      out.insert(to, line);
      what = "copy line at " + std::to_string(start) + " to " + std::to_string(to);
      break;
    }
    case 3: {  // drop a line
      auto [start, end] = lineAt(pick(lineStarts.size()));
      out.erase(start, end - start);
      what = "drop line at " + std::to_string(start);
      break;
    }
    case 4: {  // move a line
      auto [start, end] = lineAt(pick(lineStarts.size()));
      std::string line = text.substr(start, end - start);
      out.erase(start, end - start);
      std::size_t to = 0;
      for (std::size_t i = pick(out.size() + 1); i > 0; --i)
        if (out[i - 1] == '\n') {
          to = i;
          break;
        }
      if (line.empty() || line.back() != '\n') line += '\n';
      out.insert(to, line);
      what = "move line at " + std::to_string(start) + " to " + std::to_string(to);
      break;
    }
    default: {  // rename one occurrence of an identifier to another name in the file
      auto names = identifiers(text);
      if (names.size() < 2) break;
      std::string from = names[pick(names.size())], to = names[pick(names.size())];
      std::vector<std::size_t> at;
      for (std::size_t i = text.find(from); i != std::string::npos; i = text.find(from, i + 1)) {
        bool left = i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_');
        std::size_t e = i + from.size();
        bool right =
            e >= text.size() || !(std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_');
        if (left && right) at.push_back(i);
      }
      if (at.empty()) break;
      std::size_t i = at[pick(at.size())];
      out.replace(i, from.size(), to);
      what = "rename " + from + " at " + std::to_string(i) + " to " + to;
    }
  }
  return out;
}

std::vector<fs::path> corpus() {
  std::vector<fs::path> out;
  for (const char* dir : {"test/rules", "examples"})
    for (const auto& entry : fs::recursive_directory_iterator(test::sourceDir() / dir))
      if (entry.path().extension() == ".py") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

analysis::Settings settingsFor(const fs::path& path) {
  if (path.parent_path().filename() == "rules" && path.filename().string().rfind("SPK", 0) == 0)
    return test::loadFixture(path).settings;
  analysis::Settings settings;
  settings.select = {"ALL"};
  return settings;
}

// checkDocumentIncremental on `text` (after `previous`), required to report
// what checkDocument reports.
analysis::CheckResult checkBoth(const std::string& text, const analysis::Settings& settings,
                                const analysis::CheckResult* previous) {
  analysis::TreePtr tree = analysis::parsePython(text);
  auto result = analysis::checkDocumentIncremental(text, tree.get(), settings, "job.py", previous);
  auto full = analysis::checkDocument(text, tree.get(), settings, "job.py");
  REQUIRE(describe(result.diagnostics) == describe(full.diagnostics));
  return result;
}

}  // namespace

TEST_CASE("incremental analysis reports what a full check reports, under random edits", "[incremental]") {
  // INCREMENTAL_STEPS: edits per file (60; the sanitizer build runs fewer, for memory errors).
  const char* stepsSetting = std::getenv("INCREMENTAL_STEPS");
  const int stepsPerFile = stepsSetting ? std::max(1, std::atoi(stepsSetting)) : 60;
  std::size_t edits = 0, analysed = 0, statements = 0;
  for (const auto& path : corpus()) {
    analysis::Settings settings = settingsFor(path);
    std::string name = path.filename().string();
    std::string text = test::readFile(path);
    std::mt19937 rng(static_cast<unsigned>(std::hash<std::string>{}(name)));
    std::vector<std::string> history;
    analysis::CheckResult previous;
    std::string before;
    for (int step = 0; step <= stepsPerFile; ++step) {
      std::string what = "open";
      before = text;
      if (step > 0) text = randomEdit(text, rng, what);
      history.push_back(what);
      analysis::TreePtr tree = analysis::parsePython(text);
      auto full = analysis::checkDocument(text, tree.get(), settings, name);
      auto incremental = analysis::checkDocumentIncremental(text, tree.get(), settings, name,
                                                            step == 0 ? nullptr : &previous);
      if (describe(incremental.diagnostics) != describe(full.diagnostics)) {
        std::string steps;
        for (const auto& h : history) steps += "  " + h + "\n";
        std::string a = describe(incremental.diagnostics), b = describe(full.diagnostics), diff;
        std::istringstream ia(a), ib(b);
        std::set<std::string> la, lb;
        for (std::string l; std::getline(ia, l);) la.insert(l);
        for (std::string l; std::getline(ib, l);) lb.insert(l);
        for (const auto& l : la)
          if (!lb.count(l)) diff += "  incremental only: " + l + "\n";
        for (const auto& l : lb)
          if (!la.count(l)) diff += "  full only: " + l + "\n";
        if (const char* dump = std::getenv("INCREMENTAL_DUMP")) {
          std::ofstream(std::string(dump) + "." + name + ".before.py") << before;
          std::ofstream(std::string(dump) + "." + name + ".after.py") << text;
        }
        INFO(name << " after:\n" << steps << diff << "text:\n" << text);
        CHECK(describe(incremental.diagnostics) == describe(full.diagnostics));
        break;
      }
      REQUIRE(incremental.incremental != nullptr);
      if (step > 0) {
        ++edits;
        analysed += incremental.analysedStatements;
        statements += incremental.statements;
      }
      previous = std::move(incremental);
    }
  }
  // Random edits mostly break the syntax (whole regions become ERROR nodes),
  // so this only shows that statements were reused at all.
  INFO(edits << " edits re-analysed " << analysed << " of " << statements << " statements");
  CHECK(analysed < statements);
}

TEST_CASE("an edit inside one statement re-analyses only the statements it can affect", "[incremental]") {
  std::string head =
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "sc = spark.sparkContext\n";
  std::string body;
  for (int i = 0; i < 200; ++i) {
    std::string n = std::to_string(i);
    body += "rdd" + n + " = sc.parallelize([1, 2, 3])\n";
    body += "df" + n + " = spark.range(" + n + ")\n";
    body += "print(df" + n + ".rdd.count())\n";
  }
  analysis::Settings settings;
  auto check = [&](const std::string& text, const analysis::CheckResult* previous) {
    return checkBoth(text, settings, previous);
  };
  std::string text = head + body;
  auto first = check(text, nullptr);
  CHECK(first.analysedStatements == first.statements);
  CHECK(first.diagnostics.size() >= 400);

  SECTION("typing inside an argument list") {
    std::string edited = text;
    edited.insert(edited.find("[1, 2, 3]", edited.size() / 2) + 1, "0, ");
    auto second = check(edited, &first);
    // The statement, and `sc = spark.sparkContext`, which binds a name it
    // reads (whether `sc` is still used decides that statement's fix).
    CHECK(second.analysedStatements == 2);
  }
  SECTION("a statement whose value changes kind re-runs its readers") {
    std::string edited = text;
    std::size_t at = edited.find("df7 = spark.range(7)");
    edited.replace(at, std::string("df7 = spark.range(7)").size(), "df7 = [7]");
    auto second = check(edited, &first);
    // The statement and `print(df7.rdd.count())`, which reads df7.
    CHECK(second.analysedStatements == 2);
    CHECK(second.diagnostics.size() == first.diagnostics.size() - 1);
  }
  SECTION("rebinding the session re-runs the statements that read it") {
    std::string edited = text;
    edited.replace(edited.find("spark = SparkSession.builder.getOrCreate()"),
                   std::string("spark = SparkSession.builder.getOrCreate()").size(), "spark = object()");
    auto second = check(edited, &first);
    CHECK(second.analysedStatements > 400);
  }
  SECTION("adding an import analyses everything") {
    auto second = check("import os\n" + text, &first);
    CHECK(second.analysedStatements == second.statements);
  }
  SECTION("a different selection analyses everything") {
    settings.ignore = {"SPK303"};
    auto second = check(text, &first);
    CHECK(second.analysedStatements == second.statements);
  }
}

TEST_CASE("a carried-over finding keeps its line and column however the edit moved the text",
          "[incremental]") {
  // Several statements on a line: one edited, the ones after it on that line
  // carried over with new columns, the lines below with new line numbers.
  std::string text =
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "a = 1; r1 = spark.sparkContext.parallelize([1]); r2 = spark.sparkContext.emptyRDD()\n"
      "df = spark.range(3)\n"
      "print(df.rdd.count()); r3 = spark.sparkContext.parallelize([2])\n"
      "spark.sparkContext.setLogLevel('WARN')\n"
      "sc = spark.sparkContext\n"
      "version = sc.pythonVer\n";  // its fix adds an import at the top and ends with the line
  analysis::Settings settings;
  auto first = checkBoth(text, settings, nullptr);
  REQUIRE(first.diagnostics.size() >= 7);
  CHECK(first.diagnostics[first.diagnostics.size() - 3].start.column == 0);
  struct Edit {
    std::string find, replace;
  };
  for (const Edit& edit : {Edit{"a = 1;", "a = 100;"}, Edit{"a = 1;", "a = (1,\n\n 2);"},
                           Edit{"a = 1; ", ""}, Edit{"df = spark.range(3)\n", "df = spark.range(\n  3)\n\n"},
                           Edit{"print(df.rdd.count()); ", "print(df.rdd.count()) ;  "},
                           // A line added before a statement, text typed just after one.
                           Edit{"\nspark.sparkContext.set", "\n\nspark.sparkContext.set"},
                           Edit{"emptyRDD()\n", "emptyRDD()  # later\n"},
                           Edit{"pythonVer\n", "pythonVer  # later\n"}}) {
    INFO(edit.find << " -> " << edit.replace);
    std::string edited = text;
    edited.replace(edited.find(edit.find), edit.find.size(), edit.replace);
    auto second = checkBoth(edited, settings, &first);
    CHECK(second.analysedStatements < second.statements);
    checkBoth(text, settings, &second);  // and back
  }
}

TEST_CASE("a statement analysed again alone still sees a module imported elsewhere in the file",
          "[incremental]") {
  // `VectorAssembler` resolves to `pyspark.ml.feature.*` through the import:
  // the rule's word (`feature`) is in the import, not in the statement that
  // changes.
  std::string text =
      "from pyspark.sql import SparkSession\n"
      "from pyspark.ml.feature import VectorAssembler\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "\n"
      "def job():\n"
      "    assembler = VectorAssembler(inputCols=['a'], outputCol='f')\n"
      "    return assembler\n";
  analysis::Settings settings;
  auto first = checkBoth(text, settings, nullptr);
  auto ml = [](const analysis::CheckResult& r) {  // SPK702 in the function
    return std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                         [](const auto& d) { return d.code == "SPK702" && d.start.line == 5; });
  };
  REQUIRE(ml(first) == 1);
  std::string edited = text;
  edited.replace(edited.find("['a']"), 5, "['a', 'b']");
  auto second = checkBoth(edited, settings, &first);
  CHECK(second.analysedStatements == 1);
  CHECK(ml(second) == 1);
  // The word typed where the statement changes, then gone again.
  std::string typed = edited;
  typed.replace(typed.find("return assembler"), 16, "return assembler  # feature");
  auto third = checkBoth(typed, settings, &second);
  auto fourth = checkBoth(edited, settings, &third);
  CHECK(ml(fourth) == 1);
}

// Fixes read the rest of the file only through the model's file-wide queries
// (references, assignments, sessions, text searches, where imports go); the
// checker records what each statement's fixes asked and knows no fix by
// name. Each section edits a statement that no rule reads, in a way that
// changes only what a fix elsewhere found by one of those queries.
TEST_CASE("a fix that looked something up file-wide is recomputed when that changes", "[incremental]") {
  analysis::Settings settings;
  settings.select = {"ALL"};
  auto check = [&](const std::string& text, const analysis::CheckResult* previous) {
    return checkBoth(text, settings, previous);
  };
  auto fixText = [](const analysis::CheckResult& r, std::string_view code) {
    for (const auto& d : r.diagnostics)
      if (d.code == code && d.fix) {
        std::string out;
        for (const auto& e : d.fix->edits) out += e.text;
        return out;
      }
    return std::string("(no fix)");
  };
  std::string filler;
  for (int i = 0; i < 20; ++i) filler += "value" + std::to_string(i) + " = " + std::to_string(i) + "\n";

  SECTION("a text search: the fresh name a fix introduces") {
    // hoist-columns names its set `existing`, or `existing_2` when the file
    // already uses that text anywhere.
    std::string loop =
        "def widen(df: DataFrame, wanted):\n"
        "    for name in wanted:\n"
        "        if name not in df.columns:\n"
        "            df = df.withColumn(name, F.lit(None))\n"
        "    return df\n";
    std::string text = "from pyspark.sql import DataFrame, functions as F\n" + loop + filler;
    auto first = check(text, nullptr);
    REQUIRE(fixText(first, "SPK802").find("existing = set(") != std::string::npos);
    std::string edited = text;
    edited.replace(edited.find("value7 = 7"), 10, "value7 = 'existing'");
    auto second = check(edited, &first);
    CHECK(fixText(second, "SPK802").find("existing_2 = set(") != std::string::npos);
    CHECK(second.analysedStatements == 2);  // the edited statement and the loop's
  }
  SECTION("the assignments of a name: which session a context came from") {
    // context-info-to-session (written after the checker learnt to record
    // lookups, with nothing added to it) finds the session behind `sc`
    // through the assignments of `sc`. Rebinding `sc` to another session's
    // context leaves the binding's digest as it was (an attribute holding a
    // SparkContext either way); the recorded lookup still sees the change.
    std::string text =
        "from pyspark.sql import SparkSession\n"
        "spark = SparkSession.builder.getOrCreate()\n"
        "other = SparkSession.builder.appName('other').getOrCreate()\n"
        "sc = spark.sparkContext\n"
        "def describe():\n"
        "    return sc.version\n" +
        filler;
    auto first = check(text, nullptr);
    REQUIRE(fixText(first, "SPK113") == "spark.version");
    std::string edited = text;
    edited.replace(edited.find("sc = spark.sparkContext"), 23, "sc = other.sparkContext");
    auto second = check(edited, &first);
    CHECK(fixText(second, "SPK113") == "other.version");
    CHECK(second.analysedStatements < second.statements);
  }
  SECTION("the references of a name: a use that appears elsewhere") {
    // drop-unused-import deletes `from pyspark import SparkContext` (missing
    // from pyspark-client 4) only while nothing else names SparkContext.
    settings.target = analysis::SparkVersion{4, 0};
    std::string text = "from pyspark import SparkContext\nfrom pyspark.sql import SparkSession\n" + filler;
    auto first = check(text, nullptr);
    std::string edited = text;
    edited.replace(edited.find("value7 = 7"), 10, "value7 = SparkContext");
    auto second = check(edited, &first);
    CHECK(second.analysedStatements < second.statements);
    CHECK(describe(second.diagnostics) != describe(first.diagnostics));
  }
}

namespace {

// The tree of `after`, parsed incrementally from `tree` (a parse of
// `before`), as the language server does after an edit.
analysis::TreePtr reparse(const analysis::TreePtr& tree, const std::string& before,
                          const std::string& after) {
  std::size_t prefix = 0, suffix = 0, common = std::min(before.size(), after.size());
  while (prefix < common && before[prefix] == after[prefix]) ++prefix;
  while (suffix < common - prefix && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
    ++suffix;
  analysis::TreePtr edited(ts_tree_copy(tree.get()));
  TSInputEdit edit = analysis::inputEdit(
      analysis::LineIndex(before),
      {static_cast<std::uint32_t>(prefix), static_cast<std::uint32_t>(before.size() - suffix)},
      std::string_view(after).substr(prefix, after.size() - suffix - prefix));
  ts_tree_edit(edited.get(), &edit);
  return analysis::parsePython(after, edited.get());
}

}  // namespace

TEST_CASE("a large file's model copies its unchanged definitions from the last version and reports what a full "
          "check reports, under random edits reparsed incrementally",
          "[incremental]") {
  // Every fixture and example, one after another, wrapped so that each is one
  // top-level function: large enough that the analysis keeps its model's
  // record, and made of definitions that later versions share.
  // Their imports go to the top: a definition that imports is not copied
  // (an import is a fact of the whole file).
  std::string imports, text;
  for (const auto& path : corpus()) {
    std::string source = test::readFile(path);
    if (source.size() > 20000) continue;  // the deep-nesting fixture
    text += "def " + path.stem().string() + "_" + std::to_string(text.size()) + "():\n";
    std::istringstream lines(source);
    for (std::string line; std::getline(lines, line);) {
      bool isImport = line.rfind("import ", 0) == 0 ||
                      (line.rfind("from ", 0) == 0 && line.find(" import ") != std::string::npos);
      if (isImport)
        imports += line + "\n";
      else
        text += "    " + line + "\n";
    }
    text += "    pass\n\n";
  }
  text = imports + text;
  REQUIRE(text.size() > 64 * 1024);
  analysis::Settings settings;
  std::mt19937 rng(20261205);
  analysis::TreePtr tree = analysis::parsePython(text);
  analysis::CheckResult previous =
      analysis::checkDocumentIncremental(text, tree.get(), settings, "big.py", nullptr);
  std::size_t reused = 0;
  const char* stepsSetting = std::getenv("INCREMENTAL_STEPS");
  const int steps = stepsSetting ? std::max(1, std::atoi(stepsSetting)) : 40;
  for (int step = 0; step < steps; ++step) {
    std::string what, before = text;
    text = randomEdit(text, rng, what);
    tree = reparse(tree, before, text);
    analysis::TreePtr fresh = analysis::parsePython(text);
    auto full = analysis::checkDocument(text, fresh.get(), settings, "big.py");
    auto incremental = analysis::checkDocumentIncremental(text, tree.get(), settings, "big.py", &previous);
    INFO("step " << step << ": " << what);
    REQUIRE(describe(incremental.diagnostics) == describe(full.diagnostics));
    // After forgetModelRecord (a document that let its tree go), nothing is copied.
    if (step == steps / 2 + 1) CHECK(incremental.definitionsReused == 0);
    if (step == steps / 2) analysis::forgetModelRecord(incremental);
    reused += incremental.definitionsReused;
    previous = std::move(incremental);
  }
  INFO(reused << " definitions copied over " << steps << " edits");
  CHECK(reused > static_cast<std::size_t>(steps) * 10);
}

namespace {

// Every question the analyses ask a model, asked of two models of one tree:
// the answers must be the same.
// The same node, at the same place (ts_node_eq compares no position).
bool samePlace(TSNode a, TSNode b) {
  if (ts_node_is_null(a) || ts_node_is_null(b)) return ts_node_is_null(a) == ts_node_is_null(b);
  TSPoint pa = ts_node_start_point(a), pb = ts_node_start_point(b);
  return ts_node_eq(a, b) && ts_node_start_byte(a) == ts_node_start_byte(b) &&
         ts_node_end_byte(a) == ts_node_end_byte(b) && pa.row == pb.row && pa.column == pb.column;
}

void compareModels(analysis::SemanticModel& reused, analysis::SemanticModel& fresh, TSNode root) {
  auto sites = [](analysis::SemanticModel& m) {
    std::vector<std::tuple<std::string, std::uint32_t, bool>> out;
    for (const auto& s : m.bindingSites()) out.emplace_back(std::string(s.name), s.pos, s.module);
    return out;
  };
  CHECK(sites(reused) == sites(fresh));
  CHECK(reused.importedNames() == fresh.importedNames());
  CHECK(reused.tempViewCounts() == fresh.tempViewCounts());
  std::size_t nodes = 0, differences = 0;
  std::string first;
  analysis::visitTree(root, [&](TSNode node) {
    if (!ts_node_is_named(node)) return true;
    ++nodes;
    bool same = reused.scopeOf(node) == fresh.scopeOf(node) &&
                reused.scopeOpenedBy(node) == fresh.scopeOpenedBy(node) &&
                reused.kindOf(node) == fresh.kindOf(node) &&
                reused.qualifiedName(node) == fresh.qualifiedName(node);
    if (analysis::isType(node, "identifier")) {
      auto a = reused.bindingOf(node), b = fresh.bindingOf(node);
      same = same && a.has_value() == b.has_value() &&
             reused.isUnboundName(node) == fresh.isUnboundName(node);
      if (a && b)
        same = same && a->id == b->id && a->kind == b->kind && a->scope == b->scope &&
               samePlace(a->value, b->value) && samePlace(a->annotation, b->annotation) &&
               reused.bindingValue(a->id).kind == fresh.bindingValue(b->id).kind;
    }
    if (!same && differences++ == 0)
      first = std::string(ts_node_type(node)) + " at byte " + std::to_string(ts_node_start_byte(node));
    return true;
  });
  INFO("first difference: " << first);
  CHECK(nodes > 100);
  CHECK(differences == 0);
}

}  // namespace

TEST_CASE("a model that copies the unchanged definitions of the last version answers as one made afresh",
          "[incremental]") {
  std::string text = R"(from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()

def load(path, fmt: str = "parquet", key=lambda r: r[0]):
    df = spark.read.format(fmt).load(path)
    rows = [x for x in df.collect() if x]
    first, *rest = rows
    def inner(y):
        nonlocal rows
        return y, df.rdd
    with open(path) as handle:
        text = handle.read()
    try:
        pass
    except ValueError as error:
        print(error)
    for name, frame in {"a": df}.items():
        frame.show()
    return df

class Job(Base):
    sc = None
    def __init__(self, session):
        self.spark = session
        self.sc = session.sparkContext
    @property
    def frame(self):
        return self.spark.range(3)
    @staticmethod
    def helper(a, *rest, b=2, **kw):
        return (lambda q: q)(a)

def other(a: int) -> int:
    return a + 1

@decorator
def decorated(x):
    return x.rdd

def uses_global():
    global counter
    counter = spark.sparkContext

def imports_inside():
    import pyspark.sql.functions as F
    return F.col("x")

def views(df):
    df.createOrReplaceTempView("t")

def walrus(x=(y := 3)):
    return x

counter = 0
frame, (left, *others) = spark.range(3), (1, 2, 3)
squares = [n * n for n in range(10) if (m := n)]
key = lambda row, k=counter: row[k]
for index, item in enumerate(squares):
    total = index + item
with open("f") as handle, open("g") as other_handle:
    data = handle.read()
if counter:
    def maybe(a):
        return a
else:
    class Maybe:
        value = 1
global counter
annotated: int = 3
counter += 1
)";
  // Each edit: (text to find, what it becomes); applied one after another.
  const std::vector<std::pair<std::string, std::string>> edits = {
      {"from pyspark", "import os\nextra = 1\nfrom pyspark"},  // rows and bytes move
      {"return a + 1", "return a + 2"},                       // one definition changes
      {"class Job(Base):", "\n\nclass Job(Base):"},           // rows move again, in the middle
      {"spark = SparkSession", "spark = SparkSession.builder.getOrCreate()\nsession = SparkSession"},
      {"    total = index + item", "    total = index * item\n    seen = total"},  // in a module-level loop
      {"counter += 1", "counter += 2\nextra_name = counter"},
  };
  analysis::TreePtr tree = analysis::parsePython(text);
  auto model = std::make_unique<analysis::SemanticModel>(text, ts_tree_root_node(tree.get()));
  std::shared_ptr<const analysis::SemanticModel::Collected> collected = model->takeCollected(tree.get());
  model.reset();
  std::size_t copied = 0;
  for (const auto& [find, replacement] : edits) {
    INFO("edit: " << find << " -> " << replacement);
    std::string before = text;
    std::size_t at = text.find(find);
    REQUIRE(at != std::string::npos);
    text.replace(at, find.size(), replacement);
    tree = reparse(tree, before, text);
    TSNode root = ts_tree_root_node(tree.get());
    analysis::SemanticModel reused(text, root, nullptr, collected.get());
    analysis::SemanticModel fresh(text, root);
    // Only load, Job and other can be copied (tree-sitter shares the
    // subtrees of some of them with the last version, as its reparse
    // decides); none that imports, uses `global`, creates a view or binds a
    // module-level name in a default is.
    CHECK(reused.definitionsReused() <= 3);
    copied += reused.definitionsReused();
    compareModels(reused, fresh, root);
    collected = reused.takeCollected(tree.get());
  }
  CHECK(copied >= 4);
}
