// The named fix transforms, one per mechanical rewrite of the catalogue, and
// the table that registers them (kTransforms, sorted by name). Each reads the
// rule match's captures, checks that the code has exactly the shape it knows
// how to rewrite, and returns minimal byte-range edits; any other shape
// returns nothing and the rule's fix stays display-only guidance. Where the
// receiver was `spark.sparkContext`, `sc` or a SQLContext, the SparkSession in
// scope is found (sessionFor) or, in notebooks and scripts that use the shell
// globals, the global `spark`.
#include "analysis/fix.h"

#include <algorithm>
#include <array>
#include <regex>

namespace sparkmigrate::analysis {
namespace {

using Out = std::optional<TransformOutput>;

const ImportNeed kImportF{"F", "pyspark.sql.functions", "from pyspark.sql import functions as F"};
const ImportNeed kImportLogging{"logging", "logging", "import logging"};
const ImportNeed kImportPySparkException{"PySparkException", "pyspark.errors.PySparkException",
                                         "from pyspark.errors import PySparkException"};

std::string str(TSNode node, const FixContext& c) {
  return std::string(nodeText(node, c.text));
}
std::uint32_t startOf(TSNode n) {
  return ts_node_start_byte(n);
}
std::uint32_t endOf(TSNode n) {
  return ts_node_end_byte(n);
}
Edit replace(TSNode node, std::string text) {
  return Edit{{startOf(node), endOf(node)}, std::move(text)};
}
Out single(Edit edit) {
  return TransformOutput{{std::move(edit)}, {}};
}

TSNode parentNode(TSNode node) {
  return ts_node_is_null(node) ? node : parentOf(node);
}

// `x.name` attribute -> its `name`; "" otherwise.
std::string attributeName(TSNode attr, const FixContext& c) {
  if (!isType(attr, "attribute")) return "";
  return str(field(attr, "attribute"), c);
}

// For a node `n` that is the object of `n.member(...)`: the call node, or null.
TSNode memberCall(TSNode n, const FixContext& c, std::string_view member) {
  TSNode attr = parentNode(n);
  if (!isType(attr, "attribute") || !ts_node_eq(field(attr, "object"), n)) return TSNode{};
  if (attributeName(attr, c) != member) return TSNode{};
  TSNode call = parentNode(attr);
  if (!isType(call, "call") || !ts_node_eq(field(call, "function"), attr)) return TSNode{};
  return call;
}

// For a node `n` that is the object of `n.member`: the member name, and the attribute.
std::pair<std::string, TSNode> memberOf(TSNode n, const FixContext& c) {
  TSNode attr = parentNode(n);
  if (!isType(attr, "attribute") || !ts_node_eq(field(attr, "object"), n)) return {"", TSNode{}};
  return {attributeName(attr, c), attr};
}

std::vector<TSNode> arguments(TSNode call) {
  std::vector<TSNode> out;
  TSNode args = field(call, "arguments");
  if (!isType(args, "argument_list")) return out;
  forEachNamedChild(args, [&](TSNode child) {
    if (nodeType(child) != "comment") out.push_back(child);
  });
  return out;
}

bool isKeyword(TSNode arg) {
  return isType(arg, "keyword_argument");
}
bool isSplat(TSNode arg) {
  return isType(arg, "list_splat") || isType(arg, "dictionary_splat");
}
bool allPositional(const std::vector<TSNode>& args) {
  for (TSNode a : args)
    if (isKeyword(a) || isSplat(a)) return false;
  return true;
}

// Text of the arguments between the parentheses, as written.
std::string argumentsText(TSNode call, const FixContext& c) {
  TSNode args = field(call, "arguments");
  std::string_view all = nodeText(args, c.text);
  if (all.size() >= 2 && all.front() == '(' && all.back() == ')')
    return std::string(all.substr(1, all.size() - 2));
  return std::string(all);
}

// True for expressions that can take `.member` without parentheses.
bool isPrimary(TSNode n) {
  static constexpr std::array kPrimary = {
      "identifier", "attribute",  "call",  "subscript", "parenthesized_expression",
      "list",       "dictionary", "tuple", "string",    "list_comprehension"};
  for (auto t : kPrimary)
    if (nodeType(n) == t) return true;
  return false;
}
std::string asReceiver(TSNode n, const FixContext& c) {
  return isPrimary(n) ? str(n, c) : "(" + str(n, c) + ")";
}

// The assignment statement `name = value` at `target` (an identifier), or null.
TSNode assignmentStatement(TSNode target) {
  TSNode assignment = parentNode(target);
  if (!isType(assignment, "assignment") || !ts_node_eq(field(assignment, "left"), target)) return TSNode{};
  TSNode statement = parentNode(assignment);
  if (!isType(statement, "expression_statement") || ts_node_named_child_count(statement) != 1)
    return TSNode{};
  return statement;
}

TSNode enclosingFunction(TSNode n) {
  for (TSNode p = parentNode(n); !ts_node_is_null(p); p = parentNode(p))
    if (isType(p, "function_definition") || isType(p, "lambda")) return p;
  return TSNode{};
}

bool within(TSNode inner, TSNode outer) {
  return startOf(outer) <= startOf(inner) && endOf(inner) <= endOf(outer);
}

// Is the identifier usable at `use`: bound in the function enclosing `use`,
// or at module level (before `use` when `use` runs at module level).
bool visibleAt(TSNode definition, TSNode use) {
  TSNode useFn = enclosingFunction(use);
  TSNode defFn = enclosingFunction(definition);
  if (!ts_node_is_null(defFn)) return !ts_node_is_null(useFn) && ts_node_eq(defFn, useFn);
  if (ts_node_is_null(useFn)) return startOf(definition) < startOf(use);
  return true;
}

bool simpleName(std::string_view s) {
  static const std::regex kName(R"(^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$)");
  return std::regex_match(s.begin(), s.end(), kName);
}

// The `name = obj.sparkContext` assignments (target, obj), obj a simple name
// that is not known to be something other than a session.
std::vector<std::pair<TSNode, TSNode>> contextAssignments(const FixContext& c, std::string_view name) {
  std::vector<std::pair<TSNode, TSNode>> found;
  for (TSNode id : c.model.assignmentsTo(name)) {
    TSNode right = field(parentNode(id), "right");
    if (!isType(right, "attribute") || attributeName(right, c) != "sparkContext") continue;
    TSNode object = field(right, "object");
    if (!simpleName(nodeText(object, c.text)) || c.model.kindOf(object) == Kind::Other) continue;
    found.emplace_back(id, object);
  }
  return found;
}

// True when `name` has a binding anywhere in the file (assignment, parameter,
// import, def): a notebook global it is not.
bool boundInFile(const FixContext& c, std::string_view name) {
  for (TSNode id : c.model.references(name))
    if (!c.model.isUnboundName(id)) return true;
  return false;
}

// The SparkSession expression to use in place of a SparkContext/SQLContext
// receiver at `use`.
std::optional<std::string> sessionFor(const FixContext& c, TSNode receiver, TSNode use) {
  // spark.sparkContext / df.sparkSession.sparkContext -> the session expression.
  if (isType(receiver, "attribute") && attributeName(receiver, c) == "sparkContext") {
    TSNode object = field(receiver, "object");
    Kind k = c.model.kindOf(object);
    if ((k == Kind::SparkSession || k == Kind::Unknown) && simpleName(nodeText(object, c.text)))
      return str(object, c);
    return std::nullopt;
  }
  if (isType(receiver, "identifier")) {
    // sc = spark.sparkContext, the latest such assignment visible here.
    std::optional<std::string> best;
    std::uint32_t bestPos = 0;
    for (const auto& [id, object] : contextAssignments(c, str(receiver, c))) {
      if (!visibleAt(id, use)) continue;
      if (!best || startOf(id) > bestPos) {
        best = str(object, c);
        bestPos = startOf(id);
      }
    }
    if (best) return best;
  }
  // A SparkSession bound in scope: assignments whose value is a session, and
  // names used as one, in the enclosing function or at module level (the
  // locals of other functions, lambdas and classes are not visible).
  TSNode useFn = enclosingFunction(use);
  std::optional<std::string> first;
  using Shape = SemanticModel::SessionName::Shape;
  for (const auto& s : c.model.sessions()) {
    if (!ts_node_is_null(s.scope) && (ts_node_is_null(useFn) || !within(useFn, s.scope))) continue;
    bool visible = true;
    if (s.shape == Shape::Assigned) {
      visible = visibleAt(s.id, use);
    } else if (s.shape == Shape::Used) {
      visible = ts_node_is_null(s.fn) ? (!ts_node_is_null(useFn) || startOf(s.id) < startOf(use))
                                      : (!ts_node_is_null(useFn) && within(s.id, useFn));
    }
    if (!visible) continue;
    if (s.name == "spark") return "spark";
    if (!first) first = std::string(s.name);
  }
  if (first) return first;
  // The notebook/shell global `spark`: in notebooks, when the receiver is
  // itself a global (`sc`, `sqlContext`), or when the file already uses it.
  if (!boundInFile(c, "spark")) {
    TSNode root = receiver;
    while (isType(root, "attribute")) root = field(root, "object");
    if (c.model.isNotebook() || (isType(root, "identifier") && c.model.isUnboundName(root)) ||
        !c.model.references("spark").empty())
      return "spark";
  }
  return std::nullopt;
}

// ---- RDD bridge ----------------------------------------------------------

// df.rdd.isEmpty() / df.rdd.collect() ... -> df.isEmpty() / df.collect() ...
Out dropRdd(const FixContext& c) {
  TSNode df = c.match.capture("df"), rdd = c.match.capture("rdd");
  TSNode method = c.match.capture("method");
  if (ts_node_is_null(df) || ts_node_is_null(rdd)) return std::nullopt;
  if (!ts_node_is_null(method) && nodeText(method, c.text) == "glom") return std::nullopt;
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

// ---- SparkContext members ------------------------------------------------

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
Out scRange(const FixContext& c) {
  TSNode call = c.match.report, receiver = c.match.capture("context");
  // A DataFrame of `id` rows instead of an RDD of ints: only where nothing
  // RDD-specific follows.
  auto [next, nextAttr] = memberOf(call, c);
  if (!next.empty() && next != "count") return std::nullopt;
  TSNode argList = parentNode(call);
  if (isType(argList, "argument_list") &&
      attributeName(field(parentNode(argList), "function"), c) == "createDataFrame")
    return std::nullopt;
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

// sc.setLogLevel("WARN") as a statement -> a comment saying where the level goes now.
Out removeSetLogLevel(const FixContext& c) {
  TSNode call = c.match.report;
  TSNode statement = parentNode(call);
  if (!isType(statement, "expression_statement") || ts_node_named_child_count(statement) != 1)
    return std::nullopt;
  std::string note = "# sparkmigrate: removed " + std::string(nodeText(call, c.text).substr(0, 80)) +
                     "; set spark.log.level on the server instead";
  if (note.find('\n') != std::string::npos)
    note = "# sparkmigrate: removed setLogLevel; set spark.log.level on the server instead";
  // Nothing but a comment may follow on the line (the note turns the rest into a comment).
  std::uint32_t after = endOf(statement);
  while (after < c.text.size() && (c.text[after] == ' ' || c.text[after] == '\t')) ++after;
  if (after < c.text.size() && c.text[after] != '\n' && c.text[after] != '\r' && c.text[after] != '#')
    return std::nullopt;
  Edit edit = fixutil::deleteStatement(statement, c.text);
  if (edit.text == "pass") return single(Edit{edit.range, "pass  " + note});
  return single(replace(statement, note));
}

// sc.addPyFile(p) -> spark.addArtifacts(p, pyfile=True); addFile -> file=True; addArchive -> archive=True
Out addArtifacts(const FixContext& c) {
  TSNode call = c.match.report, receiver = c.match.capture("context"), method = c.match.capture("method");
  if (ts_node_is_null(receiver) || !isType(method, "identifier")) return std::nullopt;
  std::vector<TSNode> args = arguments(call);
  if (args.size() != 1 || !allPositional(args)) return std::nullopt;
  std::string_view name = nodeText(method, c.text);
  std::string flag = name == "addPyFile"    ? "pyfile"
                     : name == "addFile"    ? "file"
                     : name == "addArchive" ? "archive"
                                            : "";
  if (flag.empty()) return std::nullopt;
  auto session = sessionFor(c, receiver, call);
  if (!session) return std::nullopt;
  return single(replace(call, *session + ".addArtifacts(" + str(args[0], c) + ", " + flag + "=True)"));
}

// sc.getConf().get(k[, d]) / sc._conf.get(k[, d]) -> spark.conf.get(k[, d])
Out confGet(const FixContext& c) {
  TSNode report = c.match.report, receiver = c.match.capture("context");
  TSNode getCall = memberCall(report, c, "get");
  if (ts_node_is_null(getCall)) return std::nullopt;
  std::vector<TSNode> args = arguments(getCall);
  if (args.empty() || args.size() > 2 || !allPositional(args)) return std::nullopt;
  auto session = sessionFor(c, receiver, report);
  if (!session) return std::nullopt;
  return single(replace(getCall, *session + ".conf.get(" + argumentsText(getCall, c) + ")"));
}

// sc = spark.sparkContext (or sc = SparkContext(...)) with no use of `sc`
// left -> deleted.
Out dropUnusedSparkContext(const FixContext& c) {
  TSNode attr = c.match.report;
  TSNode assignment = parentNode(attr);
  if (!isType(assignment, "assignment") || !ts_node_eq(field(assignment, "right"), attr)) return std::nullopt;
  if (!isType(attr, "attribute") && !isType(attr, "call")) return std::nullopt;
  TSNode target = field(assignment, "left");
  if (!isType(target, "identifier")) return std::nullopt;
  TSNode statement = parentNode(assignment);
  if (!isType(statement, "expression_statement")) return std::nullopt;
  for (TSNode id : c.model.references(nodeText(target, c.text)))
    if (!ts_node_eq(id, target)) return std::nullopt;
  return single(fixutil::deleteStatement(statement, c.text));
}

// The whitespace before `node` on its line, or nothing when other text precedes it.
std::optional<std::string> indentOf(TSNode node, const FixContext& c) {
  std::uint32_t start = startOf(node), lineStart = start;
  while (lineStart > 0 && c.text[lineStart - 1] != '\n') --lineStart;
  std::string_view before = c.text.substr(lineStart, start - lineStart);
  if (before.find_first_not_of(" \t") != std::string_view::npos) return std::nullopt;
  return std::string(before);
}

// `SparkConf().setAppName(a).setMaster(m).set(k, v)` as session builder calls
// (".appName(a).config(k, v)"): the master is dropped, the Connect server has
// its own. Nothing when the chain calls anything else.
std::optional<std::string> builderCallsFromConf(TSNode chain, const FixContext& c) {
  std::vector<std::string> calls;
  for (TSNode n = chain;; n = field(field(n, "function"), "object")) {
    if (!isType(n, "call")) return std::nullopt;
    TSNode function = field(n, "function");
    std::vector<TSNode> args = arguments(n);
    if (c.model.qualifiedName(function) == "pyspark.SparkConf") {
      if (!args.empty()) return std::nullopt;
      break;
    }
    std::string method = attributeName(function, c);
    if (!allPositional(args)) return std::nullopt;
    if (method == "setAppName" && args.size() == 1)
      calls.push_back(".appName(" + str(args[0], c) + ")");
    else if (method == "set" && args.size() == 2)
      calls.push_back(".config(" + str(args[0], c) + ", " + str(args[1], c) + ")");
    else if (method != "setMaster" || args.size() != 1)
      return std::nullopt;
  }
  std::string out;
  for (auto it = calls.rbegin(); it != calls.rend(); ++it) out += *it;
  return out;
}

// True when `spark` can be bound at `statement`: every binding of it that
// code in the same scope can see (module level, or the functions around the
// statement) is a SparkSession, and inside a function nothing reads it before.
bool sparkNameFree(const FixContext& c, TSNode statement) {
  TSNode fn = enclosingFunction(statement);
  for (TSNode id : c.model.references("spark")) {
    if (!ts_node_is_null(fn) && within(id, fn) && startOf(id) < startOf(statement)) return false;
    TSNode idFn = enclosingFunction(id);
    if (!ts_node_is_null(idFn) && !within(statement, idFn)) continue;  // another function's
    if (c.model.isUnboundName(id)) continue;
    TSNode assigned = assignmentStatement(id);
    Kind kind = ts_node_is_null(assigned) ? c.model.kindOf(id)
                                          : c.model.kindOf(field(ts_node_named_child(assigned, 0), "right"));
    if (kind != Kind::SparkSession) return false;
  }
  return true;
}

const ImportNeed kImportSparkSession{"SparkSession", "pyspark.sql.SparkSession",
                                     "from pyspark.sql import SparkSession"};

// sc = SparkContext(...) / SparkContext.getOrCreate(...): deleted when `sc`
// has no use (dropUnusedSparkContext); otherwise a session plus the context
// derived from it, `spark = SparkSession.builder.appName(a).getOrCreate()` and
// `sc = spark.sparkContext`, so the member rewrites find the session and
// SPK001 deletes the second line once its uses are gone. A SparkConf passed
// in is folded into the builder when it is a plain chain used nowhere else.
Out sparkContextToSession(const FixContext& c) {
  if (auto dropped = dropUnusedSparkContext(c)) return dropped;
  TSNode call = c.match.report;
  if (!isType(call, "call")) return std::nullopt;
  TSNode assignment = parentNode(call);
  if (!isType(assignment, "assignment") || !ts_node_eq(field(assignment, "right"), call)) return std::nullopt;
  TSNode target = field(assignment, "left");
  TSNode statement = assignmentStatement(target);
  if (!isType(target, "identifier") || ts_node_is_null(statement) || str(target, c) == "spark")
    return std::nullopt;
  auto indent = indentOf(statement, c);
  if (!indent || !sparkNameFree(c, statement)) return std::nullopt;
  bool getOrCreate = c.model.qualifiedName(field(call, "function")) == "pyspark.SparkContext.getOrCreate";
  // SparkContext(master, appName, conf=...) / SparkContext.getOrCreate(conf)
  std::vector<std::string> positions =
      getOrCreate ? std::vector<std::string>{"conf"} : std::vector<std::string>{"master", "appName"};
  TSNode appName{}, conf{};
  std::vector<TSNode> args = arguments(call);
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (isSplat(args[i])) return std::nullopt;
    std::string name = isKeyword(args[i])     ? str(field(args[i], "name"), c)
                       : i < positions.size() ? positions[i]
                                              : "";
    TSNode value = isKeyword(args[i]) ? field(args[i], "value") : args[i];
    if (name == "appName" && !getOrCreate)
      appName = value;
    else if (name == "conf")
      conf = value;
    else if (name != "master" || getOrCreate)
      return std::nullopt;
  }
  TransformOutput out;
  std::string calls;
  if (!ts_node_is_null(conf)) {
    TSNode chain = conf;
    if (isType(conf, "identifier")) {
      // conf = SparkConf()...; used only here: folded, its statement deleted.
      const std::vector<TSNode>& ids = c.model.references(str(conf, c));
      if (ids.size() != 2 || !ts_node_eq(ids[1], conf)) return std::nullopt;
      TSNode confStatement = assignmentStatement(ids[0]);
      if (ts_node_is_null(confStatement)) return std::nullopt;
      chain = field(ts_node_named_child(confStatement, 0), "right");
      out.edits.push_back(fixutil::deleteStatement(confStatement, c.text));
    }
    auto folded = builderCallsFromConf(chain, c);
    if (!folded) return std::nullopt;
    calls += *folded;
  }
  if (!ts_node_is_null(appName)) calls = ".appName(" + str(appName, c) + ")" + calls;
  out.edits.push_back(replace(statement, "spark = SparkSession.builder" + calls + ".getOrCreate()\n" +
                                             *indent + str(target, c) + " = spark.sparkContext"));
  out.imports.push_back(kImportSparkSession);
  return out;
}

// True when the DataFrame that replaces an RDD at `node` is used only in ways
// both have: a DataFrame action or `toDF()` next, directly or through the one
// name it is assigned to.
bool usedAsDataFrameOnly(TSNode node, const FixContext& c) {
  static constexpr std::array kBoth = {"count", "collect", "take",      "first",   "isEmpty",
                                       "cache", "persist", "unpersist", "distinct"};
  auto next = [&](TSNode n) {
    auto [member, attr] = memberOf(n, c);
    if (member == "toDF") {
      TSNode call = parentNode(attr);
      return isType(call, "call") && arguments(call).empty();
    }
    return std::find(kBoth.begin(), kBoth.end(), member) != kBoth.end();
  };
  if (next(node)) return true;
  TSNode assignment = parentNode(node);
  if (!isType(assignment, "assignment") || !ts_node_eq(field(assignment, "right"), node)) return false;
  TSNode target = field(assignment, "left");
  if (!isType(target, "identifier")) return false;
  int uses = 0;
  for (TSNode id : c.model.references(str(target, c))) {
    if (ts_node_eq(id, target)) continue;
    if (!ts_node_is_null(assignmentStatement(id)) || !next(id)) return false;
    ++uses;
  }
  return uses > 0;
}

const ImportNeed kImportReduce{"reduce", "functools.reduce", "from functools import reduce"};
const ImportNeed kImportFunctools{"functools", "functools", "import functools"};

// sc.union([a, b]) / sc.union([a.rdd, b.rdd]) over DataFrames ->
// reduce(lambda a, b: a.unionByName(b), [a, b]) (functools.reduce when the
// name `reduce` is taken).
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
  if (failed || count == 0 || !usedAsDataFrameOnly(call, c)) return std::nullopt;
  TransformOutput out;
  std::string reduce = "reduce";
  for (TSNode id : c.model.references("reduce"))
    if (!c.model.isUnboundName(id) && c.model.qualifiedName(id) != "functools.reduce")
      reduce = "functools.reduce";
  out.imports.push_back(reduce == "reduce" ? kImportReduce : kImportFunctools);
  out.edits.push_back(replace(call, reduce + "(lambda a, b: a.unionByName(b), [" + frames + "])"));
  return out;
}

// ---- legacy contexts -----------------------------------------------------

const std::array<std::string_view, 8> kSameOnSession = {
    "sql", "read", "readStream", "streams", "table", "createDataFrame", "range", "udf"};

bool sameOnSession(std::string_view m) {
  return std::find(kSameOnSession.begin(), kSameOnSession.end(), m) != kSameOnSession.end();
}

// The rewrite of `ctx.method...` at `attr` on the session, or nothing.
std::optional<Edit> sqlContextMemberEdit(const FixContext& c, TSNode attr, const std::string& session) {
  TSNode ctx = field(attr, "object");
  std::string method = attributeName(attr, c);
  if (sameOnSession(method)) return replace(ctx, session);
  if (method == "sparkSession") return replace(attr, session);
  TSNode call = parentNode(attr);
  bool called = isType(call, "call") && ts_node_eq(field(call, "function"), attr);
  if (method == "setConf" || method == "getConf")
    return replace(attr, session + ".conf." + method.substr(0, 3));
  if (method == "registerFunction") return replace(attr, session + ".udf.register");
  if (method == "dropTempTable") return replace(attr, session + ".catalog.dropTempView");
  if (method == "cacheTable" || method == "uncacheTable" || method == "clearCache" || method == "isCached")
    return replace(attr, session + ".catalog." + method);
  if (!called) return std::nullopt;
  std::vector<TSNode> args = arguments(call);
  if (!allPositional(args)) return std::nullopt;
  if (method == "registerDataFrameAsTable" && args.size() == 2)
    return replace(call, asReceiver(args[0], c) + ".createOrReplaceTempView(" + str(args[1], c) + ")");
  if (method == "tableNames" && args.size() <= 1)
    return replace(call,
                   "[t.name for t in " + session + ".catalog.listTables(" + argumentsText(call, c) + ")]");
  return std::nullopt;
}

// sqlContext.sql(q) -> spark.sql(q); registerDataFrameAsTable(df, n) -> df.createOrReplaceTempView(n); ...
Out sqlContextMethod(const FixContext& c) {
  TSNode attr = c.match.report, ctx = c.match.capture("context");
  auto session = sessionFor(c, ctx, attr);
  if (!session) return std::nullopt;
  auto edit = sqlContextMemberEdit(c, attr, *session);
  if (!edit) return std::nullopt;
  return single(*edit);
}

// sqlContext = SQLContext(sc) -> deleted when every use of the name is a
// member the SQLContext map rewrites (those uses move to the session);
// otherwise the constructor becomes the session in scope.
Out sqlContextToSession(const FixContext& c) {
  TSNode call = c.match.report;
  TSNode assignment = parentNode(call);
  if (isType(assignment, "assignment") && ts_node_eq(field(assignment, "right"), call) &&
      isType(field(assignment, "left"), "identifier") &&
      isType(parentNode(assignment), "expression_statement")) {
    TSNode target = field(assignment, "left");
    bool onlyMapped = true;
    for (TSNode id : c.model.references(nodeText(target, c.text))) {
      if (ts_node_eq(id, target)) continue;
      auto [member, attr] = memberOf(id, c);
      if (member.empty() || !sqlContextMemberEdit(c, attr, "spark"))
        onlyMapped = false;
      else if (!sessionFor(c, id, attr))
        onlyMapped = false;
    }
    if (onlyMapped) return single(fixutil::deleteStatement(parentNode(assignment), c.text));
  }
  std::vector<TSNode> args = arguments(call);
  auto session = sessionFor(c, args.empty() ? TSNode{} : args[0], call);
  if (!session) return std::nullopt;
  return single(replace(call, *session));
}

// df.sql_ctx.sql(...) / df.sqlContext.table(...) -> df.sparkSession.sql(...) ...
Out sqlCtxToSession(const FixContext& c) {
  TSNode attr = c.match.report, member = c.match.capture("member");
  if (!isType(member, "identifier") || nodeText(member, c.text) == "_sc") return std::nullopt;
  auto [next, outer] = memberOf(attr, c);
  if (!sameOnSession(next)) return std::nullopt;
  return single(replace(member, "sparkSession"));
}

// SparkSession(sc) -> SparkSession.builder.getOrCreate()
Out sessionFromBuilder(const FixContext& c) {
  TSNode call = c.match.report, constructor = c.match.capture("constructor");
  if (!isType(call, "call") || ts_node_is_null(constructor) || arguments(call).size() > 1)
    return std::nullopt;
  return single(replace(call, str(constructor, c) + ".builder.getOrCreate()"));
}

// ---- DataFrame API -------------------------------------------------------

// df.name (a column) -> df["name"]
Out columnSubscript(const FixContext& c) {
  TSNode df = c.match.capture("df"), name = c.match.capture("name");
  if (ts_node_is_null(df) || !isType(name, "identifier")) return std::nullopt;
  return single(replace(c.match.report, asReceiver(df, c) + "[\"" + str(name, c) + "\"]"));
}

// The only statement of a block (comments aside), or null.
TSNode onlyStatement(TSNode block) {
  TSNode only{};
  int count = 0;
  forEachNamedChild(block, [&](TSNode child) {
    if (isType(child, "comment")) return;
    only = child;
    ++count;
  });
  return count == 1 && isType(block, "block") ? only : TSNode{};
}

// `base`, or `base_2`, `base_3`, ...: the first that the file does not use.
std::string freshName(const FixContext& c, const std::string& base) {
  std::string name = base;
  for (int i = 2; !c.model.textOccurrences(name).empty(); ++i) name = base + "_" + std::to_string(i);
  return name;
}

// for c in cols:
//     if c not in df.columns:
//         df = df.withColumn(c, ...)
// -> the columns read once before the loop, into a set kept up to date:
// existing = set(df.columns); ... if c not in existing: ...; existing.add(c)
Out hoistColumns(const FixContext& c) {
  TSNode columns = c.match.report, frame = c.match.capture("frame");
  if (attributeName(columns, c) != "columns") return std::nullopt;
  TSNode test = parentNode(columns), ifStatement = parentNode(test);
  if (!isType(test, "comparison_operator") || ts_node_named_child_count(test) != 2 ||
      !ts_node_eq(ts_node_named_child(test, 1), columns) || !isType(ifStatement, "if_statement") ||
      !ts_node_eq(field(ifStatement, "condition"), test) ||
      !ts_node_is_null(field(ifStatement, "alternative")))
    return std::nullopt;
  TSNode name = ts_node_named_child(test, 0);
  std::uint32_t opFrom = endOf(name);
  std::string op(c.text.substr(opFrom, startOf(columns) - opFrom));
  if (!isType(name, "identifier") || op != " not in ") return std::nullopt;
  TSNode loop = parentNode(parentNode(ifStatement));
  if (!isType(loop, "for_statement") || !ts_node_eq(onlyStatement(field(loop, "body")), ifStatement) ||
      !ts_node_is_null(field(loop, "alternative")) || str(field(loop, "left"), c) != str(name, c))
    return std::nullopt;
  // df = df.withColumn(c, value)
  TSNode statement = onlyStatement(field(ifStatement, "consequence"));
  if (!isType(statement, "expression_statement") || ts_node_named_child_count(statement) != 1)
    return std::nullopt;
  TSNode assignment = ts_node_named_child(statement, 0);
  TSNode call = field(assignment, "right");
  if (!isType(assignment, "assignment") || str(field(assignment, "left"), c) != str(frame, c) ||
      !isType(call, "call") || attributeName(field(call, "function"), c) != "withColumn" ||
      str(field(field(call, "function"), "object"), c) != str(frame, c))
    return std::nullopt;
  std::vector<TSNode> args = arguments(call);
  if (args.size() != 2 || !allPositional(args) || str(args[0], c) != str(name, c)) return std::nullopt;
  auto loopIndent = indentOf(loop, c), bodyIndent = indentOf(statement, c);
  if (!loopIndent || !bodyIndent) return std::nullopt;
  std::string existing = freshName(c, "existing");
  std::uint32_t loopLine = startOf(loop) - static_cast<std::uint32_t>(loopIndent->size());
  std::uint32_t lineEnd = endOf(statement);
  while (lineEnd < c.text.size() && c.text[lineEnd] != '\n' && c.text[lineEnd] != '\r') ++lineEnd;
  TransformOutput out;
  out.edits.push_back(
      Edit{{loopLine, loopLine}, *loopIndent + existing + " = set(" + str(columns, c) + ")\n"});
  out.edits.push_back(replace(columns, existing));
  out.edits.push_back(Edit{{lineEnd, lineEnd}, "\n" + *bodyIndent + existing + ".add(" + str(name, c) + ")"});
  return out;
}

// The function a UDF finding is about: the lambda itself, the def whose name
// it is, or the def (in the same loop, before it) of the name passed to udf().
TSNode udfFunction(TSNode report, TSNode loop, const FixContext& c) {
  if (isType(report, "lambda")) return report;
  if (!isType(report, "identifier")) return TSNode{};
  TSNode parent = parentNode(report);
  if (isType(parent, "function_definition")) return parent;
  TSNode found{};
  for (TSNode id : c.model.references(str(report, c))) {
    TSNode def = parentNode(id);
    if (isType(def, "function_definition") && ts_node_eq(field(def, "name"), id) && within(def, loop) &&
        startOf(def) < startOf(report))
      found = def;
  }
  return found;
}

// udf(lambda v: v + j) inside `for j in ...` -> udf(lambda v, j=j: v + j);
// @udf def f(v): return v + j (or udf(f)) -> def f(v, j=j): ...
Out bindLoopVariable(const FixContext& c) {
  TSNode loop = fixutil::ancestorOfType(c.match.report, {"for_statement"});
  if (ts_node_is_null(loop)) return std::nullopt;
  TSNode fn = udfFunction(c.match.report, loop, c);
  if (ts_node_is_null(fn)) return std::nullopt;
  std::vector<std::string> loopNames;
  TSNode target = field(loop, "left");
  if (isType(target, "identifier"))
    loopNames.push_back(str(target, c));
  else
    forEachNamedChild(target, [&](TSNode n) {
      if (isType(n, "identifier")) loopNames.push_back(str(n, c));
    });
  TSNode params = field(fn, "parameters");
  std::string paramText = ts_node_is_null(params) ? "" : str(params, c);
  std::string added;
  for (const auto& name : loopNames) {
    bool read = false;
    for (TSNode id : c.model.references(name))
      if (within(id, field(fn, "body"))) read = true;
    if (!read) continue;
    static const std::regex kWord("[A-Za-z_][A-Za-z0-9_]*");
    for (auto it = std::sregex_iterator(paramText.begin(), paramText.end(), kWord);
         it != std::sregex_iterator(); ++it)
      if (it->str() == name) return std::nullopt;  // already a parameter
    added += (added.empty() ? "" : ", ") + name + "=" + name;
  }
  if (added.empty()) return std::nullopt;
  if (paramText.find('*') != std::string::npos) return std::nullopt;
  if (isType(fn, "function_definition")) {
    // A pandas UDF infers its kind from the annotations of every parameter.
    bool annotated = paramText.find(':') != std::string::npos;
    TSNode factory = c.match.capture("factory");
    if (annotated && !ts_node_is_null(factory) &&
        c.model.qualifiedName(factory) == "pyspark.sql.functions.pandas_udf")
      return std::nullopt;
    // `(v)` -> `(v, j=j)`, `()` -> `(j=j)`, `(v,)` -> `(v, j=j)`
    std::uint32_t close = endOf(params) - 1;
    std::size_t last = paramText.find_last_not_of(" \t\n", paramText.size() - 2);
    std::string sep = paramText[last] == '(' ? "" : paramText[last] == ',' ? " " : ", ";
    std::uint32_t at = startOf(params) + static_cast<std::uint32_t>(last) + 1;
    if (at > close) return std::nullopt;
    return single(Edit{{at, at}, sep + added});
  }
  if (ts_node_is_null(params)) {
    // `lambda: ...` -> `lambda j=j: ...`
    std::uint32_t at = startOf(fn) + 6;
    return single(Edit{{at, at}, " " + added});
  }
  return single(Edit{{endOf(params), endOf(params)}, ", " + added});
}

// True when no name the import statement binds is used outside imports
// (`import a.b` binds `a`; `import a as x` and `from m import a as x` bind `x`);
// false for wildcard imports and names it cannot tell.
bool importUnused(TSNode statement, const FixContext& c) {
  bool allUnused = true, any = false;
  TSFieldId nameField = fieldId("name");
  TSTreeCursor cursor = ts_tree_cursor_new(statement);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      if (ts_tree_cursor_current_field_id(&cursor) != nameField) continue;
      TSNode n = ts_tree_cursor_current_node(&cursor);
      TSNode bound = isType(n, "aliased_import") ? field(n, "alias") : n;
      if (isType(bound, "dotted_name") && isType(statement, "import_statement"))
        bound = ts_node_named_child(bound, 0);
      any = true;
      if (!isType(bound, "identifier") &&
          !(isType(bound, "dotted_name") && ts_node_named_child_count(bound) == 1))
        allUnused = false;
      else if (fixutil::usesOutsideImports(c.model.references(nodeText(bound, c.text))) > 0)
        allUnused = false;
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return any && allUnused;
}

// from pyspark import SparkContext, RDD (unused) -> removed
Out dropUnusedImport(const FixContext& c) {
  TSNode report = c.match.report;
  TSNode statement = fixutil::ancestorOfType(report, {"import_from_statement", "import_statement"});
  if (!isType(statement, "import_from_statement")) return std::nullopt;
  TransformOutput out;
  if (ts_node_eq(field(statement, "module_name"), report)) {
    // from pyspark.rdd import RDD, ...: every name must be unused.
    if (!importUnused(statement, c)) return std::nullopt;
    out.edits.push_back(fixutil::deleteStatement(statement, c.text));
    return out;
  }
  TSNode named = parentNode(report);
  TSNode bound = isType(named, "aliased_import") ? field(named, "alias") : report;
  std::string name = str(bound, c);
  if (name.find('.') != std::string::npos) return std::nullopt;
  const std::vector<TSNode>& references = c.model.references(name);
  if (fixutil::usesOutsideImports(references) > 0) return std::nullopt;
  out.edits = fixutil::removeImportedName(references, c.text, name);
  if (out.edits.size() != 1) return std::nullopt;
  return out;
}

// df.toJSON().collect() -> [r.value for r in df.select(F.to_json(F.struct("*")).alias("value")).collect()]
// .take(n) likewise; .first() -> df.select(...).first().value
Out toJsonSelect(const FixContext& c) {
  TSNode df = c.match.capture("df");
  if (ts_node_is_null(df)) return std::nullopt;
  TSNode toJson = parentNode(parentNode(df));
  if (!isType(toJson, "call") || !arguments(toJson).empty()) return std::nullopt;
  std::string selected = asReceiver(df, c) + ".select(F.to_json(F.struct(\"*\")).alias(\"value\"))";
  for (std::string_view action : {"collect", "take", "first"}) {
    TSNode call = memberCall(toJson, c, action);
    if (ts_node_is_null(call)) continue;
    std::string text;
    if (action == "first") {
      if (!arguments(call).empty()) return std::nullopt;
      text = selected + ".first().value";
    } else {
      text =
          "[r.value for r in " + selected + "." + std::string(action) + "(" + argumentsText(call, c) + ")]";
    }
    return TransformOutput{{replace(call, text)}, {kImportF}};
  }
  return std::nullopt;
}

// The Connect class that a check against pyspark.sql.DataFrame/Column must
// also accept before 4.0, bound by a guarded import (`()` where pyspark has no
// Connect client, which isinstance and `in` accept as "no class").
const ImportNeed kImportConnectDataFrame{
    "ConnectDataFrame", "pyspark.sql.connect.dataframe.DataFrame",
    "try:\n    from pyspark.sql.connect.dataframe import DataFrame as ConnectDataFrame\n"
    "except ImportError:  # a pyspark without the Spark Connect client\n    ConnectDataFrame = ()"};
const ImportNeed kImportConnectColumn{
    "ConnectColumn", "pyspark.sql.connect.column.Column",
    "try:\n    from pyspark.sql.connect.column import Column as ConnectColumn\n"
    "except ImportError:  # a pyspark without the Spark Connect client\n    ConnectColumn = ()"};

// isinstance(x, DataFrame) -> isinstance(x, (DataFrame, ConnectDataFrame));
// isinstance(x, (DataFrame, T)) -> isinstance(x, (DataFrame, ConnectDataFrame, T));
// type(x) is DataFrame -> type(x) in (DataFrame, ConnectDataFrame) (`is not`/`!=`: `not in`).
// Column likewise with ConnectColumn.
Out acceptConnectClass(const FixContext& c) {
  TSNode report = c.match.report, cls = c.match.capture("class");
  std::string qualname = c.model.qualifiedName(cls);
  const ImportNeed* need = qualname == "pyspark.sql.DataFrame" ? &kImportConnectDataFrame
                           : qualname == "pyspark.sql.Column"  ? &kImportConnectColumn
                                                               : nullptr;
  if (!need) return std::nullopt;
  std::string both = str(cls, c) + ", " + need->name;
  TSNode parent = parentNode(cls);
  if (isType(report, "comparison_operator")) {
    if (ts_node_named_child_count(report) != 2 || !ts_node_eq(ts_node_named_child(report, 1), cls))
      return std::nullopt;
    std::uint32_t from = endOf(ts_node_named_child(report, 0));
    std::string op(c.text.substr(from, startOf(cls) - from));
    op.erase(std::remove_if(op.begin(), op.end(), [](char ch) { return ch == ' ' || ch == '\t'; }), op.end());
    std::string in = op == "is" || op == "==" ? " in " : op == "isnot" || op == "!=" ? " not in " : "";
    if (in.empty()) return std::nullopt;
    return TransformOutput{{Edit{{from, endOf(cls)}, in + "(" + both + ")"}}, {*need}};
  }
  if (isType(parent, "tuple")) return TransformOutput{{replace(cls, both)}, {*need}};
  if (isType(parent, "argument_list")) return TransformOutput{{replace(cls, "(" + both + ")")}, {*need}};
  return std::nullopt;
}

bool binaryDataFrameMethod(std::string_view m) {
  static constexpr std::array kBinary = {"union",     "unionAll",     "unionByName", "join",     "crossJoin",
                                         "intersect", "intersectAll", "subtract",    "exceptAll"};
  return std::find(kBinary.begin(), kBinary.end(), m) != kBinary.end();
}

// reduce(DataFrame.unionByName, dfs) -> reduce(lambda a, b: a.unionByName(b), dfs);
// map(DataFrame.count, dfs) -> map(lambda d: d.count(), dfs); DataFrame.union(a, b) -> a.union(b)
Out bindUnboundMethod(const FixContext& c) {
  TSNode report = c.match.report, method = c.match.capture("method");
  std::string name = str(method, c);
  if (isType(report, "call")) {
    std::vector<TSNode> args = arguments(report);
    if (args.empty() || isKeyword(args[0]) || isSplat(args[0])) return std::nullopt;
    std::string rest;
    TSNode argList = field(report, "arguments");
    if (args.size() > 1) {
      std::uint32_t from = endOf(args[0]);
      std::string_view tail = c.text.substr(from, endOf(argList) - 1 - from);
      std::size_t comma = tail.find(',');
      rest = std::string(tail.substr(comma + 1));
      rest.erase(0, rest.find_first_not_of(" \t"));
    }
    return single(replace(report, asReceiver(args[0], c) + "." + name + "(" + rest + ")"));
  }
  TSNode argList = parentNode(report);
  if (!isType(argList, "argument_list")) return std::nullopt;
  std::string caller = str(field(parentNode(argList), "function"), c);
  bool reduceCall = caller == "reduce" || caller == "functools.reduce";
  if (reduceCall && binaryDataFrameMethod(name))
    return single(replace(report, "lambda a, b: a." + name + "(b)"));
  if ((caller == "map" || caller == "filter" || caller == "sorted" || caller == "max" || caller == "min") &&
      !binaryDataFrameMethod(name))
    return single(replace(report, "lambda d: d." + name + "()"));
  return std::nullopt;
}

// df.display() -> df.show()
Out displayToShow(const FixContext& c) {
  TSNode method = c.match.capture("method");
  TSNode call = parentNode(c.match.report);
  if (!isType(method, "identifier") || !isType(call, "call") || !arguments(call).empty()) return std::nullopt;
  return single(replace(method, "show"));
}

// getContext().toJson() -> getContext().toSafeJson()
Out toSafeJson(const FixContext& c) {
  return single(replace(c.match.report, "toSafeJson"));
}

// builder.enableHiveSupport() / builder.master(...) -> removed from the chain
Out removeBuilderCall(const FixContext& c) {
  TSNode builder = c.match.capture("builder"), method = c.match.capture("method");
  if (ts_node_is_null(builder) || ts_node_is_null(method)) return std::nullopt;
  TSNode call = parentNode(parentNode(method));
  if (!isType(call, "call")) return std::nullopt;
  // Keep the line break (and any comment) before `.method(...)` in a multi-line chain.
  std::uint32_t from = endOf(builder);
  std::string_view between = c.text.substr(from, startOf(method) - from);
  if (between.find('\n') != std::string_view::npos || between.find('#') != std::string_view::npos) {
    std::size_t dot = between.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::uint32_t lineStart = from + static_cast<std::uint32_t>(between.rfind('\n', dot) + 1);
    std::uint32_t end = endOf(call);
    std::uint32_t lineEnd = end;
    while (lineEnd < c.text.size() && (c.text[lineEnd] == ' ' || c.text[lineEnd] == '\t')) ++lineEnd;
    std::string_view before = c.text.substr(lineStart, from + dot - lineStart);
    if (before.find_first_not_of(" \t") == std::string_view::npos && lineEnd < c.text.size() &&
        c.text[lineEnd] == '\n')
      return single(Edit{{lineStart, lineEnd + 1}, ""});
    return single(Edit{{from + static_cast<std::uint32_t>(dot), end}, ""});
  }
  return single(Edit{{from, endOf(call)}, ""});
}

// The outermost call of the method chain `node` is part of (`a.b(...).c(...)`).
TSNode chainTop(TSNode node) {
  for (TSNode n = node;;) {
    TSNode attr = parentNode(n);
    if (!isType(attr, "attribute") || !ts_node_eq(field(attr, "object"), n)) return n;
    TSNode call = parentNode(attr);
    if (!isType(call, "call") || !ts_node_eq(field(call, "function"), attr)) return n;
    n = call;
  }
}

// True when the chain ending at `top` calls `.method(...)` anywhere.
bool chainCalls(TSNode top, const FixContext& c, std::string_view method) {
  for (TSNode n = top; isType(n, "call") || isType(n, "attribute");) {
    TSNode function = isType(n, "call") ? field(n, "function") : n;
    if (!isType(function, "attribute")) return false;
    if (isType(n, "call") && attributeName(function, c) == method) return true;
    n = field(function, "object");
  }
  return false;
}

// True when the file sets SPARK_REMOTE for its own process:
// `os.environ["SPARK_REMOTE"] = ...` or `os.environ.setdefault("SPARK_REMOTE", ...)`.
bool setsSparkRemote(const FixContext& c) {
  for (std::uint32_t at : c.model.textOccurrences("SPARK_REMOTE")) {
    TSNode string = fixutil::ancestorOfType(c.model.nodeAt(at), {"string"});
    if (ts_node_is_null(string) || str(string, c).size() != std::string_view("SPARK_REMOTE").size() + 2)
      continue;
    TSNode parent = parentNode(string);
    if (isType(parent, "subscript") && c.model.qualifiedName(field(parent, "value")) == "os.environ") {
      TSNode assignment = parentNode(parent);
      if (isType(assignment, "assignment") && ts_node_eq(field(assignment, "left"), parent)) return true;
    }
    if (isType(parent, "argument_list") && ts_node_eq(arguments(parentNode(parent)).front(), string) &&
        c.model.qualifiedName(field(parentNode(parent), "function")) == "os.environ.setdefault")
      return true;
  }
  return false;
}

// builder.master(...) -> removed, when the session is known to be remote: the
// same chain calls .remote(...) or the file sets SPARK_REMOTE. Otherwise the
// script may be meant to start a classic session: left to a person.
Out removeMasterWhenRemote(const FixContext& c) {
  TSNode method = c.match.capture("method");
  if (ts_node_is_null(method)) return std::nullopt;
  TSNode call = parentNode(parentNode(method));
  if (!chainCalls(chainTop(call), c, "remote") && !setsSparkRemote(c)) return std::nullopt;
  return removeBuilderCall(c);
}

const ImportNeed kImportDbutils{"dbutils", "databricks.sdk.runtime.dbutils",
                                "from databricks.sdk.runtime import dbutils"};
// dbutils.fs / dbutils.secrets outside a notebook -> the SDK's dbutils
// imported. Other members (notebook.run, widgets, library) it does not
// provide: declined, and once the import is there the rule still reports them.
Out importDbutils(const FixContext& c) {
  std::string member = str(c.match.capture("member"), c);
  if (member != "fs" && member != "secrets") return std::nullopt;
  return TransformOutput{{}, {kImportDbutils}};
}

// ---- JVM -----------------------------------------------------------------

// `<jvm>.org.apache.log4j` at `log4j` followed by .LogManager.getLogger(args) -> logging.getLogger(args)
TSNode getLoggerCall(TSNode log4j, const FixContext& c, std::string& args) {
  auto [manager, managerAttr] = memberOf(log4j, c);
  if (manager != "LogManager") return TSNode{};
  for (std::string_view m : {"getLogger", "getRootLogger"}) {
    TSNode call = memberCall(managerAttr, c, m);
    if (ts_node_is_null(call)) continue;
    std::vector<TSNode> a = arguments(call);
    if (!allPositional(a) || a.size() > 1) return TSNode{};
    if (m == "getRootLogger" && !a.empty()) return TSNode{};
    args = argumentsText(call, c);
    return call;
  }
  return TSNode{};
}

// `log.warn(...)` on the logger `call` creates (log4j's name for it) ->
// `log.warning(...)`: Python's Logger.warn is deprecated and gone in 3.13.
// The logger is what `call` is assigned to (`log = ...`, `self.log = ...`);
// its calls are looked for in the class (for `self.x`), function or module
// around the assignment.
void renameWarnCalls(TSNode call, const FixContext& c, TransformOutput& out) {
  TSNode assignment = parentNode(call);
  if (!isType(assignment, "assignment") || !ts_node_eq(field(assignment, "right"), call)) return;
  TSNode target = field(assignment, "left");
  if (!isType(target, "identifier") && !isType(target, "attribute")) return;
  TSNode region = isType(target, "attribute") ? fixutil::ancestorOfType(assignment, {"class_definition"})
                                              : enclosingFunction(assignment);
  std::string_view logger = nodeText(target, c.text);
  TSNode base = target;
  while (isType(base, "attribute")) base = field(base, "object");
  if (!isType(base, "identifier")) return;
  // From each reference to the logger's first name (in the region, or the
  // whole module), up its attribute chain to `<logger>.warn(...)`.
  for (TSNode id : c.model.references(nodeText(base, c.text))) {
    if (!ts_node_is_null(region) && !within(id, region)) continue;
    for (TSNode n = id, attr = parentNode(id); isType(attr, "attribute") && ts_node_eq(field(attr, "object"), n);
         n = attr, attr = parentNode(attr)) {
      if (nodeText(n, c.text) == logger && attributeName(attr, c) == "warn" && isType(parentNode(attr), "call"))
        out.edits.push_back(replace(field(attr, "attribute"), "warning"));
    }
  }
}

Out log4jToLogging(const FixContext& c) {
  TSNode report = c.match.report;
  std::string args;
  TSNode call = getLoggerCall(report, c, args);
  if (!ts_node_is_null(call)) {
    // Not when the statement goes on with log4j objects (`.setLevel(jvm...Level.ERROR)`).
    TSNode statement = fixutil::ancestorOfType(call, {"expression_statement", "return_statement"});
    if (!ts_node_is_null(statement)) {
      std::string rest = std::string(c.text.substr(startOf(statement), startOf(call) - startOf(statement))) +
                         std::string(c.text.substr(endOf(call), endOf(statement) - endOf(call)));
      if (rest.find("jvm") != std::string::npos || rest.find("log4j") != std::string::npos)
        return std::nullopt;
    }
    TransformOutput out{{replace(call, "logging.getLogger(" + args + ")")}, {kImportLogging}};
    renameWarnCalls(call, c, out);
    return out;
  }
  // log4j = spark._jvm.org.apache.log4j; ... log4j.LogManager.getLogger(name)
  TSNode assignment = parentNode(report);
  if (!isType(assignment, "assignment") || !ts_node_eq(field(assignment, "right"), report))
    return std::nullopt;
  TSNode target = field(assignment, "left");
  if (!isType(target, "identifier") || !isType(parentNode(assignment), "expression_statement"))
    return std::nullopt;
  TransformOutput out;
  out.edits.push_back(fixutil::deleteStatement(parentNode(assignment), c.text));
  for (TSNode id : c.model.references(nodeText(target, c.text))) {
    if (ts_node_eq(id, target)) continue;
    TSNode use = getLoggerCall(id, c, args);
    if (ts_node_is_null(use)) return std::nullopt;
    out.edits.push_back(replace(use, "logging.getLogger(" + args + ")"));
    renameWarnCalls(use, c, out);
  }
  out.imports.push_back(kImportLogging);
  return out;
}

// except Py4JJavaError [as e] -> except PySparkException [as e] (not when the
// handler reads e.java_exception, which has no Connect equivalent)
Out py4jExcept(const FixContext& c) {
  TSNode report = c.match.report;
  // import py4j / from py4j.protocol import Py4JJavaError with no use left: deleted (safe).
  if (isType(report, "import_statement") || isType(report, "import_from_statement")) {
    if (!importUnused(report, c)) return std::nullopt;
    TransformOutput out{{fixutil::deleteStatement(report, c.text)}, {}};
    out.safe = true;
    return out;
  }
  TSNode clause =
      fixutil::ancestorOfType(report, {"except_clause", "import_statement", "import_from_statement"});
  if (!isType(clause, "except_clause")) return std::nullopt;
  if (c.model.qualifiedName(report) != "py4j.protocol.Py4JJavaError") return std::nullopt;
  if (nodeText(clause, c.text).find("java_exception") != std::string_view::npos) return std::nullopt;
  return TransformOutput{{replace(report, "PySparkException")}, {kImportPySparkException}};
}

struct Registered {
  std::string_view name;
  FixTransform transform;
};

// Sorted by name.
constexpr Registered kTransforms[] = {
    {"accept-connect-class", acceptConnectClass},
    {"add-artifacts", addArtifacts},
    {"bind-loop-variable", bindLoopVariable},
    {"bind-unbound-method", bindUnboundMethod},
    {"column-subscript", columnSubscript},
    {"column-to-list", columnToList},
    {"conf-get", confGet},
    {"display-to-show", displayToShow},
    {"drop-rdd", dropRdd},
    {"drop-unused-import", dropUnusedImport},
    {"drop-unused-spark-context", dropUnusedSparkContext},
    {"empty-rdd-to-list", emptyRddToList},
    {"hoist-columns", hoistColumns},
    {"import-dbutils", importDbutils},
    {"log4j-to-logging", log4jToLogging},
    {"parallelize-to-dataframe", parallelizeToDataFrame},
    {"py4j-except", py4jExcept},
    {"remove-builder-call", removeBuilderCall},
    {"remove-master-when-remote", removeMasterWhenRemote},
    {"remove-set-log-level", removeSetLogLevel},
    {"sc-range", scRange},
    {"session-from-builder", sessionFromBuilder},
    {"spark-context-to-session", sparkContextToSession},
    {"sql-ctx-to-session", sqlCtxToSession},
    {"sqlcontext-method", sqlContextMethod},
    {"sqlcontext-to-session", sqlContextToSession},
    {"to-json-select", toJsonSelect},
    {"to-safe-json", toSafeJson},
    {"union-to-reduce", unionToReduce},
};

}  // namespace

FixTransform findTransform(std::string_view name) {
  for (const auto& t : kTransforms)
    if (t.name == name) return t.transform;
  return nullptr;
}

std::vector<std::string> transformNames() {
  std::vector<std::string> out;
  for (const auto& t : kTransforms) out.emplace_back(t.name);
  return out;
}

}  // namespace sparkmigrate::analysis
