// Model-backed migration without a model: regions, prompts, every verdict of
// the validator, tolerant reply parsing, [tool.sparkmigrate.llm] parsing with
// keys refused, and the ask-validate-repair loop with its cache, driven by
// the scripted backend.
#include "analysis/config.h"
#include "analysis/migration.h"
#include "migrate/migrate.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace sparkmigrate;

namespace {

const std::string kJob =
    "from pyspark.sql import SparkSession\n"
    "\n"
    "spark = SparkSession.builder.getOrCreate()\n"
    "\n"
    "\n"
    "class Stats:\n"
    "    def partitions(self, df):\n"
    "        # Connect has no RDD.\n"
    "        return df.rdd.getNumPartitions()\n"
    "\n"
    "\n"
    "def total(df):\n"
    "    return df.count()\n";

struct Fixture {
  std::string text;
  analysis::TreePtr tree;
  analysis::Settings settings;
  analysis::CheckResult check;
  analysis::MigrationTask task;

  explicit Fixture(std::string source, std::string code = "SPK305") : text(std::move(source)) {
    tree = analysis::parsePython(text);
    check = analysis::checkDocumentIncremental(text, tree.get(), settings, "job.py", nullptr);
    const analysis::Diagnostic* target = nullptr;
    for (const auto& d : check.diagnostics)
      if (d.code == code) target = &d;
    REQUIRE(target);
    task = analysis::buildMigrationTask(text, tree.get(), check, *target, settings, "job.py");
  }
  analysis::Validation validate(std::string code, std::vector<std::string> imports = {}) {
    return analysis::validateRewrite(text, tree.get(), check, task, {std::move(code), std::move(imports)}, settings, "job.py");
  }
};

}  // namespace

TEST_CASE("migration: the region of a finding in a method is the method, decorators and all") {
  Fixture f(kJob);
  CHECK(f.task.region.kind == "method");
  CHECK(f.task.region.name == "partitions");
  CHECK(f.task.region.start.line == 6);
  CHECK(f.task.region.end.line == 9);
  CHECK(f.task.region.indent == 4);
  CHECK(f.text.substr(f.task.region.range.start, f.task.region.range.end - f.task.region.range.start) ==
        "    def partitions(self, df):\n        # Connect has no RDD.\n        return df.rdd.getNumPartitions()\n");
}

TEST_CASE("migration: module-level findings get their statement, or their notebook cell") {
  Fixture statement(
      "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n"
      "if True:\n    n = spark.table('t').rdd.getNumPartitions()\nprint(1)\n");
  CHECK(statement.task.region.kind == "statement");
  CHECK(statement.task.region.start.line == 2);
  CHECK(statement.task.region.end.line == 4);
  Fixture cell(
      "# Databricks notebook source\nx = 1\n\n# COMMAND ----------\n\n"
      "df = spark.table('t')\nn = df.rdd.getNumPartitions()\n\n# COMMAND ----------\n\nprint(n)\n");
  CHECK(cell.task.region.kind == "cell");
  CHECK(cell.task.region.start.line == 5);
  CHECK(cell.task.region.end.line == 7);
}

TEST_CASE("migration: the prompt carries the finding, its rule's documentation, the imports and the region as data") {
  Fixture f(kJob);
  CHECK(f.task.user.find("SPK305") != std::string::npos);
  CHECK(f.task.user.find("Why it breaks") != std::string::npos);
  CHECK(f.task.user.find("from pyspark.sql import SparkSession") != std::string::npos);
  CHECK(f.task.user.find("return df.rdd.getNumPartitions()") != std::string::npos);
  CHECK(f.task.user.find("Target: Spark Connect 3.5") != std::string::npos);
  CHECK(f.task.system.find("never an instruction") != std::string::npos);
  // Only the rules at hand, not the catalogue.
  CHECK(f.task.user.find("SPK101") == std::string::npos);
}

TEST_CASE("validator: a good rewrite is accepted, re-indented, with its imports and tight edits") {
  Fixture f(kJob);
  auto v = f.validate("def partitions(self, df):\n    return int(spark.conf.get('spark.sql.shuffle.partitions'))\n",
                      {"import math"});
  REQUIRE(v.verdict == analysis::Verdict::Validated);
  CHECK(v.complaint.empty());
  CHECK(v.patched.find("import math\n") != std::string::npos);
  CHECK(v.patched.find("    def partitions(self, df):\n        return int(spark.conf.get(") != std::string::npos);
  CHECK(v.patched.find("def total(df):") != std::string::npos);
  REQUIRE(v.edits.size() == 2);
  CHECK(v.edits[1].range.start > f.task.region.range.start);  // the unchanged `def` line is not rewritten
  REQUIRE(v.fixed.size() == 1);
  CHECK(v.fixed[0].code == "SPK305");
}

TEST_CASE("validator: each way an answer can be wrong is rejected with its reason") {
  Fixture f(kJob);
  using V = analysis::Verdict;
  CHECK(f.validate("").verdict == V::NoCode);
  auto syntax = f.validate("def partitions(self, df):\n    return 1 +\n");
  CHECK(syntax.verdict == V::SyntaxError);
  CHECK(syntax.complaint.find("line 2") != std::string::npos);
  CHECK(syntax.edits.empty());
  CHECK(syntax.patched.empty());
  CHECK(f.validate("def partitions(self, df):\n    return df.rdd.getNumPartitions()\n").verdict == V::FindingKept);
  auto added = f.validate("def partitions(self, df):\n    return df.sparkContext.defaultParallelism\n");
  CHECK(added.verdict == V::NewFinding);
  CHECK(added.complaint.find("SPK115") != std::string::npos);
  auto outside = f.validate("def partitions(self, df):\n    return 1\n\ndef total(df):\n    return 0\n");
  CHECK(outside.verdict == V::OutsideRegion);
  CHECK(outside.complaint.find("`total`") != std::string::npos);
  CHECK(f.validate("def parts(self, df):\n    return 1\n").verdict == V::OutsideRegion);
  CHECK(f.validate("def partitions(self, df):\n    return 1\nprint('side effect')\n").verdict == V::OutsideRegion);
  CHECK(f.validate("spark = SparkSession.builder.getOrCreate()\ndef partitions(self, df):\n    return 1\n").verdict ==
        V::OutsideRegion);
  auto name = f.validate("def partitions(self, df):\n    return helper(df)\n");
  CHECK(name.verdict == V::UndefinedName);
  CHECK(name.complaint.find("`helper`") != std::string::npos);
  CHECK(f.validate("def partitions(self, df):\n    return 1\n", {"os.system('x')"}).verdict == V::OutsideRegion);
  CHECK(f.validate("def partitions(self, df):\n    return 1\n", {"import os; os.system('x')"}).verdict ==
        V::OutsideRegion);
  CHECK(f.validate("def partitions(self, df):\n    return 1\n", {"from import"}).verdict == V::SyntaxError);
  // A bare module, as models write it, is read as `import ...`.
  auto bare = f.validate("def partitions(self, df):\n    return F.lit(1)\n", {"pyspark.sql.functions as F"});
  CHECK(bare.verdict == V::Validated);
  CHECK(bare.patched.find("import pyspark.sql.functions as F\n") != std::string::npos);
}

TEST_CASE("validator: a rewrite may not drop a binding that code outside the region reads") {
  Fixture f(
      "from pyspark.sql import SparkSession\n\nspark = SparkSession.builder.getOrCreate()\n"
      "conf = spark.sparkContext.getConf()\nprint(conf.get('spark.app.name'))\n",
      "SPK112");
  REQUIRE(f.task.region.kind == "statement");
  auto v = f.validate("def load(data):\n    return data\n");
  CHECK(v.verdict == analysis::Verdict::UndefinedName);
  CHECK(v.complaint.find("`conf`") != std::string::npos);
  CHECK(v.complaint.find("outside the region") != std::string::npos);
  CHECK(f.validate("conf = spark.conf\n").verdict != analysis::Verdict::UndefinedName);
}

TEST_CASE("validator: builtins, parameters, locals and hoisted imports are not undefined names") {
  Fixture f(kJob);
  auto v = f.validate(
      "import math\n"
      "def partitions(self, df):\n"
      "    parts = [r for r in range(3)]\n"
      "    try:\n"
      "        return math.floor(len(parts) + sum(x for x in parts))\n"
      "    except ValueError as error:\n"
      "        raise RuntimeError(str(error))\n");
  INFO(v.complaint);
  CHECK(v.verdict == analysis::Verdict::Validated);
  CHECK(v.patched.rfind("import math\n", v.patched.find("class Stats")) != std::string::npos);
}

TEST_CASE("replies: JSON, fenced JSON, fenced Python, prose around a block, other string fields") {
  std::string problem;
  auto code = [&](std::string_view reply) {
    auto r = migrate::parseAnswer(reply, problem);
    return r ? r->code : std::string("<none>");
  };
  CHECK(code(R"({"code": "x = 1\n", "imports": []})") == "x = 1\n");
  CHECK(code("```json\n{\"code\": \"x = 2\"}\n```") == "x = 2");
  CHECK(code("```python\nx = 3\n```") == "x = 3\n");
  CHECK(code("Here is the rewrite:\n```python\nx = 4\n```\nIt avoids the RDD.") == "x = 4\n");
  CHECK(code(R"({"rewritten_code": "x = 5"})") == "x = 5");
  CHECK(code(R"({"code": "```python\nx = 6\n```"})") == "x = 6\n");
  CHECK(code("Sure. {\"code\": \"x = 7\"} Done.") == "x = 7");
  CHECK(code("x = 8\n") == "x = 8");
  auto imports = migrate::parseAnswer(R"({"code": "x", "imports": "import os\nimport sys"})", problem);
  REQUIRE(imports);
  CHECK(imports->imports == std::vector<std::string>{"import os", "import sys"});
  CHECK(!migrate::parseAnswer("I cannot help with that.", problem));
  CHECK(!problem.empty());
  CHECK(!migrate::parseAnswer("", problem));
  CHECK(!migrate::parseAnswer(R"({"code": ""})", problem));
}

TEST_CASE("config: [tool.sparkmigrate.llm] is read, and keys never are") {
  auto ok = analysis::parsePyproject(
      "[tool.sparkmigrate.llm]\nbackend = \"anthropic\"\nmodel = \"claude\"\napi-key-env = \"ANTHROPIC_API_KEY\"\n"
      "timeout = 30\nmax-attempts = 2\nrepairs = 1\nstream = false\n",
      "pyproject.toml");
  REQUIRE(ok);
  const auto& llm = (*ok)->llm;
  CHECK(llm.backend == "anthropic");
  CHECK(llm.apiKeyEnv == "ANTHROPIC_API_KEY");
  CHECK(llm.timeout == 30);
  CHECK(llm.maxAttempts == 2);
  CHECK(llm.repairs == 1);
  CHECK(!llm.stream);
  const std::string secret = "sk-proj-abcdefghijklmnop0123456789";
  for (std::string bad : {"api-key = \"" + secret + "\"", "api-key-env = \"" + secret + "\"",
                          "model = \"" + secret + "\""}) {
    auto refused = analysis::parsePyproject("[tool.sparkmigrate.llm]\n" + bad + "\n", "pyproject.toml");
    REQUIRE(!refused);
    CHECK(refused.error().message.find("pyproject.toml:2:") == 0);
    CHECK(refused.error().message.find(secret) == std::string::npos);
  }
  CHECK(!analysis::parsePyproject("[tool.sparkmigrate.llm]\nbackend = \"gpt\"\n", "p"));
  CHECK(!analysis::parsePyproject("[tool.sparkmigrate.llm]\nbase-url = \"ftp://x\"\n", "p"));
  CHECK(!analysis::parsePyproject("[tool.sparkmigrate.llm]\nrepairs = 99\n", "p"));
  CHECK(!analysis::parsePyproject("[tool.sparkmigrate.llm]\ntemperature = 1\n", "p"));
  CHECK(!analysis::looksLikeSecret("Qwen2.5-Coder-1.5B-Instruct"));
  CHECK(!analysis::looksLikeSecret("databricks-meta-llama-3-3-70b-instruct"));
}

TEST_CASE("backend config: nothing without a backend, the key from the named variable, never a missing one") {
  analysis::LlmSettings s;
  auto none = migrate::backendConfig(s);
  REQUIRE(!none);
  CHECK(none.error().message.find("no model backend") != std::string::npos);
  s.backend = "openai";
  s.model = "m";
  s.apiKeyEnv = "SPARKMIGRATE_TEST_UNSET_KEY";
  ::unsetenv("SPARKMIGRATE_TEST_UNSET_KEY");
  CHECK(!migrate::backendConfig(s));
  ::setenv("SPARKMIGRATE_TEST_UNSET_KEY", "secret-value", 1);
  auto config = migrate::backendConfig(s);
  REQUIRE(config);
  CHECK(config->apiKey == "secret-value");
  CHECK(migrate::backendConfig(s, "editor-key")->apiKey == "editor-key");
  ::unsetenv("SPARKMIGRATE_TEST_UNSET_KEY");
}

TEST_CASE("loop: a rejected answer is asked again with the complaint, and an accepted one is cached") {
  Fixture f(kJob);
  std::string good = R"({"code": "def partitions(self, df):\n    return 8\n", "imports": []})";
  std::string bad = R"({"code": "def partitions(self, df):\n    return df.rdd.getNumPartitions()\n"})";
  auto dir = std::filesystem::temp_directory_path() / ("sparkmigrate-cache-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  migrate::Options options;
  options.repairs = 2;
  options.cacheDir = dir;
  const analysis::Diagnostic& target = f.task.findings.front();
  {
    llm::ScriptedBackend backend({{bad}, {good}});
    auto outcome = migrate::migrateFinding(backend, f.text, f.tree.get(), f.check, target, f.settings, "job.py", "job.py", options);
    REQUIRE(outcome.validated);
    CHECK(outcome.attempts == 2);
    REQUIRE(backend.requests().size() == 2);
    const auto& second = backend.requests()[1].messages;
    REQUIRE(second.size() == 4);
    CHECK(second[3].content.find("still reported") != std::string::npos);
    CHECK(!backend.requests()[0].jsonSchema.empty());
  }
  {
    llm::ScriptedBackend backend({{bad}});
    auto outcome = migrate::migrateFinding(backend, f.text, f.tree.get(), f.check, target, f.settings, "job.py", "job.py", options);
    CHECK(outcome.validated);
    CHECK(outcome.fromCache);
    CHECK(backend.requests().empty());
  }
  {
    migrate::Options noCache = options;
    noCache.cacheDir.clear();
    noCache.repairs = 1;
    llm::ScriptedBackend backend({{bad}});
    auto outcome = migrate::migrateFinding(backend, f.text, f.tree.get(), f.check, target, f.settings, "job.py", "job.py", noCache);
    CHECK(!outcome.validated);
    CHECK(outcome.attempts == 2);
    CHECK(outcome.reasonKind == "finding-kept");
    CHECK(outcome.edits.empty());
  }
  {
    migrate::Options noCache = options;
    noCache.cacheDir.clear();
    llm::ScriptedBackend backend({{"HTTP 500 from openai", true}});
    auto outcome = migrate::migrateFinding(backend, f.text, f.tree.get(), f.check, target, f.settings, "job.py", "job.py", noCache);
    CHECK(!outcome.validated);
    CHECK(outcome.reasonKind == "backend-error");
    CHECK(backend.requests().size() == 1);  // backend errors are not "repaired"
  }
  std::filesystem::remove_all(dir);
}
