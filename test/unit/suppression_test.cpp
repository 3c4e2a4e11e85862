// Unit tests for suppression comments and their interplay with findings.
#include "analysis/checker.h"
#include "analysis/suppression.h"

#include <catch2/catch.hpp>

using namespace sparkmigrate::analysis;

TEST_CASE("suppression comments are parsed") {
  Suppression s;
  REQUIRE(parseSuppressionComment("# noqa: SPK101, SPK102", 10, s));
  REQUIRE(s.codes.size() == 2);
  CHECK(s.codes[0].code == "SPK101");
  CHECK(s.codes[0].range.start == 18);
  CHECK(s.codes[1].code == "SPK102");
  Suppression bare;
  REQUIRE(parseSuppressionComment("# NOQA", 0, bare));
  CHECK(bare.all);
  Suppression ours;
  REQUIRE(parseSuppressionComment("# sparkmigrate: ignore[SPK001]", 0, ours));
  CHECK(ours.ours);
  CHECK(ours.codes.at(0).code == "SPK001");
  Suppression none;
  CHECK_FALSE(parseSuppressionComment("# a noqaish comment", 0, none));
  CHECK_FALSE(parseSuppressionComment("# nothing to see", 0, none));
}

TEST_CASE("suppressions hide findings on their line and unused ones are reported") {
  Settings settings;
  std::string text =
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "sc = spark.sparkContext  # noqa: SPK001\n"
      "sc2 = spark.sparkContext  # sparkmigrate: ignore[SPK101]\n"
      "sc3 = spark.sparkContext  # noqa\n"
      "x = 1  # noqa: E501\n";
  auto result = checkText(text, settings, "t.py");
  std::vector<std::pair<std::string, std::uint32_t>> got;
  for (const auto& d : result.diagnostics) got.emplace_back(d.code, d.start.line);
  std::vector<std::pair<std::string, std::uint32_t>> want = {{"SPK001", 3}, {"SPK000", 3}};
  CHECK(got == want);
}

TEST_CASE("a specific finding replaces the generic one it covers") {
  Settings settings;
  auto result = checkText(
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "rdd = spark.sparkContext.parallelize([1])\n",
      settings, "t.py");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == "SPK101");
}

TEST_CASE("syntax errors are located and the rest is still checked") {
  Settings settings;
  auto result = checkText(
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "def broken(:\n"
      "    pass\n"
      "sc = spark.sparkContext\n",
      settings, "t.py");
  REQUIRE(result.syntaxError);
  CHECK(result.syntaxError->line == 2);
  bool found = false;
  for (const auto& d : result.diagnostics) found = found || (d.code == "SPK001" && d.start.line == 4);
  CHECK(found);
}
