// Migration from an exception, below the CLI: cleaning pasted text (ANSI,
// log4j / Python logging / Databricks / Kubernetes prefixes), parsing
// tracebacks (Python, chained, a PythonException's worker traceback, IPython,
// Databricks cells, pytest), the subject of each condition, the plain errors
// of older clients, what each error means, and the ranking of findings as
// causes; garbage never throws.
#include "analysis/exception.h"

#include <catch2/catch.hpp>

#include <random>

using namespace sparkmigrate;
using analysis::parseError;

namespace {

const std::string kJvmMessage =
    "[JVM_ATTRIBUTE_NOT_SUPPORTED] Attribute `sparkContext` is not supported in Spark Connect as it depends on the "
    "JVM. If you need to use this attribute, do not use Spark Connect when creating your session.";

std::string traceback(const std::string& file, int line, const std::string& function, const std::string& code,
                      const std::string& last) {
  return "Traceback (most recent call last):\n  File \"" + file + "\", line " + std::to_string(line) + ", in " +
         function + "\n    " + code + "\n" + last + "\n";
}

// A file as explain sees it: its text, checked with the error's rules selected.
analysis::FrameFile frameFile(const std::string& text, const analysis::ParsedError& error,
                              std::vector<std::uint32_t> lines, const std::string& path = "job.py") {
  analysis::Settings settings;
  settings.extendSelect = analysis::meaningOf(error).rules;
  analysis::FrameFile file;
  file.path = path;
  file.text = text;
  file.check = analysis::checkText(text, settings, path);
  file.lines = std::move(lines);
  return file;
}

}  // namespace

TEST_CASE("exception: ANSI escapes and carriage returns are removed") {
  CHECK(analysis::cleanErrorText("\x1b[0;31mPySparkAttributeError\x1b[0m: x\r\n") == "PySparkAttributeError: x\n");
  CHECK(analysis::cleanErrorText("\x1b]8;;https://spark.apache.org\x1b\\link\x1b]8;;\x07 text\n") == "link text\n");
  CHECK(analysis::cleanErrorText("\x1b[1;32m\x1b[K----> 3\x1b[0m df.rdd\n") == "----> 3 df.rdd\n");
}

TEST_CASE("exception: log prefixes are removed, a traceback's own text is kept") {
  using analysis::cleanErrorText;
  CHECK(cleanErrorText("24/05/01 12:00:03 ERROR Executor: Task failed\n") == "Task failed\n");
  CHECK(cleanErrorText("ERROR:root:job failed\n") == "job failed\n");
  CHECK(cleanErrorText("WARNING:py4j.clientserver:closing\n") == "closing\n");
  CHECK(cleanErrorText("2026-05-01 03:12:45,118 ERROR nightly_merge: Traceback (most recent call last):\n") ==
        "Traceback (most recent call last):\n");
  CHECK(cleanErrorText("26/05/01 03:12:45 ERROR PythonDriverWrapper:   File \"/w/a.py\", line 3, in f\n") ==
        " File \"/w/a.py\", line 3, in f\n");
  CHECK(cleanErrorText("2024-05-01T12:00:00.123Z [main] ERROR com.acme.Job: boom\n") == "boom\n");
  CHECK(cleanErrorText("2026-05-01T03:12:45.118512Z stderr F Traceback (most recent call last):\n") ==
        "Traceback (most recent call last):\n");
  // An exception's type after a level is not a logger name.
  CHECK(cleanErrorText("ERROR pyspark.errors.exceptions.base.PySparkRuntimeError: [X_Y] m\n") ==
        "pyspark.errors.exceptions.base.PySparkRuntimeError: [X_Y] m\n");
  // Lines without a prefix are left alone, indentation included.
  CHECK(cleanErrorText("    sc = spark.sparkContext\n") == "    sc = spark.sparkContext\n");
  CHECK(cleanErrorText("Error: something\n") == "Error: something\n");
}

TEST_CASE("exception: a bare message is recognised with its subject") {
  auto e = parseError(kJvmMessage);
  CHECK(e.recognised);
  CHECK(e.condition == "JVM_ATTRIBUTE_NOT_SUPPORTED");
  CHECK(e.subject == "sparkContext");
  CHECK(e.exceptionType.empty());
  CHECK(e.frames.empty());
  CHECK(e.message == kJvmMessage);
}

TEST_CASE("exception: each condition's subject") {
  struct Case {
    std::string message, condition, subject;
  };
  std::vector<Case> cases = {
      {"[JVM_ATTRIBUTE_NOT_SUPPORTED] Attribute `_jsc` is not supported in Spark Connect as it depends on the JVM.",
       "JVM_ATTRIBUTE_NOT_SUPPORTED", "_jsc"},
      {"[NOT_IMPLEMENTED] rdd() is not implemented.", "NOT_IMPLEMENTED", "rdd"},
      {"[NOT_IMPLEMENTED] rdd is not implemented.", "NOT_IMPLEMENTED", "rdd"},
      {"[NOT_IMPLEMENTED] toJSON() is not implemented.", "NOT_IMPLEMENTED", "toJSON"},
      {"[NOT_IMPLEMENTED] sparkContext() is not implemented.", "NOT_IMPLEMENTED", "sparkContext"},
      {"[NOT_IMPLEMENTED] DataFrame.union is not implemented.", "NOT_IMPLEMENTED", "union"},
      {"[NOT_IMPLEMENTED] enableHiveSupport is not implemented.", "NOT_IMPLEMENTED", "enableHiveSupport"},
      {"[ATTRIBUTE_NOT_SUPPORTED] Attribute `sql_ctx` is not supported.", "ATTRIBUTE_NOT_SUPPORTED", "sql_ctx"},
      {"[CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT] Remote client cannot create a SparkContext. Create SparkSession "
       "instead.",
       "CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT", "SparkContext"},
      {"[SESSION_NOT_SAME] Both Datasets must belong to the same SparkSession.", "SESSION_NOT_SAME", ""},
      {"[STREAMING_CONNECT_SERIALIZATION_ERROR] Cannot serialize the function `foreachBatch`. If you accessed the "
       "Spark session, or a DataFrame defined outside of the function, ...",
       "STREAMING_CONNECT_SERIALIZATION_ERROR", "foreachBatch"},
      {"[STREAMING_CONNECT_SERIALIZATION_ERROR] Cannot serialize the function `foreach`. If you ...",
       "STREAMING_CONNECT_SERIALIZATION_ERROR", "foreach"},
      {"[NO_ACTIVE_SESSION] No active Spark session found. Please create a new Spark session before running the "
       "code.",
       "NO_ACTIVE_SESSION", ""},
      {"[CANNOT_CONFIGURE_SPARK_CONNECT_MASTER] Spark Connect server and Spark master cannot be configured together: "
       "Spark master [local[*]], Spark Connect [sc://localhost:15002].",
       "CANNOT_CONFIGURE_SPARK_CONNECT_MASTER", "master"},
      {"[UNSUPPORTED_CONNECT_FEATURE.RDD] Feature is not supported in Spark Connect: Resilient Distributed Datasets "
       "(RDDs). SQLSTATE: 0A000",
       "UNSUPPORTED_CONNECT_FEATURE.RDD", "rdd"},
      {"[UNSUPPORTED_CONNECT_FEATURE.SESSION_SPARK_CONTEXT] Feature is not supported in Spark Connect: Access to the "
       "SparkContext. SQLSTATE: 0A000",
       "UNSUPPORTED_CONNECT_FEATURE.SESSION_SPARK_CONTEXT", "sparkContext"},
      {"[UNSUPPORTED_CONNECT_FEATURE.TASK_CONTEXT] Feature is not supported in Spark Connect: Access to TaskContext.",
       "UNSUPPORTED_CONNECT_FEATURE.TASK_CONTEXT", "TASK_CONTEXT"},
      {"[CONFIG_NOT_AVAILABLE] Configuration spark.databricks.delta.schema.autoMerge.enabled is not available. "
       "SQLSTATE: 42K0I",
       "CONFIG_NOT_AVAILABLE", "spark.databricks.delta.schema.autoMerge.enabled"},
      {"[SESSION_ALREADY_EXIST] Cannot start a remote Spark session because there is a regular Spark session already "
       "running.",
       "SESSION_ALREADY_EXIST", ""},
  };
  for (const auto& c : cases) {
    INFO(c.message);
    auto e = parseError("pyspark.errors.exceptions.base.PySparkException: " + c.message);
    CHECK(e.recognised);
    CHECK(e.condition == c.condition);
    CHECK(e.subject == c.subject);
    CHECK(e.exceptionType == "PySparkException");
  }
}

TEST_CASE("exception: Databricks' wording of CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT, with and without the class") {
  for (std::string message : {"RuntimeError: [CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT] Calls to SparkContext are not "
                              "supported on a Spark Connect cluster. Use spark instead.",
                              "RuntimeError: Calls to SparkContext are not supported on a Spark Connect cluster. Use "
                              "spark instead."}) {
    INFO(message);
    auto e = parseError(message);
    CHECK(e.recognised);
    CHECK(e.condition == "CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT");
    CHECK(e.subject == "SparkContext");
    CHECK(e.exceptionType == "RuntimeError");
  }
}

TEST_CASE("exception: the plain errors of older and remote-only clients") {
  auto sqlCtx = parseError("AttributeError: 'DataFrame' object has no attribute 'sql_ctx'");
  CHECK(sqlCtx.recognised);
  CHECK(sqlCtx.condition.empty());
  CHECK(sqlCtx.exceptionType == "AttributeError");
  CHECK(sqlCtx.subject == "sql_ctx");
  auto sc = parseError("AttributeError: 'SparkSession' object has no attribute '_sc'");
  CHECK(sc.recognised);
  CHECK(sc.subject == "_sc");
  auto import = parseError(
      "ImportError: cannot import name 'SparkContext' from 'pyspark' (/venv/lib/python3.12/site-packages/pyspark/"
      "__init__.py)");
  CHECK(import.recognised);
  CHECK(import.subject == "SparkContext");
  auto py4j = parseError("ModuleNotFoundError: No module named 'py4j'");
  CHECK(py4j.recognised);
  CHECK(py4j.subject == "py4j");
  auto py4jSub = parseError("ModuleNotFoundError: No module named 'py4j.java_gateway'");
  CHECK(py4jSub.recognised);
  CHECK(analysis::meaningOf(py4jSub).needle == "py4j");
  // The same errors about anything else are not Spark Connect's.
  CHECK_FALSE(parseError("AttributeError: 'dict' object has no attribute 'sql_ctx'").recognised);
  CHECK_FALSE(parseError("ImportError: cannot import name 'foo' from 'numpy'").recognised);
  CHECK_FALSE(parseError("ModuleNotFoundError: No module named 'requests'").recognised);
}

TEST_CASE("exception: unknown conditions and errors are reported but not recognised") {
  auto table = parseError(
      "pyspark.errors.exceptions.connect.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `sales` "
      "cannot be found.");
  CHECK_FALSE(table.recognised);
  CHECK(table.condition.empty());
  CHECK(table.exceptionType == "AnalysisException");
  auto zero = parseError(traceback("/app/job.py", 3, "main", "1 / 0", "ZeroDivisionError: division by zero"));
  CHECK_FALSE(zero.recognised);
  CHECK(zero.exceptionType == "ZeroDivisionError");
  REQUIRE(zero.frames.size() == 1);
  CHECK(zero.frames[0].file == "/app/job.py");
  auto meaning = analysis::meaningOf(zero);
  CHECK(meaning.rules.empty());
  CHECK(meaning.why.empty());
}

TEST_CASE("exception: Python frames, outermost first, with their source lines") {
  std::string text =
      "Traceback (most recent call last):\n"
      "  File \"/home/me/proj/jobs/main.py\", line 18, in <module>\n"
      "    main(sys.argv[1])\n"
      "  File \"/home/me/proj/jobs/ingest.py\", line 10, in load_customers\n"
      "    sc = spark.sparkContext\n"
      "         ^^^^^^^^^^^^^^^^^^\n"
      "  File \"/venv/lib/python3.11/site-packages/pyspark/sql/connect/session.py\", line 1000, in __getattr__\n"
      "    raise PySparkAttributeError(\n"
      "pyspark.errors.exceptions.base.PySparkAttributeError: " +
      kJvmMessage + "\n";
  auto e = parseError(text);
  CHECK(e.condition == "JVM_ATTRIBUTE_NOT_SUPPORTED");
  CHECK(e.exceptionType == "PySparkAttributeError");
  REQUIRE(e.frames.size() == 3);
  CHECK(e.frames[0].file == "/home/me/proj/jobs/main.py");
  CHECK(e.frames[0].line == 18);
  CHECK(e.frames[0].function == "<module>");
  CHECK(e.frames[1].line == 10);
  CHECK(e.frames[1].function == "load_customers");
  CHECK(e.frames[1].source == "sc = spark.sparkContext");
  CHECK(e.frames[2].source == "raise PySparkAttributeError(");
  // The same text coloured and inside a log parses the same.
  std::string logged;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t nl = text.find('\n', start);
    logged += "26/05/01 03:12:45 ERROR PythonDriverWrapper: \x1b[31m" + text.substr(start, nl - start) + "\x1b[0m\n";
    start = nl + 1;
  }
  auto again = parseError(logged);
  CHECK(again.condition == e.condition);
  CHECK(again.subject == e.subject);
  REQUIRE(again.frames.size() == 3);
  CHECK(again.frames[1].file == "/home/me/proj/jobs/ingest.py");
  CHECK(again.frames[1].line == 10);
}

TEST_CASE("exception: chained exceptions keep the condition and the frames of the whole chain") {
  std::string text =
      traceback("/w/report.py", 21, "export", "return report.toJSON().collect()",
                "pyspark.errors.exceptions.base.PySparkNotImplementedError: [NOT_IMPLEMENTED] toJSON() is not "
                "implemented.") +
      "\nThe above exception was the direct cause of the following exception:\n\n" +
      traceback("/w/main.py", 14, "main", "report.export(spark, day)", "RuntimeError: export failed");
  auto e = parseError(text);
  CHECK(e.condition == "NOT_IMPLEMENTED");
  CHECK(e.subject == "toJSON");
  CHECK(e.exceptionType == "PySparkNotImplementedError");
  REQUIRE_FALSE(e.frames.empty());
  CHECK(e.frames.back().file == "/w/report.py");

  // Raised while handling: the later traceback has the user's frames; both are kept.
  std::string during =
      traceback("/venv/site-packages/pyspark/serializers.py", 460, "dumps", "return cloudpickle.dumps(obj)",
                "TypeError: cannot pickle '_thread.lock' object") +
      "\nDuring handling of the above exception, another exception occurred:\n\n" +
      traceback("/w/stream.py", 12, "<module>", "query = events.writeStream.foreachBatch(f).start()",
                "pyspark.errors.exceptions.base.PySparkPicklingError: [STREAMING_CONNECT_SERIALIZATION_ERROR] Cannot "
                "serialize the function `foreachBatch`.");
  auto d = parseError(during);
  CHECK(d.condition == "STREAMING_CONNECT_SERIALIZATION_ERROR");
  REQUIRE(d.frames.size() == 2);
  CHECK(d.frames[0].file == "/venv/site-packages/pyspark/serializers.py");
  CHECK(d.frames[1].file == "/w/stream.py");
  CHECK(d.frames[1].line == 12);
}

TEST_CASE("exception: a PythonException's worker traceback keeps the client's frames") {
  std::string text =
      traceback("/w/orders.py", 13, "<module>", "customers.select(order_count(\"id\")).show()",
                "pyspark.errors.exceptions.connect.PythonException: ") +
      "  An exception was thrown from the Python worker. Please see the stack trace below.\n" +
      traceback("/venv/site-packages/pyspark/sql/connect/session.py", 1246, "creator",
                "return SparkSession._getActiveSessionIfMatches(old_session_id)",
                "pyspark.errors.exceptions.base.PySparkRuntimeError: [NO_ACTIVE_SESSION] No active Spark session "
                "found. Please create a new Spark session before running the code.");
  auto e = parseError(text);
  CHECK(e.condition == "NO_ACTIVE_SESSION");
  CHECK(e.exceptionType == "PySparkRuntimeError");
  REQUIRE(e.frames.size() == 2);
  CHECK(e.frames[0].file == "/w/orders.py");
  CHECK(e.frames[0].line == 13);
}

TEST_CASE("exception: an unrelated earlier traceback in a log does not lend its frames") {
  std::string text = traceback("/w/old.py", 5, "f", "x()", "KeyError: 'x'") + "some log line\n" +
                     traceback("/w/ingest.py", 10, "load", "sc = spark.sparkContext",
                               "pyspark.errors.exceptions.base.PySparkAttributeError: " + kJvmMessage);
  auto e = parseError(text);
  CHECK(e.condition == "JVM_ATTRIBUTE_NOT_SUPPORTED");
  REQUIRE(e.frames.size() == 1);
  CHECK(e.frames[0].file == "/w/ingest.py");
}

TEST_CASE("exception: IPython frames (Cell In, File path:N, in f(...), Input In)") {
  std::string text =
      "---------------------------------------------------------------------------\n"
      "PySparkNotImplementedError                Traceback (most recent call last)\n"
      "Cell In[3], line 2\n"
      "      1 df = spark.range(3)\n"
      "----> 2 load(spark)\n"
      "\n"
      "File /home/me/proj/jobs/etl.py:12, in load(spark)\n"
      "     10 def load(spark):\n"
      "     11     df = spark.range(3)\n"
      "---> 12     return df.rdd.count()\n"
      "\n"
      "File ~/venv/lib/python3.11/site-packages/pyspark/sql/connect/dataframe.py:2268, in DataFrame.rdd(self)\n"
      "-> 2268     raise PySparkNotImplementedError(\n"
      "\n"
      "PySparkNotImplementedError: [NOT_IMPLEMENTED] rdd is not implemented.\n";
  auto e = parseError(text);
  CHECK(e.condition == "NOT_IMPLEMENTED");
  CHECK(e.subject == "rdd");
  REQUIRE(e.frames.size() == 3);
  CHECK(e.frames[0].file.empty());
  CHECK(e.frames[0].line == 2);
  CHECK(e.frames[0].function == "<cell>");
  CHECK(e.frames[0].source == "load(spark)");
  CHECK(e.frames[1].file == "/home/me/proj/jobs/etl.py");
  CHECK(e.frames[1].line == 12);
  CHECK(e.frames[1].function == "load");
  CHECK(e.frames[1].source == "return df.rdd.count()");
  CHECK(e.frames[2].function == "DataFrame.rdd");

  auto old = parseError("Input In [4], in <cell line: 2>()\nNameError: name 'x' is not defined\n");
  REQUIRE(old.frames.size() == 1);
  CHECK(old.frames[0].line == 2);
  CHECK(old.frames[0].file.empty());
}

TEST_CASE("exception: Databricks notebook frames have no file") {
  for (std::string frame : {"File <command-4381233029371150>, line 3", "File <command-4381233029371150>:3, in <module>"}) {
    INFO(frame);
    auto e = parseError(frame + "\n----> 3 merge(spark)\n\nAnalysisException: [CONFIG_NOT_AVAILABLE] Configuration "
                                "spark.databricks.delta.optimizeWrite.enabled is not available. SQLSTATE: 42K0I\n");
    CHECK(e.condition == "CONFIG_NOT_AVAILABLE");
    REQUIRE(e.frames.size() == 1);
    CHECK(e.frames[0].file.empty());
    CHECK(e.frames[0].line == 3);
  }
}

TEST_CASE("exception: notebook cells in Python-style frames have no file either") {
  for (std::string file : {"/root/.ipykernel/991/command-1723439101937605-4150301398",
                           "/root/.ipykernel/42/command-123456-789.py", "<ipython-input-5-3f2a1b>"}) {
    INFO(file);
    auto e = parseError(traceback(file, 16, "<lambda>", "rows = fetch(url)", "ValueError: bad url"));
    REQUIRE(e.frames.size() == 1);
    CHECK(e.frames[0].file.empty());
    CHECK(e.frames[0].line == 16);
  }
  auto ipython = parseError("File /root/.ipykernel/1407/command-4055028952959938-4115726697:127, in f(x)\n");
  REQUIRE(ipython.frames.size() == 1);
  CHECK(ipython.frames[0].file.empty());
  // A user's own file called command-*.py elsewhere is a file.
  CHECK(parseError(traceback("/home/me/command-line.py", 3, "f", "x", "ValueError: x")).frames.at(0).file ==
        "/home/me/command-line.py");
}

TEST_CASE("exception: pytest's frames and E lines") {
  std::string text =
      "tests/test_ingest.py:9: in test_run\n"
      "    ingest.run(spark, path)\n"
      "jobs/ingest.py:16: in estimated_size\n"
      "    plan = df._jdf.queryExecution().optimizedPlan()\n"
      "E   pyspark.errors.exceptions.base.PySparkAttributeError: [JVM_ATTRIBUTE_NOT_SUPPORTED] Attribute `_jdf` is "
      "not supported in Spark Connect as it depends on the JVM.\n";
  auto e = parseError(text);
  CHECK(e.condition == "JVM_ATTRIBUTE_NOT_SUPPORTED");
  CHECK(e.exceptionType == "PySparkAttributeError");
  CHECK(e.subject == "_jdf");
  REQUIRE(e.frames.size() == 2);
  CHECK(e.frames[1].file == "jobs/ingest.py");
  CHECK(e.frames[1].line == 16);
  CHECK(e.frames[1].function == "estimated_size");
  auto longFormat = parseError("jobs/ingest.py:16: PySparkAttributeError\n");
  REQUIRE(longFormat.frames.size() == 1);
  CHECK(longFormat.frames[0].line == 16);
}

TEST_CASE("exception: garbage is not recognised and never throws") {
  CHECK_FALSE(parseError("").recognised);
  CHECK_FALSE(parseError("\n\n\n").recognised);
  CHECK_FALSE(parseError("Traceback (most recent call last):\n").recognised);
  CHECK(parseError("  File \"x.py\", line abc, in f\n").frames.at(0).line == 0);
  CHECK(parseError("  File \"unterminated.py, line 3\n").frames.empty());
  CHECK(parseError("  File \"x.py\", line 99999999999999, in f\n").frames.at(0).line == 999999999);
  CHECK_FALSE(parseError("[NOT_A_CONDITION").recognised);
  CHECK_FALSE(parseError(std::string(100000, '[') + "]").recognised);
  CHECK_FALSE(parseError("[] [_] [ab_cd] [A B_C]").recognised);
  std::mt19937 random(5);
  for (int round = 0; round < 50; ++round) {
    std::string bytes(2000, '\0');
    for (char& c : bytes) c = static_cast<char>(random() % 256);
    auto e = parseError(bytes);
    CHECK(e.message.size() <= 2000);
    auto meaning = analysis::meaningOf(e);
    CHECK(analysis::rankCauses(e, {}).empty());
    (void)meaning;
  }
  // A long message is cut.
  auto e = parseError("ValueError: " + std::string(100000, 'x'));
  CHECK(e.message.size() == 2000);
}

TEST_CASE("exception: what each error means") {
  auto sc = analysis::meaningOf(parseError(kJvmMessage));
  REQUIRE_FALSE(sc.rules.empty());
  CHECK(sc.rules.front() == "SPK001");
  CHECK(sc.needle == "sparkContext");
  CHECK(sc.why.find("sparkContext") != std::string::npos);
  CHECK_FALSE(sc.databricks);
  auto jvm = analysis::meaningOf(parseError("[JVM_ATTRIBUTE_NOT_SUPPORTED] Attribute `_jvm` is not supported in Spark "
                                            "Connect as it depends on the JVM."));
  CHECK(std::find(jvm.rules.begin(), jvm.rules.end(), "SPK202") != jvm.rules.end());
  auto toJson = analysis::meaningOf(parseError("[NOT_IMPLEMENTED] toJSON() is not implemented."));
  CHECK(toJson.rules.front() == "SPK401");
  auto conf = analysis::meaningOf(parseError("[CONFIG_NOT_AVAILABLE] Configuration fs.s3a.access.key is not "
                                             "available."));
  CHECK(conf.databricks);
  CHECK(conf.rules.front() == "SPK907");
  CHECK(conf.needle == "fs.s3a.access.key");
  auto notSame = analysis::meaningOf(parseError("[SESSION_NOT_SAME] Both Datasets must belong to the same "
                                                "SparkSession."));
  CHECK(notSame.needle.empty());
  CHECK(std::find(notSame.rules.begin(), notSame.rules.end(), "SPK010") != notSame.rules.end());  // stop(), then anew
  auto master = analysis::meaningOf(parseError("[CANNOT_CONFIGURE_SPARK_CONNECT_MASTER] Spark Connect server and "
                                               "Spark master cannot be configured together: Spark master [local], "
                                               "Spark Connect [sc://h]."));
  CHECK(master.rules == std::vector<std::string>{"SPK007"});
  auto import = analysis::meaningOf(parseError("ImportError: cannot import name 'SparkContext' from 'pyspark'"));
  CHECK(import.rules.front() == "SPK810");
  auto py4j = analysis::meaningOf(parseError("ModuleNotFoundError: No module named 'py4j'"));
  CHECK(py4j.rules.front() == "SPK206");
  auto captured = analysis::meaningOf(parseError("[NO_ACTIVE_SESSION] No active Spark session found."));
  CHECK(captured.rules.front() == "SPK014");
  CHECK(captured.needle.empty());
}

TEST_CASE("exception: the cause may be on another line than the one reported") {
  const std::string job =
      "def load(spark):\n"                                 // 1
      "    sc = spark.sparkContext\n"                      // 2
      "    data = [(1, 'a')]\n"                            // 3
      "    return sc.parallelize(data).toDF(['id', 'v'])\n"  // 4
      "\n"
      "\n"
      "def other(spark):\n"                               // 7
      "    return spark.sparkContext.getConf().get('x')\n";  // 8
  auto error = parseError("[NOT_IMPLEMENTED] sparkContext() is not implemented.");
  // Reported at line 4 (where a lazily built plan failed): the cause is line 2.
  auto causes = analysis::rankCauses(error, {frameFile(job, error, {4})});
  REQUIRE_FALSE(causes.empty());
  CHECK(causes.front().finding.code == "SPK001");
  CHECK(causes.front().finding.start.line + 1 == 2);
  // The limit is kept, and every candidate is an explanation (rule or subject) or on the line.
  auto one = analysis::rankCauses(error, {frameFile(job, error, {4})}, 1);
  CHECK(one.size() == 1);
  for (const auto& c : causes) CHECK(c.score > 0);
}

TEST_CASE("exception: of two equal findings, the one nearer a reported line is the cause") {
  const std::string job =
      "def first(df):\n"                // 1
      "    return df.toJSON().collect()\n"  // 2
      "\n"
      "\n"
      "def second(df):\n"               // 5
      "    rows = df.count()\n"           // 6
      "    return df.toJSON().first()\n";  // 7
  auto error = parseError("[NOT_IMPLEMENTED] toJSON() is not implemented.");
  auto near7 = analysis::rankCauses(error, {frameFile(job, error, {6})});
  REQUIRE(near7.size() >= 2);
  CHECK(near7.front().finding.start.line + 1 == 7);
  auto near2 = analysis::rankCauses(error, {frameFile(job, error, {2})});
  CHECK(near2.front().finding.start.line + 1 == 2);
}

TEST_CASE("exception: findings unrelated to the error and off the reported lines are not causes") {
  const std::string job =
      "def a(spark):\n"
      "    spark.sparkContext.setLogLevel('WARN')\n"  // 2: SPK110/SPK001, unrelated to toJSON
      "\n"
      "\n"
      "def b(df):\n"
      "    return df.toJSON().collect()\n";  // 6
  auto error = parseError("[NOT_IMPLEMENTED] toJSON() is not implemented.");
  auto causes = analysis::rankCauses(error, {frameFile(job, error, {6})});
  REQUIRE(causes.size() == 1);
  CHECK(causes.front().finding.code == "SPK401");
  // A finding on a reported line counts even when no rule explains the error.
  auto onLine = analysis::rankCauses(error, {frameFile(job, error, {2, 6})});
  CHECK(onLine.size() > 1);
  CHECK(onLine.front().finding.code == "SPK401");
  // An unused suppression is never a cause.
  auto suppressed = analysis::rankCauses(
      error, {frameFile("def b(df):\n    return df.count()  # noqa: SPK401\n", error, {2})});
  CHECK(suppressed.empty());
}

TEST_CASE("exception: across files, the file of the reported line wins") {
  auto error = parseError("[JVM_ATTRIBUTE_NOT_SUPPORTED] Attribute `_jdf` is not supported in Spark Connect as it "
                          "depends on the JVM.");
  const std::string helper = "def size(df):\n    return df._jdf.queryExecution()\n";
  const std::string other = "def plan(df):\n    x = 1\n    return df._jdf.toString()\n";
  auto causes = analysis::rankCauses(error, {frameFile(other, error, {}, "other.py"), frameFile(helper, error, {2}, "helper.py")});
  REQUIRE_FALSE(causes.empty());
  CHECK(causes.front().file == 1);
  CHECK(causes.front().finding.code == "SPK203");
  CHECK(causes.front().finding.start.line + 1 == 2);
}
