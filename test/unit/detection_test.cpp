// The detection fixtures in test/detection/: each folder is indexed as a
// project (as `sparkmigrate check FOLDER` does) and every file checked with
// the default rules. A line marked `# error: [SPK302, SPK303]` must be
// reported with exactly those codes, and no other line with any code: the
// classes of receivers real code reaches Spark objects through are found,
// and the look-alikes stay clean.
#include "analysis/checker.h"
#include "analysis/project.h"
#include "analysis/query.h"
#include "fixtures.h"

#include <catch2/catch.hpp>

#include <fstream>

#include <map>
#include <set>

using namespace sparkmigrate;

namespace {

std::vector<std::filesystem::path> pythonFiles(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    if (entry.path().extension() == ".py") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> problemsIn(const std::filesystem::path& file, const analysis::ProjectIndex* index) {
  test::Fixture f = test::loadFixture(file);
  analysis::Settings defaults;
  analysis::ProjectView view = analysis::ProjectView::forFile(index, file);
  analysis::CheckResult result = analysis::checkText(f.text, defaults, file.filename().string(), nullptr,
                                                     index ? &view : nullptr);
  std::map<std::size_t, std::set<std::string>> found;
  for (const auto& d : result.diagnostics) found[d.start.line].insert(d.code);
  std::vector<std::string> problems;
  for (const auto& [line, codes] : f.expected)
    if (found[line] != codes) problems.push_back("line " + std::to_string(line + 1) + ": missing or different codes");
  for (const auto& [line, codes] : found)
    if (!codes.empty() && !f.expected.count(line))
      problems.push_back("line " + std::to_string(line + 1) + ": unexpected " + *codes.begin());
  return problems;
}

}  // namespace

TEST_CASE("detection fixtures: every labelled call is found with its code, nothing else") {
  std::vector<std::filesystem::path> folders;
  for (const auto& entry : std::filesystem::directory_iterator(test::sourceDir() / "test/detection"))
    if (entry.is_directory()) folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  REQUIRE(folders.size() >= 3);
  for (const auto& folder : folders) {
    std::vector<std::filesystem::path> files = pythonFiles(folder);
    analysis::ProjectIndex index = analysis::indexFiles(files, 0, 1);
    for (const auto& file : files) {
      INFO(file.string());
      for (const auto& p : problemsIn(file, &index)) UNSCOPED_INFO(p);
      CHECK(problemsIn(file, &index).empty());
    }
  }
}

TEST_CASE("a call that several patterns of a rule match is one finding, and a chain's specific finding hides "
          "its generic one") {
  analysis::Settings defaults;
  std::string text =
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "log4j = spark._jvm.org.apache.log4j\n"
      "conf = spark.sparkContext.getConf()\n";
  auto result = analysis::checkText(text, defaults, "job.py");
  std::map<std::pair<std::uint32_t, std::string>, int> count;
  for (const auto& d : result.diagnostics) ++count[{d.start.line, d.code}];
  CHECK(count[{2, "SPK202"}] == 1);
  CHECK(count[{3, "SPK112"}] == 1);
  CHECK(count[{3, "SPK001"}] == 0);  // `spark.sparkContext`, covered by `.getConf()`
  CHECK(result.diagnostics.size() == 2);
}

TEST_CASE("a file checked alone sees the siblings that matter to it, and indexes no other") {
  std::vector<std::filesystem::path> folders;
  for (const auto& entry : std::filesystem::directory_iterator(test::sourceDir() / "test/detection"))
    if (entry.is_directory()) folders.push_back(entry.path());
  for (const auto& folder : folders)
    for (const auto& file : pythonFiles(folder)) {
      INFO(file.string());
      analysis::ProjectIndex index = analysis::indexFiles({file}, 0, 1);
      for (const auto& p : problemsIn(file, &index)) UNSCOPED_INFO(p);
      CHECK(problemsIn(file, &index).empty());
    }
  // Spark modules that neither name the checked file nor are named by it stay out.
  auto dir = std::filesystem::temp_directory_path() / "sparkmigrate-siblings-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto write = [&](const char* name, const char* text) { std::ofstream(dir / name) << text; };
  write("job.py", "from pyspark.sql import SparkSession\nfrom io_helpers import load\nspark = SparkSession.builder.getOrCreate()\n");
  write("io_helpers.py", "from storage import open_table\ndef load(spark):\n    return open_table(spark)\n");
  write("storage.py", "def open_table(spark):\n    return spark.read.table('t')\n");
  write("caller.py", "import job\n");
  write("other_job.py", "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n");
  analysis::ProjectIndex alone = analysis::indexFiles({dir / "job.py"}, 0, 1);
  analysis::ProjectIndex all = analysis::indexFiles({dir / "job.py", dir / "other_job.py"}, 0, 1);
  CHECK(alone.modules() + 1 == all.modules());
  std::filesystem::remove_all(dir);
}

TEST_CASE("what a sibling module exports is what finds a call in a module without pyspark") {
  auto folder = test::sourceDir() / "test/detection/helpers_across_modules";
  std::vector<std::filesystem::path> files = pythonFiles(folder);
  analysis::ProjectIndex index = analysis::indexFiles(files, 0, 1);
  CHECK(index.modules() == 2);  // session.py and helpers.py mention Spark
  analysis::ProjectView view = analysis::ProjectView::forFile(&index, folder / "helpers.py");
  const analysis::ModuleExport* spark = view.find("session.get_spark");
  REQUIRE(spark);
  CHECK((spark->function && spark->kind == analysis::Kind::SparkSession));
  const analysis::ModuleExport* pair = view.find("session.create_spark");
  REQUIRE(pair);
  CHECK(pair->elements == std::vector<analysis::Kind>{analysis::Kind::SparkSession, analysis::Kind::SparkContext});
  const analysis::ModuleExport* shared = view.find("session.shared");
  REQUIRE(shared);
  CHECK((!shared->function && shared->kind == analysis::Kind::SparkSession));
  CHECK(view.find("session.missing") == nullptr);
  CHECK(view.find("os.path") == nullptr);
  // Without the project, the calls on what load_orders returns are not found.
  std::vector<std::string> alone = problemsIn(folder / "helpers.py", nullptr);
  CHECK(std::find(alone.begin(), alone.end(), "line 52: missing or different codes") != alone.end());
}

TEST_CASE("project names resolve as Python imports them: relative, beside the importer, unique suffix") {
  using analysis::ProjectIndex;
  std::vector<ProjectIndex::Source> sources = {
      {"/p/jobs/a/session.py", "from pyspark.sql import SparkSession\ndef get():\n    return SparkSession.builder.getOrCreate()\n"},
      {"/p/jobs/b/session.py", "def get():\n    return 42  # not Spark\n"},
      {"/p/lib/util/sparkutil.py", "from pyspark import SparkContext\ndef context():\n    return SparkContext.getOrCreate()\n"},
      {"/p/lib/util/__init__.py", "from .sparkutil import context\n"},
  };
  ProjectIndex index = ProjectIndex::build(sources);
  // Beside the importer wins over a module of the same name elsewhere.
  REQUIRE(index.find("/p/jobs/a", "session.get"));
  CHECK(index.find("/p/jobs/a", "session.get")->kind == analysis::Kind::SparkSession);
  CHECK(index.find("/p/jobs/b", "session.get") == nullptr);
  // From elsewhere, two modules named `session` disagree: no answer.
  CHECK(index.find("/p/other", "session.get") == nullptr);
  // Relative imports and re-exports through a package's __init__.
  REQUIRE(index.find("/p/lib/util", ".sparkutil.context"));
  REQUIRE(index.find("/p/app", "util.context"));
  CHECK(index.find("/p/app", "util.context")->kind == analysis::Kind::SparkContext);
  CHECK(index.find("/p/app", "lib.util.sparkutil.context")->kind == analysis::Kind::SparkContext);
}

TEST_CASE("what the project's callers pass is what a function's parameters hold") {
  using analysis::Kind;
  using analysis::ProjectIndex;
  std::vector<ProjectIndex::Source> sources = {
      {"/p/main.py",
       "from pyspark.sql import SparkSession\nimport util\nfrom util import show, mixed\n"
       "spark = SparkSession.builder.getOrCreate()\ndf = spark.range(3)\n"
       "show(df, n=spark)\nutil.mixed(df)\nmixed([1, 2])\nutil.star(*[df])\n"},
      {"/p/util.py",
       "def show(frame, count=5, *, n=None):\n    return frame\n\ndef mixed(x):\n    return x\n\n"
       "def star(a):\n    return a\n\ndef inner(y):\n    return y\n\ndef outer(frame):\n    return inner(frame)\n"},
      {"/p/caller.py", "from util import outer\nimport main\nouter(main.df)\n"},
  };
  ProjectIndex index = ProjectIndex::build(sources);
  CHECK(index.argument("/p/util", "show", 0, "frame") == Kind::DataFrame);
  CHECK(index.argument("/p/util", "show", 1, "count") == Kind::Unknown);  // not passed
  CHECK(index.argument("/p/util", "show", -1, "n") == Kind::SparkSession);  // keyword-only
  CHECK(index.argument("/p/util", "mixed", 0, "x") == Kind::Unknown);     // a frame and a list
  CHECK(index.argument("/p/util", "star", 0, "a") == Kind::Unknown);      // *args: positions unknown
  // A variable of another module passed on, then through an own-module call.
  CHECK(index.argument("/p/util", "outer", 0, "frame") == Kind::DataFrame);
  CHECK(index.argument("/p/util", "inner", 0, "y") == Kind::DataFrame);
  analysis::ProjectView view = analysis::ProjectView::forFile(&index, "/p/util.py");
  CHECK(view.module == "/p/util");
  CHECK(view.argument("show", 0, "frame") == Kind::DataFrame);
}

TEST_CASE("a file reported clean without parsing is one a full check finds nothing in") {
  // Texts without a Spark mention that still have findings: the skip must see each.
  std::vector<std::string> texts = {
      "import py4j\n",                                             // literal module names
      "from py4j.java_gateway import java_import\n",
      "def f(sc):\n    return sc.getLocalProperty('a')\n",        // a conventional name
      "def f(sqlContext):\n    return sqlContext.tables()\n",
      "x = 1  # noqa: SPK101\n",                                   // an unused suppression
      "dbutils.fs.mount('s3a://bucket', '/mnt/data')\n",
      "import sparkdl\n",
      "import os\nprint(os.sep)\n",                                // and files with nothing
      "def f(df):\n    return df.amount\n",
      "def f(x):\n    return f\"{x.rdd.map(len)}\"\n",                // evidence in an f-string's field
      "def f(x, d):\n    return f\"{d[\"k\"]} {x.rdd.map(len)}\"\n",  // Python 3.12's nested quotes
      "s = 'open\ndef f(x):\n    return x.rdd.map(len)\n",           // a string left open
      "def f(x):\n    \"\"\"x.rdd.map(len)\"\"\"\n    # x.rdd.map(len)\n    return 'x.rdd.map(len)'\n",
  };
  namespace fs = std::filesystem;
  for (const char* folder : {"test/rules", "test/detection", "test/corpus", "examples"})
    for (const auto& entry : fs::recursive_directory_iterator(test::sourceDir() / folder))
      if (entry.path().extension() == ".py") texts.push_back(test::readFile(entry.path()));
  analysis::Settings defaults;
  std::size_t skipped = 0, withFindings = 0;
  for (const auto& text : texts) {
    INFO(text.substr(0, 200));
    analysis::TreePtr tree = analysis::parsePython(text);
    auto full = analysis::checkDocument(text, tree.get(), defaults, "f.py");
    auto quick = analysis::checkText(text, defaults, "f.py");
    std::vector<std::string> a, b;
    for (const auto& d : full.diagnostics) a.push_back(d.code + ":" + std::to_string(d.start.line));
    for (const auto& d : quick.diagnostics) b.push_back(d.code + ":" + std::to_string(d.start.line));
    CHECK(a == b);
    skipped += !analysis::mentionsSpark(text) && b.empty();
    withFindings += !analysis::mentionsSpark(text) && !b.empty();
  }
  CHECK(withFindings >= 6);
  CHECK(skipped >= 2);
}

TEST_CASE("names in comments and plain strings are no evidence of Spark; in code and f-strings they are") {
  const auto& matcher = analysis::RuleMatcher::builtin();
  // `ss`, `session`, `df` are conventional names and no rule's word: only evidence.
  CHECK(matcher.mentionsTrigger("ss = 1\n"));
  CHECK_FALSE(matcher.mentionsTrigger("x = 1  # ss, session and df\n"));
  CHECK_FALSE(matcher.mentionsTrigger("def f():\n    \"\"\"Opens a session.\n\n    df\n    \"\"\"\n"));
  CHECK_FALSE(matcher.mentionsTrigger("x = rb'ss' + Rb\"df\" + u'session' + '''ss\n'''\n"));
  CHECK_FALSE(matcher.mentionsTrigger("x = \"\\\"ss\" + '\\\\' + 'df'\n"));  // escapes
  CHECK(matcher.mentionsTrigger("x = 'a' + ss + \"b\"\n"));
  CHECK(matcher.mentionsTrigger("x = f\"{ss}\"\n"));                   // an f-string's field is code
  CHECK(matcher.mentionsTrigger("x = F'''{session\n}'''\n"));
  CHECK(matcher.mentionsTrigger("x = f\"{d[\"k\"]} {ss}\"\n"));        // quotes nested as 3.12 allows
  CHECK(matcher.mentionsTrigger("x = f\"{'}'}{d[\"k\"]} {ss}\"\n"));  // ... behind a brace in a string
  CHECK(matcher.mentionsTrigger("x = f'{f\"{ss}\"}'\n"));               // an f-string in a field
  CHECK_FALSE(matcher.mentionsTrigger("x = f\"{d[\"k\"]}\" + 'ss'\n"));  // and the plain string after it
  std::string deep = "x = ";
  for (int i = 0; i < 200000; ++i) deep += "f\"{";  // nested deeper than a stack could follow
  CHECK(matcher.mentionsTrigger(deep + "\nss = 2\n"));  // so what is code cannot be told: any mention counts
  CHECK(matcher.mentionsTrigger("x = 'open ss\ny = 1\n"));             // a string left open: any mention
  CHECK(matcher.mentionsTrigger("x = '''open ss\n"));
}
