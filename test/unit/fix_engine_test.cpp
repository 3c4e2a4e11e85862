// The fix engine on small documents: composition of several fixes in one
// file, safety levels, the fix loop reaching a fixed point, idempotence,
// imports added once and SparkContext/SQLContext imports dropped when unused,
// comments kept, the session found in scope, and the transform registry.
#include "analysis/catalogue.h"
#include "analysis/checker.h"
#include "analysis/fix.h"

#include <catch2/catch.hpp>

using namespace sparkmigrate;

namespace {

analysis::FixOutcome fix(const std::string& text, bool unsafe = true) {
  analysis::Settings settings;
  analysis::FixOptions options;
  options.unsafe = unsafe;
  return analysis::fixDocument(text, settings, "t.py", options);
}

}  // namespace

TEST_CASE("fix: every rule's transform is registered, names are unique and sorted") {
  auto names = analysis::transformNames();
  REQUIRE(!names.empty());
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  for (const auto& rule : analysis::Catalogue::builtin().rules()) {
    if (rule.fix.transform.empty()) continue;
    INFO(rule.code);
    CHECK(analysis::findTransform(rule.fix.transform) != nullptr);
    CHECK(rule.fix.safety != analysis::FixSafety::DisplayOnly);
  }
  CHECK(analysis::findTransform("no-such-transform") == nullptr);
}

TEST_CASE("fix: several fixes compose, comments stay, the loop reaches a fixed point") {
  std::string text =
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "sc = spark.sparkContext  # the context\n"
      "x = 1\n"
      "df = sc.parallelize([(1, 'a')]).toDF(['id', 'v'])  # build\n"
      "# keep this comment\n"
      "if df.rdd.isEmpty():  # empty?\n"
      "    print(df.rdd.count())\n";
  auto out = fix(text);
  CHECK(out.error.empty());
  CHECK(out.text ==
        "from pyspark.sql import SparkSession\n"
        "spark = SparkSession.builder.getOrCreate()\n"
        "# the context\n"
        "x = 1\n"
        "df = spark.createDataFrame([(1, 'a')], ['id', 'v'])  # build\n"
        "# keep this comment\n"
        "if df.isEmpty():  # empty?\n"
        "    print(df.count())\n");
  CHECK(out.fixedByCode["SPK101"] == 1);
  CHECK(out.fixedByCode["SPK302"] == 1);
  CHECK(out.fixedByCode["SPK303"] == 1);
  CHECK(out.fixedByCode["SPK001"] == 1);
  CHECK(out.remaining.empty());
  auto again = fix(out.text);
  CHECK(again.fixed == 0);
  CHECK(again.text == out.text);
}

TEST_CASE("fix: unsafe fixes need the option; safe ones do not") {
  std::string text =
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "df = spark.sparkContext.parallelize([(1,)]).toDF(['id'])\n"
      "n = df.rdd.count()\n";
  auto safeOnly = fix(text, false);
  CHECK(safeOnly.text.find("spark.sparkContext.parallelize") != std::string::npos);
  CHECK(safeOnly.text.find("n = df.count()") != std::string::npos);
  REQUIRE(safeOnly.remaining.size() == 1);
  REQUIRE(safeOnly.remaining[0].fix);
  CHECK(safeOnly.remaining[0].fix->safety == analysis::FixSafety::Unsafe);
  auto all = fix(text, true);
  CHECK(all.text.find("spark.createDataFrame([(1,)], ['id'])") != std::string::npos);
}

TEST_CASE("fix: imports are added once and unused context imports dropped") {
  std::string text =
      "\"\"\"Doc.\"\"\"\n"
      "from pyspark import SparkContext\n"
      "from pyspark.sql import SparkSession, SQLContext\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "sqlContext = SQLContext(spark.sparkContext)\n"
      "df = sqlContext.table('t')\n"
      "a = df.toJSON().collect()\n"
      "b = df.toJSON().first()\n";
  auto out = fix(text);
  CHECK(out.text ==
        "\"\"\"Doc.\"\"\"\n"
        "from pyspark import SparkContext\n"
        "from pyspark.sql import SparkSession\n"
        "from pyspark.sql import functions as F\n"
        "spark = SparkSession.builder.getOrCreate()\n"
        "df = spark.table('t')\n"
        "a = [r.value for r in df.select(F.to_json(F.struct(\"*\")).alias(\"value\")).collect()]\n"
        "b = df.select(F.to_json(F.struct(\"*\")).alias(\"value\")).first().value\n");
  // SparkContext was imported but never used: not ours to drop.
  std::string unused =
      "from pyspark import SparkContext\nfrom pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\nn = spark.table('t').rdd.count()\n";
  CHECK(fix(unused).text.find("from pyspark import SparkContext\n") == 0);
}

TEST_CASE("fix: the session is found in scope, or the notebook global") {
  std::string text =
      "from pyspark.sql import SparkSession\n"
      "def load(session: SparkSession):\n"
      "    ctx = session.sparkContext\n"
      "    return ctx.parallelize([(1,)]).toDF(['id'])\n";
  auto out = fix(text);
  CHECK(out.text.find("return session.createDataFrame([(1,)], ['id'])") != std::string::npos);
  CHECK(out.text.find("ctx = ") == std::string::npos);

  std::string notebook = "# Databricks notebook source\nrows = sc.parallelize([(1,)]).toDF(['id'])\n";
  CHECK(fix(notebook).text == "# Databricks notebook source\nrows = spark.createDataFrame([(1,)], ['id'])\n");

  // A locally built context becomes a session and the context derived from
  // it, which the member rewrites then use (and SPK001 deletes).
  std::string script =
      "from pyspark import SparkContext\nsc = SparkContext()\nrows = sc.parallelize([(1,)]).toDF(['id'])\n";
  CHECK(fix(script).text ==
        "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n"
        "rows = spark.createDataFrame([(1,)], ['id'])\n");
}

TEST_CASE("fix: the new transforms decline shapes they cannot rewrite faithfully") {
  // SparkContext: `spark` bound to something else, a SparkConf made elsewhere.
  std::string taken = "from pyspark import SparkContext\nspark = 1\nsc = SparkContext()\nprint(sc.version)\n";
  CHECK(fix(taken).text == taken);
  std::string given =
      "from pyspark import SparkContext\ndef job(conf):\n    sc = SparkContext(conf=conf)\n"
      "    return sc.version\n";
  CHECK(fix(given).text == given);
  // .master(...): only when the chain is remote or the file sets SPARK_REMOTE.
  std::string local =
      "from pyspark.sql import SparkSession\nspark = SparkSession.builder.master('local').getOrCreate()\n";
  CHECK(fix(local).text == local);
  std::string env =
      "import os\nfrom pyspark.sql import SparkSession\nos.environ['SPARK_REMOTE'] = 'sc://h'\n"
      "spark = SparkSession.builder.master('local').getOrCreate()\n";
  CHECK(fix(env).text.find("SparkSession.builder.getOrCreate()") != std::string::npos);
  std::string read =
      "import os\nfrom pyspark.sql import SparkSession\nremote = os.environ['SPARK_REMOTE']\n"
      "spark = SparkSession.builder.master('local').getOrCreate()\n";
  CHECK(fix(read).text == read);
  // sc.union over RDDs stays.
  std::string rdds =
      "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n"
      "sc = spark.sparkContext\nu = sc.union([sc.parallelize([1]), sc.parallelize([2])])\n";
  CHECK(fix(rdds).text.find("sc.union(") != std::string::npos);
  // A schema loop that does more than check-then-withColumn stays.
  std::string loop =
      "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n"
      "df = spark.range(1)\nfor c in ['a']:\n    if c not in df.columns:\n"
      "        df = df.withColumn(c, df.id)\n        print(c)\n";
  CHECK(fix(loop).text == loop);
  // dbutils: only fs/secrets; notebook.run has no SDK equivalent.
  analysis::Settings databricks;
  databricks.platform = analysis::Platform::Databricks;
  analysis::FixOptions unsafe;
  unsafe.unsafe = true;
  std::string run = "dbutils.notebook.run('x', 60)\n";
  CHECK(analysis::fixDocument(run, databricks, "t.py", unsafe).text == run);
}

TEST_CASE("fix: an import inside another function neither provides nor blocks a module-level one") {
  std::string text =
      "def setup():\n    import logging\n    return logging\n\n\ndef log(spark):\n"
      "    return spark._jvm.org.apache.log4j.LogManager.getLogger('x')\n";
  auto out = fix(text);
  CHECK(out.text.rfind("import logging\n\n\ndef setup", 0) == 0);  // PEP 8's two blank lines
  CHECK(out.text.find("return logging.getLogger('x')") != std::string::npos);
}

TEST_CASE("fix: an unused py4j import goes without --unsafe-fixes") {
  std::string text = "import py4j\nfrom py4j.java_gateway import java_import\nx = 1\n";
  CHECK(fix(text, false).text == "x = 1\n");
  std::string used = "import py4j\nprint(py4j.__name__)\n";
  CHECK(fix(used, false).text == used);
  // The blank lines around a removed import do not add up.
  CHECK(fix("import os\n\nimport py4j\n\n\nx = os.sep\n", false).text == "import os\n\n\nx = os.sep\n");
  CHECK(fix("import py4j\n\nx = 1\n", false).text == "x = 1\n");
  CHECK(fix("import os\nimport py4j\n\nx = os.sep\n", false).text == "import os\n\nx = os.sep\n");
}

TEST_CASE("fix: checkDocument attaches fixes only where a transform produced edits") {
  analysis::Settings settings;
  auto result = analysis::checkText(
      "import pyspark\nspark.sparkContext.setJobGroup('a', 'b')\nx = spark.table('t').rdd.isEmpty()\n",
      settings, "t.py");
  REQUIRE(result.diagnostics.size() == 2);
  CHECK(!result.diagnostics[0].fix);
  REQUIRE(result.diagnostics[1].fix);
  CHECK(result.diagnostics[1].fix->safety == analysis::FixSafety::Safe);
  CHECK(!result.diagnostics[1].fix->message.empty());
  REQUIRE(result.diagnostics[1].fix->edits.size() == 1);
  CHECK(result.diagnostics[1].fix->edits[0].text.empty());
}

TEST_CASE("fix: applyEdits keeps unedited text and skips overlapping edits") {
  std::vector<analysis::Edit> edits = {{{4, 5}, "X"}, {{0, 1}, "Y"}, {{4, 6}, "Z"}};
  CHECK(analysis::applyEdits("abcdefg", edits) == "YbcdXfg");
}

TEST_CASE("fix: the catalogue loader rejects unknown transforms and display-only transforms") {
  auto load = [](const std::string& fix) {
    return analysis::Catalogue::load({{"rules/SPK999.toml",
                                       "code = \"SPK999\"\nname = \"x\"\ngroup = \"session\"\n"
                                       "message = \"m\"\nquery = \"(identifier) @report\"\n" +
                                           fix + "[docs]\nwhat = \"w\"\n"}});
  };
  REQUIRE(load("[fix]\nsafety = \"safe\"\ntransform = \"drop-rdd\"\n"));
  auto unknown = load("[fix]\nsafety = \"safe\"\ntransform = \"teleport\"\n");
  REQUIRE(!unknown);
  CHECK_THAT(unknown.error().message,
             Catch::Contains("rules/SPK999.toml:8: unknown fix transform 'teleport'"));
  auto displayOnly = load("[fix]\nsafety = \"display-only\"\ntransform = \"drop-rdd\"\n");
  REQUIRE(!displayOnly);
  CHECK_THAT(displayOnly.error().message, Catch::Contains("must be safe or unsafe"));
}

TEST_CASE("fix: removing a statement keeps a block valid and leaves other code alone") {
  std::string text =
      "import pyspark\n"
      "def quiet(sc):\n"
      "    sc.setLogLevel('WARN')\n"
      "x = spark.table('t').rdd.count(); y = 1\n";
  auto out = fix(text);
  CHECK(
      out.text ==
      "import pyspark\n"
      "def quiet(sc):\n"
      "    pass  # sparkmigrate: removed sc.setLogLevel('WARN'); set spark.log.level on the server instead\n"
      "x = spark.table('t').count(); y = 1\n");
}
