// Unit tests for Spark kind inference: imports and aliases, assignments,
// builder chains, attribute chains, self attributes, annotations, functions
// returning Spark objects, notebook globals, and look-alikes that must stay
// non-Spark.
#include "analysis/predicates.h"
#include "analysis/semantic.h"
#include "fixtures.h"

#include <catch2/catch.hpp>

#include <functional>

using namespace sparkmigrate::analysis;

namespace {

struct Parsed {
  std::string text;
  TreePtr tree;
  std::unique_ptr<SemanticModel> model;
  explicit Parsed(std::string source) : text(std::move(source)) {
    tree = parsePython(text);
    model = std::make_unique<SemanticModel>(text, ts_tree_root_node(tree.get()));
  }
  // The largest named node whose text is `needle`, at its `occurrence`-th
  // appearance (1-based) in the source.
  TSNode find(const std::string& needle, int occurrence = 1) {
    std::size_t pos = std::string::npos;
    for (int i = 0; i < occurrence; ++i) pos = text.find(needle, pos == std::string::npos ? 0 : pos + 1);
    REQUIRE(pos != std::string::npos);
    TSNode root = ts_tree_root_node(tree.get());
    TSNode node = ts_node_named_descendant_for_byte_range(root, static_cast<uint32_t>(pos),
                                                          static_cast<uint32_t>(pos + needle.size()));
    while (!ts_node_is_null(ts_node_parent(node)) && ts_node_start_byte(ts_node_parent(node)) == pos &&
           ts_node_end_byte(ts_node_parent(node)) == pos + needle.size())
      node = ts_node_parent(node);
    return node;
  }
  Kind kind(const std::string& needle, int occurrence = 1) { return model->kindOf(find(needle, occurrence)); }
};

}  // namespace

TEST_CASE("builder chains produce a SparkSession and its members") {
  Parsed p(R"(from pyspark.sql import SparkSession
spark = (SparkSession.builder
    .appName("job")
    .config("spark.sql.shuffle.partitions", "4")
    .getOrCreate())
sc = spark.sparkContext
df = spark.read.parquet("/data")
rows = df.rdd
)");
  CHECK(p.kind("spark", 2) == Kind::SparkSession);
  CHECK(p.kind("spark.sparkContext") == Kind::SparkContext);
  CHECK(p.kind("sc", 1) == Kind::SparkContext);
  CHECK(p.kind("spark.read") == Kind::DataFrameReader);
  CHECK(p.kind("df.rdd") == Kind::RDD);
  CHECK(p.kind("rows") == Kind::RDD);
}

TEST_CASE("aliased imports and module paths resolve") {
  Parsed p(R"(import pyspark
import pyspark.sql.functions as F
from pyspark import SparkContext as SC
from pyspark.sql.session import SparkSession as S
ctx_a = pyspark.SparkContext.getOrCreate()
ctx_b = SC()
session_c = S.builder.getOrCreate()
column_d = F.col("x")
)");
  CHECK(p.kind("ctx_a") == Kind::SparkContext);
  CHECK(p.kind("ctx_b") == Kind::SparkContext);
  CHECK(p.kind("session_c") == Kind::SparkSession);
  CHECK(p.kind("column_d") == Kind::Column);
  CHECK(p.model->qualifiedName(p.find("SC", 2)) == "pyspark.SparkContext");
}

TEST_CASE("annotations, self attributes and functions returning Spark objects") {
  Parsed p(R"(from pyspark.sql import SparkSession, DataFrame
from typing import Optional

def make_session():
    return SparkSession.builder.getOrCreate()

def load(spark: SparkSession, path: str) -> "DataFrame":
    return spark.read.csv(path)

def maybe(df: Optional[DataFrame]):
    return df

class Job:
    def __init__(self, spark):
        self.spark = make_session()

    def run(self):
        frame = self.spark.table("t")
        return frame

made = make_session()
frame2 = load(made, "x")
)");
  CHECK(p.kind("made") == Kind::SparkSession);
  CHECK(p.kind("frame2") == Kind::DataFrame);
  CHECK(p.kind("self.spark", 2) == Kind::SparkSession);
  CHECK(p.kind("frame", 1) == Kind::DataFrame);
  CHECK(p.kind("df", 2) == Kind::DataFrame);
  CHECK(p.kind("path", 2) == Kind::Other);
}

TEST_CASE("look-alikes are not Spark objects") {
  Parsed p(R"(from pyspark.sql import SparkSession
from sklearn.preprocessing import StandardScaler
import pandas as pd

sc = StandardScaler()
sc.fit([[1]])
pdf = pd.DataFrame({"a": [1]})
js = pdf.to_json()

class Cache:
    def __init__(self):
        self.rdd = []
        self.broadcast = {}

cache_obj = Cache()
)");
  CHECK(p.kind("sc", 1) == Kind::Other);
  CHECK(p.kind("pdf", 1) == Kind::Other);
  CHECK(p.kind("cache_obj") == Kind::Other);
  CHECK(p.kind("self.rdd") == Kind::Other);
}

TEST_CASE("parameters named like a session hold one, in files that never import pyspark") {
  Parsed p(R"(def job(spark, sc, sqlContext=None, spark_session=None):
    df = spark.createDataFrame([(1, "a")], "id INT, v STRING")
    conf = spark.conf
    return df.orderBy("id"), sc, sqlContext, spark_session, conf

def scaled(sc=make_scaler(), df=None, connection=None):
    return sc, df, connection

def typed(spark: "Other"):
    return spark
)");
  CHECK(!p.model->importsPyspark());
  CHECK(p.kind("spark", 2) == Kind::SparkSession);
  CHECK(p.kind("df.orderBy(\"id\")") == Kind::DataFrame);
  CHECK(p.kind("conf", 2) == Kind::RuntimeConfig);
  CHECK(p.kind("sc", 2) == Kind::SparkContext);
  CHECK(p.kind("sqlContext", 2) == Kind::SQLContext);
  CHECK(p.kind("spark_session", 2) == Kind::SparkSession);
  // A default other than None, and names that are not conventional, say nothing.
  CHECK(p.kind("sc", 4) == Kind::Unknown);
  CHECK(p.kind("df", 4) == Kind::Unknown);
  CHECK(p.kind("connection", 2) == Kind::Unknown);
  // An annotation wins over the name.
  CHECK(p.kind("spark", 7) != Kind::SparkSession);
}

TEST_CASE("sessions made by create() are told apart when their DataFrames meet another session's") {
  Parsed p(R"(from pyspark.sql import SparkSession

def enrich(spark, url):
    other = SparkSession.builder.remote(url).create()
    names = other.createDataFrame([(0, "zero")], ["id", "name"])
    return spark.range(2).join(names, "id")

def alone(url):
    scratch = SparkSession.builder.remote(url).create()
    return scratch.range(3).union(scratch.range(3))

def default_only(spark):
    again = SparkSession.builder.getOrCreate()
    return spark.range(1).union(again.range(1))

def passed_on(frame, loader):
    fresh = SparkSession.builder.create()
    return loader.load(fresh).join(frame)
)");
  CHECK(combinedWithAnotherSession(*p.model, p.find("SparkSession.builder.remote(url).create()", 1)));
  CHECK_FALSE(combinedWithAnotherSession(*p.model, p.find("SparkSession.builder.remote(url).create()", 2)));
  CHECK_FALSE(combinedWithAnotherSession(*p.model, p.find("SparkSession.builder.create()")));
}

TEST_CASE("notebook and shell globals") {
  Parsed notebook(
      "# Databricks notebook source\nrdd = sc.parallelize([1])\n# COMMAND ----------\n# MAGIC %sql SELECT "
      "1\nx = sqlContext\n");
  CHECK(notebook.model->isNotebook());
  CHECK(notebook.kind("sc") == Kind::SparkContext);
  CHECK(notebook.kind("rdd") == Kind::RDD);
  CHECK(notebook.kind("sqlContext") == Kind::SQLContext);
  Parsed plain("rdd = sc.parallelize([1])\n");
  CHECK(!plain.model->isNotebook());
  CHECK(plain.kind("sc") == Kind::Unknown);
  Parsed rebound("# Databricks notebook source\nsc = 3\ny = sc\n");
  CHECK(rebound.kind("sc", 2) == Kind::Other);
}

TEST_CASE("scoping follows Python: locals shadow globals, later module bindings are seen from functions") {
  Parsed p(R"(from pyspark.sql import SparkSession

def job():
    return spark.range(3)

def shadow():
    spark = "not a session"
    return spark

spark = SparkSession.builder.getOrCreate()
)");
  CHECK(p.kind("spark.range(3)") == Kind::DataFrame);
  CHECK(p.kind("spark", 3) == Kind::Other);
}

TEST_CASE("predicates: captured sessions, loops and actions") {
  Parsed p(R"(from pyspark.sql import SparkSession
from pyspark.sql.functions import udf
spark = SparkSession.builder.getOrCreate()
lookup = spark.table("dim")

def bad(x):
    return spark.conf.get("k") + x

def good(x):
    return x + 1

for i in range(3):
    f = lambda v: v + i
    g = lambda v, i=i: v + i
)");
  CHECK(capturesOuterSparkObject(*p.model, p.find("bad", 1)));
  CHECK_FALSE(capturesOuterSparkObject(*p.model, p.find("good", 1)));
  // Objects tied to the session count too (`spark.conf` cannot be pickled for the server).
  Parsed conf(R"(def start(spark):
    conf = spark.conf
    def handle(batch, epoch_id):
        return int(conf.get("spark.sql.shuffle.partitions"))
    return handle
)");
  CHECK(capturesOuterSparkObject(*conf.model, conf.find("def handle(batch, epoch_id):\n        return int(conf.get(\"spark.sql.shuffle.partitions\"))")));
  CHECK(readsEnclosingLoopVariable(*p.model, p.find("lambda v: v + i")));
  CHECK_FALSE(readsEnclosingLoopVariable(*p.model, p.find("lambda v, i=i: v + i")));
}

TEST_CASE("predicates: loop headers, reassignment, outer state, unbound names, import guards") {
  Parsed p(R"(from pyspark.sql import SparkSession
import pyspark.sql.functions as F
spark = SparkSession.builder.getOrCreate()
df = spark.range(3)
results = []
counts = {}
for c in df.columns:
    df = df.withColumnRenamed(c, c.lower())
    n = df.schema
for frame in [df]:
    m = frame.dtypes
total = 0

def keep(batch, batch_id):
    results.append(batch_id)

def tally(batch, batch_id):
    global total
    total += 1

def store(batch, batch_id):
    counts[batch_id] = 1

def pure(batch, batch_id):
    local = []
    local.append(batch_id)

for j in range(3):
    def add_j(v):
        return v + j
    f = F.udf(add_j)
dbutils.fs.ls("/")
try:
    from pyspark import SparkContext
except ImportError:
    SparkContext = None
from pyspark import SparkConf
)");
  // The iterable of a `for` is evaluated once: not inside the loop.
  CHECK_FALSE(insideLoop(p.find("df", 2)));
  CHECK(insideLoop(p.find("df.schema")));
  CHECK(reassignedInEnclosingLoop(*p.model, p.find("df", 5)));
  CHECK_FALSE(reassignedInEnclosingLoop(*p.model, p.find("df", 2)));
  // A loop's own target is not a reassignment; it is an assignment.
  CHECK_FALSE(reassignedInEnclosingLoop(*p.model, p.find("frame", 2)));
  CHECK(assignedInEnclosingLoop(*p.model, p.find("frame", 2)));
  CHECK(mutatesOuterState(*p.model, p.find("keep")));
  CHECK(mutatesOuterState(*p.model, p.find("tally")));
  CHECK(mutatesOuterState(*p.model, p.find("store")));
  CHECK_FALSE(mutatesOuterState(*p.model, p.find("pure")));
  CHECK(readsEnclosingLoopVariable(*p.model, p.find("add_j", 2)));
  CHECK(p.model->isUnboundName(p.find("dbutils")));
  CHECK_FALSE(p.model->isUnboundName(p.find("results", 2)));
  CHECK(insideImportGuard(*p.model, p.find("SparkContext", 1)));
  CHECK_FALSE(insideImportGuard(*p.model, p.find("SparkConf")));
}

TEST_CASE("predicates: spark.sql and temp views count as analysis in a try body") {
  Parsed p(R"(from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
try:
    a = spark.table("t")
except Exception:
    pass
try:
    b = spark.sql("SELECT * FROM t")
except Exception:
    pass
try:
    c = spark.table("t")
    c.createOrReplaceTempView("v")
except Exception:
    pass
)");
  TSNode root = ts_tree_root_node(p.tree.get());
  std::vector<TSNode> bodies;
  for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    TSNode n = ts_node_named_child(root, i);
    if (std::string(ts_node_type(n)) == "try_statement") bodies.push_back(field(n, "body"));
  }
  REQUIRE(bodies.size() == 3);
  CHECK(blockHasNoAction(*p.model, bodies[0]));
  CHECK_FALSE(blockHasNoAction(*p.model, bodies[1]));
  CHECK_FALSE(blockHasNoAction(*p.model, bodies[2]));
}

TEST_CASE("legacy contexts imported from the pyspark package and views reused per function") {
  Parsed p(R"(from pyspark import SparkContext, SQLContext, HiveContext
sc = SparkContext.getOrCreate()
legacy = SQLContext(sc)
hive = HiveContext(sc)

def first(df):
    df.createOrReplaceTempView("v")

def second(df):
    df.createOrReplaceTempView("v")
    df.createOrReplaceTempView("v")
)");
  CHECK(p.kind("legacy") == Kind::SQLContext);
  CHECK(p.kind("hive") == Kind::HiveContext);
  CHECK(p.model->qualifiedName(p.find("SQLContext", 2)) == "pyspark.sql.SQLContext");
  CHECK_FALSE(viewNameReused(*p.model, p.find("\"v\"", 1)));
  CHECK_FALSE(viewNameReused(*p.model, p.find("\"v\"", 2)));
  CHECK(viewNameReused(*p.model, p.find("\"v\"", 3)));
}

TEST_CASE("the cheap test for Spark-like names in a file's text agrees with the two it stands for") {
  // suggestsSpark rules tokens out by first byte and length before looking
  // them up: it must say yes exactly where either name test does.
  std::vector<std::string> tokens = {
      "spark", "Spark", "SPARK", "sc", "SC", "Sc", "ss", "SS", "session", "Session", "sparkSession",
      "SparkSession", "sqlContext", "SQLContext", "sql_context", "hiveContext", "hive_context", "ssc", "df",
      "DF", "Df", "sdf", "orders_df", "orders_DF", "df_orders", "DF_x", "_df", "df_", "self", "def", "data",
      "s", "d", "x", "session_id", "sessions", "spark2", "dfs", "scope"};
  for (const char* folder : {"test/detection", "examples"})
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(sparkmigrate::test::sourceDir() / folder))
      if (entry.path().extension() == ".py")
        forEachToken(sparkmigrate::test::readFile(entry.path()),
                     [&](std::string_view token, std::uint32_t) { tokens.emplace_back(token); });
  std::size_t yes = 0;
  for (const auto& token : tokens) {
    INFO(token);
    bool expected = kindOfConventionalName(token) || isSparkLikeName(token);
    CHECK(suggestsSpark(token) == expected);
    yes += expected;
  }
  CHECK(yes >= 20);
}
