// Fix transforms for RDD bridges: the `df.rdd` detours that have a
// DataFrame equivalent (`df.rdd.isEmpty()`, `df.rdd.map(...).collect()`),
// RDDs built from local data only to become DataFrames
// (`sc.parallelize(data).toDF(...)`), `sc.emptyRDD()`, `sc.range(...)` and
// `sc.union([...])` over DataFrames.
#include "analysis/fixes/helpers.h"
#include "analysis/fixes/transforms.h"

#include <algorithm>
#include <array>

namespace sparkmigrate::analysis::fixes {

namespace {
// The members of a DataFrame and an RDD that give the same result on both
// (for an RDD of the rows the DataFrame has).
constexpr std::array<std::string_view, 9> kSameOnRowRdd = {"count", "collect", "take",      "first",   "isEmpty",
                                                           "cache", "persist", "unpersist", "distinct"};
// ... then also partitioning, for what df.rdd.repartition(n) becomes.
constexpr std::array<std::string_view, 11> kSameOnRepartitioned = {
    "count", "collect", "take", "first", "isEmpty", "cache", "persist", "unpersist", "distinct", "repartition",
    "coalesce"};
// ... and on an RDD of ints and `spark.range`'s DataFrame of `id` rows.
constexpr std::array<std::string_view, 2> kSameOnRange = {"count", "isEmpty"};

// True when the DataFrame that replaces an RDD at `node` is used only in ways
// both give the same answer for: one of `same` next, directly or through the
// one name it is assigned to; or not used at all. (Not `toDF()`: a Connect
// DataFrame's toDF() with no names raises ASSIGNMENT_ARITY_MISMATCH.)
template <std::size_t N>
bool usedAsDataFrameOnly(TSNode node, const FixContext& c, const std::array<std::string_view, N>& same) {
  auto next = [&](TSNode n) {
    std::string member = memberOf(n, c).first;
    return std::find(same.begin(), same.end(), member) != same.end();
  };
  if (next(node) || isType(parentNode(node), "expression_statement")) return true;
  TSNode assignment = parentNode(node);
  if (!isType(assignment, "assignment") || !ts_node_eq(field(assignment, "right"), node)) return false;
  TSNode target = field(assignment, "left");
  if (!isType(target, "identifier")) return false;
  // Every read of the name (a rebinding reads nothing; the reads after it
  // are checked all the same).
  for (TSNode id : c.model.references(str(target, c))) {
    if (ts_node_eq(id, target) || !ts_node_is_null(assignmentStatement(id))) continue;
    if (!next(id)) return false;
  }
  return true;
}
}  // namespace

// df.rdd.isEmpty() / df.rdd.collect() ... -> df.isEmpty() / df.collect() ...;
// df.rdd.repartition(n) ... -> df.repartition(n) where what it gives is used
// only as a DataFrame is too (not `spread.map(...)` later).
Out dropRddBridge(const FixContext& c) {
  TSNode df = c.match.capture("df"), rdd = c.match.capture("rdd");
  TSNode method = c.match.capture("method");
  if (ts_node_is_null(df) || ts_node_is_null(rdd)) return std::nullopt;
  std::string_view name = ts_node_is_null(method) ? "" : nodeText(method, c.text);
  if (name == "glom") return std::nullopt;
  static constexpr std::array kKeepsRdd = {"cache", "persist", "unpersist", "repartition", "coalesce"};
  if (std::find(kKeepsRdd.begin(), kKeepsRdd.end(), name) != kKeepsRdd.end() &&
      !usedAsDataFrameOnly(c.match.report, c, kSameOnRepartitioned))
    return std::nullopt;
  return single(Edit{{endOf(df), endOf(rdd)}, ""});
}

// df.rdd.map(lambda r: r[0]).collect() -> [r[0] for r in df.collect()];
// df.rdd.flatMap(lambda x: x).collect() -> [v for row in df.collect() for v in row]
Out columnToList(const FixContext& c) {
  TSNode df = c.match.capture("df"), fn = c.match.capture("fn"), method = c.match.capture("method");
  if (ts_node_is_null(df) || ts_node_is_null(fn)) return std::nullopt;
  TSNode params = field(fn, "parameters"), body = field(fn, "body");
  if (ts_node_is_null(params) || ts_node_is_null(body)) return std::nullopt;
  std::string param = str(params, c), rows = asReceiver(df, c) + ".collect()";
  std::string out;
  if (nodeText(method, c.text) == "flatMap") {
    std::string value = param == "value" ? "v" : "value";
    out = "[" + value + " for " + param + " in " + rows + " for " + value + " in " + param + "]";
  } else {
    out = "[" + str(body, c) + " for " + param + " in " + rows + "]";
  }
  return single(replace(c.match.report, out));
}

namespace {
bool localData(TSNode data) {
  static constexpr std::array kData = {"list",       "tuple",     "list_comprehension",
                                       "identifier", "attribute", "subscript"};
  for (auto t : kData)
    if (nodeType(data) == t) return true;
  return false;
}

// `<session>.createDataFrame(data, <the columns of rdd.toDF(...)>)`, or
// nothing when toDF's arguments are not plain positional ones.
std::optional<std::string> createDataFrameFromToDF(const std::string& session, const std::string& data,
                                                   TSNode toDF, const FixContext& c) {
  std::vector<TSNode> cols = arguments(toDF);
  if (!allPositional(cols)) return std::nullopt;
  std::string schema;
  if (cols.size() == 1 && !isType(cols[0], "string"))
    schema = ", " + str(cols[0], c);
  else if (!cols.empty()) {
    schema = ", [";
    for (std::size_t i = 0; i < cols.size(); ++i) schema += (i ? ", " : "") + str(cols[i], c);
    schema += "]";
  }
  return session + ".createDataFrame(" + data + schema + ")";
}
}  // namespace

// rdd = sc.parallelize(data) ... rdd.toDF(cols) / spark.createDataFrame(rdd, schema),
// `rdd` used nowhere else -> the statement deleted and the DataFrame built
// from `data` where the RDD was used.
Out inlineParallelizedRdd(const FixContext& c) {
  TSNode rdd = c.match.capture("rdd"), use = c.match.report;
  if (!isType(rdd, "identifier")) return std::nullopt;
  const std::vector<TSNode> ids = c.model.references(str(rdd, c));
  if (ids.size() != 2 || !ts_node_eq(ids[1], rdd)) return std::nullopt;
  TSNode statement = assignmentStatement(ids[0]);
  if (ts_node_is_null(statement) || !ts_node_eq(enclosingFunction(statement), enclosingFunction(use)))
    return std::nullopt;
  TSNode parallelize = field(ts_node_named_child(statement, 0), "right");
  TSNode function = field(parallelize, "function");
  std::vector<TSNode> args = arguments(parallelize);
  if (!isType(parallelize, "call") || attributeName(function, c) != "parallelize" || args.size() != 1 ||
      !allPositional(args) || !localData(args[0]))
    return std::nullopt;
  TSNode receiver = field(function, "object");
  Kind context = c.model.kindOf(receiver);
  if (context != Kind::SparkContext && context != Kind::Unknown) return std::nullopt;
  // The data must mean the same where it moves to: no name in it is used in
  // between (rebound or mutated).
  bool rebound = false;
  visitTree(args[0], [&](TSNode n) {
    if (isType(n, "identifier"))
      for (TSNode id : c.model.references(str(n, c)))
        rebound = rebound || (startOf(id) > endOf(statement) && startOf(id) < startOf(use));
    return true;
  });
  if (rebound) return std::nullopt;
  std::string data = str(args[0], c);
  TransformOutput out;
  out.edits.push_back(fixutil::deleteStatement(statement, c.text));
  if (attributeName(field(use, "function"), c) == "toDF") {
    auto session = sessionFor(c, receiver, use);
    if (!session) return std::nullopt;
    auto created = createDataFrameFromToDF(*session, data, use, c);
    if (!created) return std::nullopt;
    out.edits.push_back(replace(use, *created));
  } else {
    out.edits.push_back(replace(rdd, data));
  }
  return out;
}

// sc.parallelize(data).toDF(cols) -> spark.createDataFrame(data, cols);
// spark.createDataFrame(sc.parallelize(data), schema) -> spark.createDataFrame(data, schema);
// the two-statement form (SPK310): inlineParallelizedRdd.
Out parallelizeToDataFrame(const FixContext& c) {
  if (!ts_node_is_null(c.match.capture("rdd"))) return inlineParallelizedRdd(c);
  TSNode call = c.match.report, receiver = c.match.capture("context");
  std::vector<TSNode> args = arguments(call);
  if (args.empty() || args.size() > 2 || !allPositional(args) || !localData(args[0])) return std::nullopt;
  std::string data = str(args[0], c);
  // Inside createDataFrame(...) as its data argument.
  TSNode argList = parentNode(call);
  if (isType(argList, "argument_list")) {
    TSNode outer = parentNode(argList);
    std::vector<TSNode> outerArgs = arguments(outer);
    if (!outerArgs.empty() && ts_node_eq(outerArgs[0], call) &&
        attributeName(field(outer, "function"), c) == "createDataFrame")
      return single(replace(call, data));
    return std::nullopt;
  }
  TSNode toDF = memberCall(call, c, "toDF");
  if (ts_node_is_null(toDF)) return std::nullopt;
  auto session = sessionFor(c, receiver, call);
  if (!session) return std::nullopt;
  auto created = createDataFrameFromToDF(*session, data, toDF, c);
  if (!created) return std::nullopt;
  return single(replace(toDF, *created));
}

// spark.createDataFrame(sc.emptyRDD(), schema) -> spark.createDataFrame([], schema)
Out emptyRddToList(const FixContext& c) {
  TSNode call = c.match.report;
  if (!arguments(call).empty()) return std::nullopt;
  TSNode argList = parentNode(call);
  if (!isType(argList, "argument_list")) return std::nullopt;
  TSNode outer = parentNode(argList);
  std::vector<TSNode> outerArgs = arguments(outer);
  if (outerArgs.size() < 2 || !ts_node_eq(outerArgs[0], call) ||
      attributeName(field(outer, "function"), c) != "createDataFrame")
    return std::nullopt;  // the schema is required
  return single(replace(call, "[]"));
}

// sc.range(a, b, step, numSlices) -> spark.range(a, b, step, numPartitions)
Out contextRangeToSessionRange(const FixContext& c) {
  TSNode call = c.match.report, receiver = c.match.capture("context");
  // A DataFrame of `id` rows instead of an RDD of ints: only where every use
  // gives the same answer on both (`rdd.sample(...)` would silently return
  // Rows, `rdd.takeSample(...)` raise).
  if (!usedAsDataFrameOnly(call, c, kSameOnRange)) return std::nullopt;
  auto session = sessionFor(c, receiver, call);
  if (!session) return std::nullopt;
  TransformOutput out;
  out.edits.push_back(replace(receiver, *session));
  for (TSNode arg : arguments(call)) {
    if (isSplat(arg)) return std::nullopt;
    if (isKeyword(arg) && nodeText(field(arg, "name"), c.text) == "numSlices")
      out.edits.push_back(replace(field(arg, "name"), "numPartitions"));
  }
  return out;
}

namespace {
const ImportNeed kImportReduce{"reduce", "functools.reduce", "from functools import reduce"};
const ImportNeed kImportFunctools{"functools", "functools", "import functools"};
}  // namespace

// sc.union([a, b]) / sc.union([a.rdd, b.rdd]) over DataFrames ->
// reduce(lambda a, b: a.union(b), [a, b]) (functools.reduce when the name
// `reduce` is taken): rows stacked by position, as sc.union stacks them.
Out unionToReduce(const FixContext& c) {
  TSNode call = c.match.report;
  std::vector<TSNode> args = arguments(call);
  if (args.size() != 1 || !(isType(args[0], "list") || isType(args[0], "tuple"))) return std::nullopt;
  std::string frames;
  int count = 0;
  bool failed = false;
  forEachNamedChild(args[0], [&](TSNode element) {
    if (isType(element, "comment")) return;
    TSNode df = element;
    if (attributeName(element, c) == "rdd") df = field(element, "object");
    if (c.model.kindOf(df) != Kind::DataFrame) failed = true;
    frames += (count++ ? ", " : "") + str(df, c);
  });
  if (failed || count == 0) return std::nullopt;
  // sc.union([...]).toDF() is the DataFrame itself: the toDF() goes too.
  TSNode replaced = call;
  if (auto [member, attr] = memberOf(call, c);
      member == "toDF" && isType(parentNode(attr), "call") && arguments(parentNode(attr)).empty())
    replaced = parentNode(attr);
  else if (!usedAsDataFrameOnly(call, c, kSameOnRowRdd))
    return std::nullopt;
  TransformOutput out;
  std::string reduce = "reduce";
  for (TSNode id : c.model.references("reduce"))
    if (!c.model.isUnboundName(id) && c.model.qualifiedName(id) != "functools.reduce")
      reduce = "functools.reduce";
  out.imports.push_back(reduce == "reduce" ? kImportReduce : kImportFunctools);
  out.edits.push_back(replace(replaced, reduce + "(lambda a, b: a.union(b), [" + frames + "])"));
  return out;
}

}  // namespace sparkmigrate::analysis::fixes
