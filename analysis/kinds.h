// The Spark object kinds that inference assigns to expressions, and the
// knowledge tables behind it: which pyspark classes produce which kinds, what
// each member of a kind returns, and the members a DataFrame really has (so
// that `df.name` can be told apart from column access). Pure data and lookups.
#pragma once

#include <optional>
#include <string>
#include <string_view>

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

// Canonical spelling of a dotted pyspark name: module paths that re-export the
// same class collapse to one name ("pyspark.context.SparkContext" and
// "pyspark.core.context.SparkContext" both become "pyspark.SparkContext").
std::string canonicalQualifiedName(std::string_view qualname);

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

}  // namespace sparkmigrate::analysis
