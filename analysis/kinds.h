// The Spark object kinds that inference assigns to expressions, and the
// Spark API knowledge behind inference and the rule predicates, in one place:
// which pyspark classes produce which kinds, what each member of a kind
// returns, the members a DataFrame really has (so that `df.name` can be told
// apart from column access), its actions, the names that conventionally hold
// Spark objects, the static configuration keys, and the libraries that are
// pyspark's or never Spark's. Pure data and lookups.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::analysis {

enum class Kind : unsigned char {
  Unknown,  // nothing known: may be anything, including a Spark object
  Other,    // known not to be a Spark object (literal, local class, pandas, ...)
  Module,
  Class,
  Function,
  SparkSession,
  Builder,
  SparkContext,
  SparkConf,
  SQLContext,
  HiveContext,
  DataFrame,
  GroupedData,
  Column,
  RDD,
  DataFrameReader,
  DataFrameWriter,
  DataStreamReader,
  DataStreamWriter,
  StreamingQuery,
  RuntimeConfig,
  Catalog,
  Broadcast,
  Accumulator,
  StreamingContext,
  DStream,
  JVMView,     // spark._jvm and everything reached through it
  JavaObject,  // any other Py4J handle (_jdf, _jsc, ...)
};

std::string_view kindName(Kind kind);
std::optional<Kind> kindFromName(std::string_view name);
// True for the kinds that are Spark objects (SparkSession .. JavaObject).
bool isSparkKind(Kind kind);
// True when a value of kind `actual` is a `wanted` (the same kind, or a
// subclass of it: a HiveContext is an SQLContext).
bool isKindOf(Kind actual, Kind wanted);

// Canonical spelling of a dotted pyspark name: module paths that re-export the
// same class collapse to one name ("pyspark.context.SparkContext" and
// "pyspark.core.context.SparkContext" both become "pyspark.SparkContext").
std::string canonicalQualifiedName(std::string_view qualname);
// The canonical names that names equal to or under `prefix` may become (the
// re-exports canonicalQualifiedName collapses below that prefix).
std::vector<std::string_view> canonicalTargetsUnder(std::string_view prefix);
// `name` is `prefix` or a dotted name under it ("a.b.c" is under "a.b", not "a.bc").
bool isUnderOrSame(std::string_view name, std::string_view prefix);

// The kind of an instance created by calling the class `qualname` (canonical),
// or nullopt when the class is not a known Spark class.
std::optional<Kind> instanceKindOfClass(std::string_view qualname);
// True when `qualname` names a class (known Spark class or one of pyspark's
// well-known non-Spark classes); used to tell class objects from functions.
bool isKnownClass(std::string_view qualname);
// What `Class.member` evaluates to for a class object (SparkSession.builder,
// SparkContext._active_spark_context ...), or nullopt.
std::optional<Kind> classAttributeKind(std::string_view qualname, std::string_view member);
// What calling `Class.method(...)` returns (SparkContext.getOrCreate ...).
std::optional<Kind> classMethodResult(std::string_view qualname, std::string_view method);
// What calling a function of a pyspark module returns (pyspark.sql.functions.col -> Column).
std::optional<Kind> moduleFunctionResult(std::string_view qualname);

// What `obj.member` evaluates to when obj has kind `kind` (not called).
std::optional<Kind> attributeKind(Kind kind, std::string_view member);
// What `obj.member` is for an object nothing is known about, when the member
// name exists only on Spark objects (`sparkContext` is a SparkContext), or
// nullopt.
std::optional<Kind> sparkOnlyAttributeKind(std::string_view member);
// What `obj.method(...)` returns when obj has kind `kind`.
std::optional<Kind> methodResult(Kind kind, std::string_view method);
// True when `member` is a real attribute or method of pyspark's DataFrame.
bool isDataFrameMember(std::string_view member);

// The kind a parameter conventionally named `name` holds (`spark` and
// `spark_session` a SparkSession, `sc` a SparkContext, `sqlContext` an
// SQLContext), or nullopt: what an unannotated parameter is taken to be.
std::optional<Kind> kindOfConventionalName(std::string_view name);
// True for the kinds that hold a client-side session or belong to one (the
// session, its contexts, DataFrames, readers and writers, conf, catalog,
// streaming queries): what a function shipped to the server cannot capture.
bool isSessionBound(Kind kind);

// True for members whose use on a DataFrame runs something on the server
// (collect, count, write..., schema access, temp view creation).
bool isDataFrameAction(std::string_view member);
// True for DataFrame methods that combine two DataFrames (join, union, ...).
bool combinesDataFrames(std::string_view method);
// True for a name that conventionally holds a Spark object (`spark`,
// `spark_session`, `sc`, `sqlContext`, `df`, `orders_df`, any case).
bool isSparkLikeName(std::string_view name);
// Either of the two above, or a name starting `df_`: evidence in a file's
// text that a value may hold a Spark object. Cheap on the tokens that are
// not: it runs over every token of every file checked.
bool suggestsSpark(std::string_view token);
// True for names of pyspark, Databricks Connect and py4j (modules, classes,
// functions: "pyspark.sql.functions.col").
bool isPysparkName(std::string_view qualname);
// True for names in libraries whose objects are never Spark objects (pandas,
// numpy, sklearn, the standard library, ...): calling into them yields Other.
bool isForeignLibrary(std::string_view qualname);
// True for configuration keys that a Spark Connect session cannot change at
// run time (static and core confs: spark.executor.*, spark.jars, ...).
bool isStaticConfKey(std::string_view key);

}  // namespace sparkmigrate::analysis
