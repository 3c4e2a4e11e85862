// Unit tests for Spark kind inference: imports and aliases, assignments,
// builder chains, attribute chains, self attributes, annotations, functions
// returning Spark objects, notebook globals, and look-alikes that must stay
// non-Spark.
#include "analysis/semantic.h"

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
    while (!ts_node_is_null(ts_node_parent(node)) &&
           ts_node_start_byte(ts_node_parent(node)) == pos &&
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

TEST_CASE("notebook and shell globals") {
  Parsed notebook("# Databricks notebook source\nrdd = sc.parallelize([1])\n# COMMAND ----------\n# MAGIC %sql SELECT 1\nx = sqlContext\n");
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
  CHECK(p.model->capturesOuterSparkObject(p.find("bad", 1)));
  CHECK_FALSE(p.model->capturesOuterSparkObject(p.find("good", 1)));
  CHECK(p.model->readsEnclosingLoopVariable(p.find("lambda v: v + i")));
  CHECK_FALSE(p.model->readsEnclosingLoopVariable(p.find("lambda v, i=i: v + i")));
}
