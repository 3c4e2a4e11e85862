// The knowledge tables of kinds.h. Entries follow the public pyspark API
// (pyspark 3.4 to 4.x); a member missing from a table evaluates to Unknown,
// which rules treat conservatively.
#include "analysis/kinds.h"

#include <array>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace sparkmigrate::analysis {
namespace {

constexpr std::array<std::string_view, 29> kNames = {"Unknown",
                                                     "Other",
                                                     "Module",
                                                     "Class",
                                                     "Function",
                                                     "SparkSession",
                                                     "Builder",
                                                     "SparkContext",
                                                     "SparkConf",
                                                     "SQLContext",
                                                     "HiveContext",
                                                     "DataFrame",
                                                     "GroupedData",
                                                     "Column",
                                                     "RDD",
                                                     "DataFrameReader",
                                                     "DataFrameWriter",
                                                     "DataStreamReader",
                                                     "DataStreamWriter",
                                                     "StreamingQuery",
                                                     "RuntimeConfig",
                                                     "Catalog",
                                                     "Broadcast",
                                                     "Accumulator",
                                                     "StreamingContext",
                                                     "DStream",
                                                     "JVMView",
                                                     "JavaObject",
                                                     ""};

using Set = std::unordered_set<std::string_view>;

const std::unordered_map<std::string_view, std::string_view>& aliases() {
  static const std::unordered_map<std::string_view, std::string_view> table = {
      {"pyspark.context.SparkContext", "pyspark.SparkContext"},
      {"pyspark.core.context.SparkContext", "pyspark.SparkContext"},
      {"pyspark.conf.SparkConf", "pyspark.SparkConf"},
      {"pyspark.core.conf.SparkConf", "pyspark.SparkConf"},
      {"pyspark.rdd.RDD", "pyspark.RDD"},
      {"pyspark.core.rdd.RDD", "pyspark.RDD"},
      {"pyspark.broadcast.Broadcast", "pyspark.Broadcast"},
      {"pyspark.core.broadcast.Broadcast", "pyspark.Broadcast"},
      {"pyspark.accumulators.Accumulator", "pyspark.Accumulator"},
      {"pyspark.files.SparkFiles", "pyspark.SparkFiles"},
      {"pyspark.core.files.SparkFiles", "pyspark.SparkFiles"},
      {"pyspark.status.StatusTracker", "pyspark.StatusTracker"},
      {"pyspark.sql.session.SparkSession", "pyspark.sql.SparkSession"},
      {"pyspark.sql.classic.session.SparkSession", "pyspark.sql.SparkSession"},
      {"pyspark.sql.dataframe.DataFrame", "pyspark.sql.DataFrame"},
      {"pyspark.sql.column.Column", "pyspark.sql.Column"},
      {"pyspark.sql.context.SQLContext", "pyspark.sql.SQLContext"},
      {"pyspark.sql.context.HiveContext", "pyspark.sql.HiveContext"},
      {"pyspark.SQLContext", "pyspark.sql.SQLContext"},
      {"pyspark.HiveContext", "pyspark.sql.HiveContext"},
      {"pyspark.sql.readwriter.DataFrameReader", "pyspark.sql.DataFrameReader"},
      {"pyspark.sql.readwriter.DataFrameWriter", "pyspark.sql.DataFrameWriter"},
      {"pyspark.sql.group.GroupedData", "pyspark.sql.GroupedData"},
      {"pyspark.streaming.context.StreamingContext", "pyspark.streaming.StreamingContext"},
      {"pyspark.sql.utils.AnalysisException", "pyspark.errors.AnalysisException"},
      {"pyspark.errors.exceptions.base.AnalysisException", "pyspark.errors.AnalysisException"},
      {"pyspark.sql.connect.SparkSession", "pyspark.sql.connect.session.SparkSession"},
  };
  return table;
}

const std::unordered_map<std::string_view, Kind>& classKinds() {
  static const std::unordered_map<std::string_view, Kind> table = {
      {"pyspark.SparkContext", Kind::SparkContext},
      {"pyspark.SparkConf", Kind::SparkConf},
      {"pyspark.RDD", Kind::RDD},
      {"pyspark.Broadcast", Kind::Broadcast},
      {"pyspark.Accumulator", Kind::Accumulator},
      {"pyspark.sql.SparkSession", Kind::SparkSession},
      {"pyspark.sql.connect.session.SparkSession", Kind::SparkSession},
      {"databricks.connect.DatabricksSession", Kind::SparkSession},
      {"databricks.connect.session.DatabricksSession", Kind::SparkSession},
      {"pyspark.sql.DataFrame", Kind::DataFrame},
      {"pyspark.sql.connect.dataframe.DataFrame", Kind::DataFrame},
      {"pyspark.sql.classic.dataframe.DataFrame", Kind::DataFrame},
      {"pyspark.sql.Column", Kind::Column},
      {"pyspark.sql.connect.column.Column", Kind::Column},
      {"pyspark.sql.SQLContext", Kind::SQLContext},
      {"pyspark.sql.HiveContext", Kind::HiveContext},
      {"pyspark.sql.DataFrameReader", Kind::DataFrameReader},
      {"pyspark.sql.DataFrameWriter", Kind::DataFrameWriter},
      {"pyspark.sql.GroupedData", Kind::GroupedData},
      {"pyspark.sql.streaming.DataStreamReader", Kind::DataStreamReader},
      {"pyspark.sql.streaming.DataStreamWriter", Kind::DataStreamWriter},
      {"pyspark.streaming.StreamingContext", Kind::StreamingContext},
  };
  return table;
}

using MemberTable = std::unordered_map<std::string_view, Kind>;

const Set& dataFrameReturning() {
  static const Set set = {"select",
                          "selectExpr",
                          "filter",
                          "where",
                          "withColumn",
                          "withColumns",
                          "withColumnRenamed",
                          "withColumnsRenamed",
                          "drop",
                          "dropDuplicates",
                          "drop_duplicates",
                          "distinct",
                          "join",
                          "crossJoin",
                          "union",
                          "unionAll",
                          "unionByName",
                          "intersect",
                          "intersectAll",
                          "subtract",
                          "exceptAll",
                          "limit",
                          "offset",
                          "orderBy",
                          "sort",
                          "sortWithinPartitions",
                          "repartition",
                          "repartitionByRange",
                          "coalesce",
                          "cache",
                          "persist",
                          "unpersist",
                          "alias",
                          "hint",
                          "sample",
                          "sampleBy",
                          "transform",
                          "fillna",
                          "dropna",
                          "replace",
                          "toDF",
                          "checkpoint",
                          "localCheckpoint",
                          "withWatermark",
                          "describe",
                          "summary",
                          "unpivot",
                          "melt",
                          "observe",
                          "mapInPandas",
                          "mapInArrow",
                          "to",
                          "withMetadata",
                          "dropDuplicatesWithinWatermark",
                          "agg",
                          "crosstab",
                          "freqItems",
                          "approxQuantile",
                          "lateralJoin",
                          "asTable",
                          "transpose",
                          "pandas_api"};
  return set;
}

const Set& dataFrameMembers() {
  static const Set set = [] {
    Set s = dataFrameReturning();
    for (std::string_view m : {"rdd",
                               "toJSON",
                               "write",
                               "writeStream",
                               "sparkSession",
                               "sql_ctx",
                               "sqlContext",
                               "na",
                               "stat",
                               "schema",
                               "columns",
                               "dtypes",
                               "isStreaming",
                               "storageLevel",
                               "collect",
                               "take",
                               "head",
                               "first",
                               "tail",
                               "count",
                               "show",
                               "toPandas",
                               "toArrow",
                               "toLocalIterator",
                               "foreach",
                               "foreachPartition",
                               "isEmpty",
                               "isLocal",
                               "inputFiles",
                               "explain",
                               "printSchema",
                               "createTempView",
                               "createOrReplaceTempView",
                               "createGlobalTempView",
                               "createOrReplaceGlobalTempView",
                               "registerTempTable",
                               "groupBy",
                               "groupby",
                               "rollup",
                               "cube",
                               "groupingSets",
                               "randomSplit",
                               "sameSemantics",
                               "semanticHash",
                               "corr",
                               "cov",
                               "writeTo",
                               "mergeInto",
                               "executionInfo",
                               "display",
                               "plot",
                               "colRegex",
                               "metadataColumn",
                               "scalar",
                               "exists",
                               "is_cached",
                               "_jdf",
                               "_sc",
                               "_session",
                               "_jseq",
                               "_jmap",
                               "_jcols",
                               "_schema",
                               "_plan"})
      s.insert(m);
    return s;
  }();
  return set;
}

const MemberTable& attributes(Kind kind) {
  static const MemberTable empty;
  static const std::unordered_map<Kind, MemberTable> tables = {
      {Kind::SparkSession,
       {{"sparkContext", Kind::SparkContext},
        {"_sc", Kind::SparkContext},
        {"read", Kind::DataFrameReader},
        {"readStream", Kind::DataStreamReader},
        {"conf", Kind::RuntimeConfig},
        {"catalog", Kind::Catalog},
        {"_jvm", Kind::JVMView},
        {"_jsc", Kind::JavaObject},
        {"_jsparkSession", Kind::JavaObject},
        {"_jconf", Kind::JavaObject}}},
      {Kind::SparkContext,
       {{"_jvm", Kind::JVMView},
        {"_jsc", Kind::JavaObject},
        {"_gateway", Kind::JavaObject},
        {"_conf", Kind::SparkConf}}},
      {Kind::SQLContext,
       {{"read", Kind::DataFrameReader},
        {"readStream", Kind::DataStreamReader},
        {"sparkSession", Kind::SparkSession},
        {"_sc", Kind::SparkContext}}},
      {Kind::HiveContext, {{"read", Kind::DataFrameReader}, {"sparkSession", Kind::SparkSession}}},
      {Kind::DataFrame,
       {{"rdd", Kind::RDD},
        {"write", Kind::DataFrameWriter},
        {"writeStream", Kind::DataStreamWriter},
        {"sparkSession", Kind::SparkSession},
        {"sql_ctx", Kind::SQLContext},
        {"sqlContext", Kind::SQLContext},
        {"_sc", Kind::SparkContext},
        {"_jdf", Kind::JavaObject}}},
      {Kind::Column, {{"_jc", Kind::JavaObject}}},
      {Kind::DataFrameReader, {{"_jreader", Kind::JavaObject}}},
      {Kind::DataFrameWriter, {{"_jwrite", Kind::JavaObject}}},
      {Kind::Catalog, {{"_jcatalog", Kind::JavaObject}}},
      {Kind::RuntimeConfig, {{"_jconf", Kind::JavaObject}}},
      {Kind::RDD, {{"context", Kind::SparkContext}, {"ctx", Kind::SparkContext}}},
      {Kind::StreamingContext, {{"sparkContext", Kind::SparkContext}}},
  };
  auto it = tables.find(kind);
  return it == tables.end() ? empty : it->second;
}

const MemberTable& methods(Kind kind) {
  static const MemberTable empty;
  static const std::unordered_map<Kind, MemberTable> tables = {
      {Kind::Builder, {{"getOrCreate", Kind::SparkSession}, {"create", Kind::SparkSession}}},
      {Kind::SparkSession,
       {{"sql", Kind::DataFrame},
        {"table", Kind::DataFrame},
        {"createDataFrame", Kind::DataFrame},
        {"range", Kind::DataFrame},
        {"newSession", Kind::SparkSession},
        {"cloneSession", Kind::SparkSession}}},
      {Kind::SparkContext,
       {{"parallelize", Kind::RDD},
        {"range", Kind::RDD},
        {"emptyRDD", Kind::RDD},
        {"textFile", Kind::RDD},
        {"wholeTextFiles", Kind::RDD},
        {"binaryFiles", Kind::RDD},
        {"binaryRecords", Kind::RDD},
        {"union", Kind::RDD},
        {"pickleFile", Kind::RDD},
        {"objectFile", Kind::RDD},
        {"sequenceFile", Kind::RDD},
        {"hadoopFile", Kind::RDD},
        {"hadoopRDD", Kind::RDD},
        {"newAPIHadoopFile", Kind::RDD},
        {"newAPIHadoopRDD", Kind::RDD},
        {"broadcast", Kind::Broadcast},
        {"accumulator", Kind::Accumulator},
        {"getConf", Kind::SparkConf},
        {"getOrCreate", Kind::SparkContext}}},
      {Kind::SQLContext,
       {{"sql", Kind::DataFrame},
        {"table", Kind::DataFrame},
        {"createDataFrame", Kind::DataFrame},
        {"range", Kind::DataFrame},
        {"tables", Kind::DataFrame},
        {"newSession", Kind::SQLContext}}},
      {Kind::HiveContext,
       {{"sql", Kind::DataFrame}, {"table", Kind::DataFrame}, {"createDataFrame", Kind::DataFrame}}},
      {Kind::DataFrame,
       {{"groupBy", Kind::GroupedData},
        {"groupby", Kind::GroupedData},
        {"rollup", Kind::GroupedData},
        {"cube", Kind::GroupedData},
        {"groupingSets", Kind::GroupedData},
        {"toJSON", Kind::RDD},
        {"writeTo", Kind::Other}}},
      {Kind::GroupedData, {{"pivot", Kind::GroupedData}}},
      {Kind::RDD,
       {{"toDF", Kind::DataFrame},
        {"collect", Kind::Other},
        {"count", Kind::Other},
        {"first", Kind::Other},
        {"take", Kind::Other},
        {"isEmpty", Kind::Other},
        {"getNumPartitions", Kind::Other},
        {"reduce", Kind::Other},
        {"fold", Kind::Other},
        {"aggregate", Kind::Other},
        {"countByKey", Kind::Other},
        {"countByValue", Kind::Other},
        {"collectAsMap", Kind::Other},
        {"toLocalIterator", Kind::Other},
        {"foreach", Kind::Other},
        {"foreachPartition", Kind::Other},
        {"saveAsTextFile", Kind::Other},
        {"top", Kind::Other},
        {"takeOrdered", Kind::Other},
        {"sum", Kind::Other},
        {"max", Kind::Other},
        {"min", Kind::Other},
        {"mean", Kind::Other},
        {"stats", Kind::Other}}},
      {Kind::DataFrameReader,
       {{"load", Kind::DataFrame},
        {"csv", Kind::DataFrame},
        {"json", Kind::DataFrame},
        {"parquet", Kind::DataFrame},
        {"orc", Kind::DataFrame},
        {"text", Kind::DataFrame},
        {"table", Kind::DataFrame},
        {"jdbc", Kind::DataFrame},
        {"xml", Kind::DataFrame}}},
      {Kind::DataStreamReader,
       {{"load", Kind::DataFrame},
        {"csv", Kind::DataFrame},
        {"json", Kind::DataFrame},
        {"parquet", Kind::DataFrame},
        {"orc", Kind::DataFrame},
        {"text", Kind::DataFrame},
        {"table", Kind::DataFrame}}},
      {Kind::DataStreamWriter, {{"start", Kind::StreamingQuery}, {"toTable", Kind::StreamingQuery}}},
      {Kind::StreamingContext,
       {{"socketTextStream", Kind::DStream},
        {"textFileStream", Kind::DStream},
        {"queueStream", Kind::DStream},
        {"binaryRecordsStream", Kind::DStream},
        {"union", Kind::DStream}}},
      {Kind::SparkConf, {{"get", Kind::Other}, {"getAll", Kind::Other}, {"contains", Kind::Other}}},
  };
  auto it = tables.find(kind);
  return it == tables.end() ? empty : it->second;
}

// Kinds whose unlisted methods return the same kind (fluent APIs).
bool isFluent(Kind kind) {
  switch (kind) {
    case Kind::Builder:
    case Kind::Column:
    case Kind::RDD:
    case Kind::DStream:
    case Kind::SparkConf:
    case Kind::DataFrameReader:
    case Kind::DataStreamReader:
    case Kind::DataStreamWriter:
    case Kind::JVMView:
    case Kind::JavaObject:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string_view kindName(Kind kind) {
  return kNames[static_cast<std::size_t>(kind)];
}

std::optional<Kind> kindFromName(std::string_view name) {
  for (std::size_t i = 0; i + 1 < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<Kind>(i);
  return std::nullopt;
}

bool isKindOf(Kind actual, Kind wanted) {
  return actual == wanted || (actual == Kind::HiveContext && wanted == Kind::SQLContext);
}

bool isSparkKind(Kind kind) {
  return kind >= Kind::SparkSession && kind <= Kind::JavaObject;
}

std::string canonicalQualifiedName(std::string_view qualname) {
  // Longest known prefix wins, so members of aliased classes canonicalise too.
  const auto& table = aliases();
  std::string_view head = qualname;
  while (true) {
    auto it = table.find(head);
    if (it != table.end()) return std::string(it->second) + std::string(qualname.substr(head.size()));
    auto dot = head.rfind('.');
    if (dot == std::string_view::npos) return std::string(qualname);
    head = head.substr(0, dot);
  }
}

bool isUnderOrSame(std::string_view name, std::string_view prefix) {
  return name.starts_with(prefix) && (name.size() == prefix.size() || name[prefix.size()] == '.');
}

std::vector<std::string_view> canonicalTargetsUnder(std::string_view prefix) {
  std::vector<std::string_view> out;
  for (const auto& [from, to] : aliases())
    if (isUnderOrSame(from, prefix)) out.push_back(to);
  return out;
}

std::optional<Kind> instanceKindOfClass(std::string_view qualname) {
  auto it = classKinds().find(qualname);
  if (it == classKinds().end()) return std::nullopt;
  return it->second;
}

bool isKnownClass(std::string_view qualname) {
  static const Set others = {
      "pyspark.SparkFiles",   "pyspark.StatusTracker",    "pyspark.errors.AnalysisException",
      "pyspark.StorageLevel", "pyspark.sql.Row",          "pyspark.sql.Observation",
      "pyspark.sql.Window",   "pyspark.sql.window.Window"};
  return classKinds().count(qualname) || others.count(qualname);
}

std::optional<Kind> classAttributeKind(std::string_view qualname, std::string_view member) {
  auto kind = instanceKindOfClass(qualname);
  if (!kind) return std::nullopt;
  if (*kind == Kind::SparkSession && member == "builder") return Kind::Builder;
  if (*kind == Kind::SparkContext && member == "_active_spark_context") return Kind::SparkContext;
  if (*kind == Kind::SparkContext && member == "_jvm") return Kind::JVMView;
  if (*kind == Kind::SparkContext && member == "_gateway") return Kind::JavaObject;
  return std::nullopt;
}

std::optional<Kind> classMethodResult(std::string_view qualname, std::string_view method) {
  auto kind = instanceKindOfClass(qualname);
  if (!kind) return std::nullopt;
  switch (*kind) {
    case Kind::SparkContext:
      if (method == "getOrCreate") return Kind::SparkContext;
      break;
    case Kind::SparkSession:
      if (method == "getActiveSession" || method == "active") return Kind::SparkSession;
      break;
    case Kind::SQLContext:
      if (method == "getOrCreate") return Kind::SQLContext;
      break;
    case Kind::StreamingContext:
      if (method == "getOrCreate" || method == "getActive" || method == "getActiveOrCreate")
        return Kind::StreamingContext;
      break;
    default:
      break;
  }
  return std::nullopt;
}

std::optional<Kind> moduleFunctionResult(std::string_view qualname) {
  constexpr std::string_view kFunctions = "pyspark.sql.functions.";
  if (qualname.substr(0, kFunctions.size()) == kFunctions) {
    std::string_view name = qualname.substr(kFunctions.size());
    if (name == "udf" || name == "pandas_udf" || name == "udtf") return Kind::Other;
    if (name == "broadcast") return Kind::DataFrame;
    return Kind::Column;
  }
  return std::nullopt;
}

std::optional<Kind> attributeKind(Kind kind, std::string_view member) {
  const auto& table = attributes(kind);
  if (auto it = table.find(member); it != table.end()) return it->second;
  if (kind == Kind::JVMView || kind == Kind::JavaObject) return kind;
  if (kind == Kind::DataFrame && !isDataFrameMember(member)) return Kind::Column;
  return std::nullopt;
}

std::optional<Kind> methodResult(Kind kind, std::string_view method) {
  const auto& table = methods(kind);
  if (auto it = table.find(method); it != table.end()) return it->second;
  if (kind == Kind::DataFrame && dataFrameReturning().count(method)) return Kind::DataFrame;
  if (kind == Kind::GroupedData) return Kind::DataFrame;
  if (kind == Kind::DataFrameWriter || kind == Kind::DataFrameReader) {
    // option/format/mode/... keep the builder; terminal calls were listed above.
    return kind;
  }
  if (isFluent(kind)) return kind;
  return std::nullopt;
}

bool isDataFrameMember(std::string_view member) {
  return dataFrameMembers().count(member) > 0;
}

namespace {
constexpr std::pair<std::string_view, Kind> kConventionalNames[] = {
    {"spark", Kind::SparkSession},         {"spark_session", Kind::SparkSession},
    {"sparkSession", Kind::SparkSession},  {"sc", Kind::SparkContext},
    {"spark_context", Kind::SparkContext}, {"sparkContext", Kind::SparkContext},
    {"sqlContext", Kind::SQLContext},      {"sql_context", Kind::SQLContext},
    {"hiveContext", Kind::HiveContext},    {"hive_context", Kind::HiveContext},
};
// Lower case: isSparkLikeName compares lowered names.
constexpr std::string_view kSparkLikeNames[] = {
    "spark", "sc", "ss", "sparksession", "spark_session", "session",
    "sqlcontext", "sql_context", "ssc", "df", "sdf",
};
}  // namespace

std::optional<Kind> kindOfConventionalName(std::string_view name) {
  static const std::unordered_map<std::string_view, Kind> names(std::begin(kConventionalNames),
                                                                std::end(kConventionalNames));
  if (auto it = names.find(name); it != names.end()) return it->second;
  return std::nullopt;
}

bool suggestsSpark(std::string_view token) {
  std::size_t n = token.size();
  if (n == 0) return false;
  auto lower = [&](std::size_t i) { return static_cast<char>(token[i] | 0x20); };  // for letters
  if ((n > 3 && token[n - 3] == '_' && lower(n - 2) == 'd' && lower(n - 1) == 'f') ||
      (n >= 3 && lower(0) == 'd' && lower(1) == 'f' && token[2] == '_'))
    return true;
  // Per first byte, the lengths of the names above (either case for the
  // lowered ones): most tokens are ruled out without hashing them.
  static const std::array<std::uint32_t, 256> shapes = [] {
    std::array<std::uint32_t, 256> t{};
    auto add = [&](std::string_view name, bool anyCase) {
      const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
      for (char first : {name[0], anyCase ? upper : name[0]})
        t[static_cast<unsigned char>(first)] |= std::uint32_t{1} << name.size();
    };
    for (const auto& [name, kind] : kConventionalNames) add(name, false);
    for (std::string_view name : kSparkLikeNames) add(name, true);
    return t;
  }();
  if (n >= 32 || !(shapes[static_cast<unsigned char>(token[0])] & (std::uint32_t{1} << n))) return false;
  return kindOfConventionalName(token) || isSparkLikeName(token);
}

bool isSessionBound(Kind kind) {
  switch (kind) {
    case Kind::SparkSession:
    case Kind::SparkContext:
    case Kind::SQLContext:
    case Kind::HiveContext:
    case Kind::DataFrame:
    case Kind::GroupedData:
    case Kind::DataFrameReader:
    case Kind::DataFrameWriter:
    case Kind::DataStreamReader:
    case Kind::DataStreamWriter:
    case Kind::StreamingQuery:
    case Kind::RuntimeConfig:
    case Kind::Catalog:
      return true;
    default:
      return false;
  }
}

bool isStaticConfKey(std::string_view key) {
  static const std::unordered_set<std::string_view> staticSql = {
      "spark.sql.extensions",
      "spark.sql.catalogImplementation",
      "spark.sql.warehouse.dir",
      "spark.sql.hive.metastore.version",
      "spark.sql.hive.metastore.jars",
      "spark.sql.queryExecutionListeners",
      "spark.sql.streaming.streamingQueryListeners",
      "spark.sql.ui.retainedExecutions",
      "spark.sql.event.truncate.length",
      "spark.sql.legacy.sessionInitWithConfigDefaults"};
  auto starts = [&](std::string_view prefix) { return key.substr(0, prefix.size()) == prefix; };
  if (key == "spark.remote" || starts("spark.databricks.")) return false;
  if (starts("spark.sql.")) return staticSql.count(key) > 0;
  return starts("spark.");
}

bool isDataFrameAction(std::string_view member) {
  static const Set actions = {
      "collect", "count", "show", "first", "take", "head", "tail", "toPandas", "toArrow", "toLocalIterator",
      "foreach", "foreachPartition", "isEmpty", "save", "saveAsTable", "insertInto", "start", "toTable",
      "columns", "schema", "dtypes", "printSchema", "explain", "cache", "persist", "checkpoint",
      "localCheckpoint", "isStreaming", "inputFiles", "storageLevel", "semanticHash", "sameSemantics",
      "writeTo", "mergeInto",
      // Connect runs these as commands at once, analysing the plan.
      "createTempView", "createOrReplaceTempView", "createGlobalTempView", "createOrReplaceGlobalTempView",
      "registerTempTable"};
  return actions.count(member) > 0;
}

bool combinesDataFrames(std::string_view method) {
  static const Set combining = {"join",      "crossJoin",    "lateralJoin", "union",     "unionAll",
                                "unionByName", "intersect", "intersectAll", "subtract", "exceptAll",
                                "sameSemantics"};
  return combining.count(method) > 0;
}

bool isSparkLikeName(std::string_view name) {
  // Lowered into a buffer on the stack: this runs for every token of a file
  // (RuleMatcher::mentionsTrigger); the names compared are short.
  char buffer[16];
  std::size_t n = std::min(name.size(), sizeof buffer);
  for (std::size_t i = 0; i < n; ++i) buffer[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
  std::string_view lower(buffer, n);
  auto lowerAt = [&](std::size_t i) { return static_cast<char>(std::tolower(static_cast<unsigned char>(name[i]))); };
  std::size_t size = name.size();
  if (size > 3 && name[size - 3] == '_' && lowerAt(size - 2) == 'd' && lowerAt(size - 1) == 'f') return true;
  if (lower.starts_with("df_")) return true;
  static const Set names(std::begin(kSparkLikeNames), std::end(kSparkLikeNames));
  return size <= sizeof buffer && names.count(lower) > 0;
}

bool isPysparkName(std::string_view qualname) {
  return qualname == "pyspark" || qualname.rfind("pyspark.", 0) == 0 ||
         qualname.rfind("databricks.connect", 0) == 0 || qualname.rfind("py4j", 0) == 0;
}

bool isForeignLibrary(std::string_view qualname) {
  static const Set roots = {
      "builtins",   "pandas",       "numpy",       "sklearn",   "os",         "sys",       "json",
      "re",         "datetime",     "collections", "math",      "random",     "time",      "logging",
      "pathlib",    "typing",       "itertools",   "functools", "requests",   "scipy",     "matplotlib",
      "torch",      "tensorflow",   "boto3",       "csv",       "io",         "uuid",      "subprocess",
      "shutil",     "glob",         "tempfile",    "decimal",   "statistics", "string",    "hashlib",
      "yaml",       "pyarrow",      "polars",      "dask",      "xgboost",    "lightgbm",  "seaborn",
      "argparse",   "configparser", "urllib",      "http",      "socket",     "threading", "multiprocessing",
      "concurrent", "dataclasses",  "enum",        "copy",      "pickle",     "base64",    "zipfile",
      "gzip",       "textwrap",     "pprint",      "operator",  "contextlib", "abc",       "warnings",
      // pure-Python look-alikes of the RDD API, and other engines
      "pysparkling", "dpark",       "ray",         "duckdb",    "joblib",     "statsmodels", "networkx"};
  auto dot = qualname.find('.');
  return roots.count(qualname.substr(0, dot)) > 0;
}

std::optional<Kind> sparkOnlyAttributeKind(std::string_view member) {
  if (member == "sparkContext") return Kind::SparkContext;
  return std::nullopt;
}

}  // namespace sparkmigrate::analysis
