// Fix transforms for sessions and contexts: SparkContext construction and
// its members that have a session equivalent (setLogLevel, addPyFile/addFile,
// getConf), builder calls Connect ignores or rejects (master,
// enableHiveSupport), dbutils outside notebooks, and imports the fixes leave
// unused. The receiver's session is found with sessionFor (helpers.h).
#include "analysis/fixes/helpers.h"
#include "analysis/fixes/transforms.h"

#include <algorithm>

namespace sparkmigrate::analysis::fixes {

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

namespace {
const ImportNeed kImportSys{"sys", "sys", "import sys"};
}  // namespace

// The application facts a SparkContext gives, read from the session instead:
// sc.version -> spark.version; sc.appName / sc.applicationId ->
// spark.conf.get("spark.app.name" / "spark.app.id"); sc.pythonVer ->
// "%d.%d" % sys.version_info[:2] (the client runs the driver's Python).
// master and startTime have no session equivalent; sparkUser() (a call)
// is left to a person.
Out contextInfoToSession(const FixContext& c) {
  TSNode report = c.match.report, receiver = c.match.capture("context"), member = c.match.capture("member");
  if (ts_node_is_null(receiver) || !isType(member, "identifier")) return std::nullopt;
  TSNode parent = parentNode(report);
  if ((isType(parent, "assignment") || isType(parent, "augmented_assignment")) &&
      ts_node_eq(field(parent, "left"), report))
    return std::nullopt;  // assigned to, not read
  if (isType(parent, "call") && ts_node_eq(field(parent, "function"), report)) return std::nullopt;
  std::string_view name = nodeText(member, c.text);
  if (name == "pythonVer") {
    // Parenthesised where an operator or a member would bind tighter than `%`.
    std::string text = stringLiteralAt(report, "%d.%d", c) + " % sys.version_info[:2]";
    static const std::initializer_list<std::string_view> tight = {
        "attribute", "subscript", "call", "binary_operator", "comparison_operator", "unary_operator", "await"};
    if (std::find(tight.begin(), tight.end(), nodeType(parent)) != tight.end()) text = "(" + text + ")";
    return TransformOutput{{replace(report, text)}, {kImportSys}};
  }
  std::string key = name == "appName" ? "spark.app.name" : name == "applicationId" ? "spark.app.id" : "";
  if (key.empty() && name != "version") return std::nullopt;
  auto session = sessionFor(c, receiver, report);
  if (!session) return std::nullopt;
  if (key.empty()) return single(replace(report, *session + ".version"));
  return single(replace(report, *session + ".conf.get(" + stringLiteralAt(report, key, c) + ")"));
}

// sc.getConf().get(k[, d]) / sc._conf.get(k[, d]) -> spark.conf.get(k, d):
// without a default, None (SparkConf answers None for a key that is not set,
// where spark.conf.get raises or gives the SQL default).
Out contextConfToSessionConf(const FixContext& c) {
  TSNode report = c.match.report, receiver = c.match.capture("context");
  TSNode getCall = memberCall(report, c, "get");
  if (ts_node_is_null(getCall)) return std::nullopt;
  std::vector<TSNode> args = arguments(getCall);
  if (args.empty() || args.size() > 2 || !allPositional(args)) return std::nullopt;
  auto session = sessionFor(c, receiver, report);
  if (!session) return std::nullopt;
  std::string defaultNone = args.size() == 1 ? ", None" : "";
  return single(replace(getCall, *session + ".conf.get(" + argumentsText(getCall, c) + defaultNone + ")"));
}

// sc = spark.sparkContext (or sc = SparkContext()) with no use of `sc` left
// -> deleted. Not a context made with arguments (`SparkContext(conf=conf)`,
// `SparkContext.getOrCreate(conf)`): the session made after it inherits
// those settings, which deleting it would silently drop.
Out dropUnusedSparkContext(const FixContext& c) {
  TSNode attr = c.match.report;
  TSNode assignment = parentNode(attr);
  if (!isType(assignment, "assignment") || !ts_node_eq(field(assignment, "right"), attr)) return std::nullopt;
  if (!isType(attr, "attribute") && !isType(attr, "call")) return std::nullopt;
  if (isType(attr, "call") && !arguments(attr).empty()) return std::nullopt;
  TSNode target = field(assignment, "left");
  if (!isType(target, "identifier")) return std::nullopt;
  TSNode statement = parentNode(assignment);
  if (!isType(statement, "expression_statement")) return std::nullopt;
  for (TSNode id : c.model.references(nodeText(target, c.text)))
    if (!ts_node_eq(id, target)) return std::nullopt;
  return single(fixutil::deleteStatement(statement, c.text));
}

namespace {
// `SparkConf().setAppName(a).setMaster(m).set(k, v)` as session builder calls
// (".appName(a).config(k, v)"): the master is dropped, the Connect server has
// its own. Nothing when the chain calls anything else.
std::optional<std::string> builderCallsFromConf(TSNode chain, const FixContext& c) {
  std::vector<std::string> calls;
  while (isType(chain, "parenthesized_expression") && ts_node_named_child_count(chain) == 1)
    chain = ts_node_named_child(chain, 0);
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
}  // namespace

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
  // The context itself is kept only when something uses it.
  bool used = false;
  for (TSNode id : c.model.references(str(target, c))) used = used || !ts_node_eq(id, target);
  std::string session = "spark = SparkSession.builder" + calls + ".getOrCreate()";
  TSNode following = ts_node_next_named_sibling(statement);
  while (isType(following, "comment")) following = ts_node_next_named_sibling(following);
  std::string context = used ? "\n" + *indent + str(target, c) + " = spark.sparkContext" : "";
  if (!ts_node_is_null(following) && str(following, c) == "spark = SparkSession.builder.getOrCreate()") {
    // The plain session line that follows takes the settings; no second one.
    out.edits.push_back(fixutil::deleteStatement(statement, c.text));
    out.edits.push_back(replace(following, session + context));
  } else {
    out.edits.push_back(replace(statement, session + context));
  }
  out.imports.push_back(kImportSparkSession);
  return out;
}

// SparkSession(sc) -> SparkSession.builder.getOrCreate()
Out sessionConstructorToBuilder(const FixContext& c) {
  TSNode call = c.match.report, constructor = c.match.capture("constructor");
  if (!isType(call, "call") || ts_node_is_null(constructor) || arguments(call).size() > 1)
    return std::nullopt;
  return single(replace(call, str(constructor, c) + ".builder.getOrCreate()"));
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

namespace {
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
}  // namespace

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

namespace {
const ImportNeed kImportDbutils{"dbutils", "databricks.sdk.runtime.dbutils",
                                "from databricks.sdk.runtime import dbutils"};
}  // namespace

// dbutils.fs / dbutils.secrets outside a notebook -> the SDK's dbutils
// imported. Other members (notebook.run, widgets, library) it does not
// provide: declined, and once the import is there the rule still reports them.
Out importDbutils(const FixContext& c) {
  std::string member = str(c.match.capture("member"), c);
  if (member != "fs" && member != "secrets") return std::nullopt;
  return TransformOutput{{}, {kImportDbutils}};
}

}  // namespace sparkmigrate::analysis::fixes
