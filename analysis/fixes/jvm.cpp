// Fix transforms for JVM access: log4j loggers reached through `_jvm`
// become Python logging, `except Py4JJavaError` becomes PySparkException, and
// the notebook context's `toJson()` becomes `toSafeJson()`.
#include "analysis/fixes/helpers.h"
#include "analysis/fixes/transforms.h"

namespace sparkmigrate::analysis::fixes {

namespace {
const ImportNeed kImportLogging{"logging", "logging", "import logging"};

const ImportNeed kImportPySparkException{"PySparkException", "pyspark.errors.PySparkException",
                                         "from pyspark.errors import PySparkException"};
}  // namespace

// getContext().toJson() -> getContext().toSafeJson()
Out contextToSafeJson(const FixContext& c) {
  return single(replace(c.match.report, "toSafeJson"));
}

namespace {
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
}  // namespace

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
Out catchPySparkException(const FixContext& c) {
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
  // A later handler of the same try sees the errors the broader PySparkException
  // would now take from it (a job that runs on Connect would change): left to a person.
  for (TSNode next = ts_node_next_named_sibling(clause); !ts_node_is_null(next); next = ts_node_next_named_sibling(next))
    if (isType(next, "except_clause")) return std::nullopt;
  return TransformOutput{{replace(report, "PySparkException")}, {kImportPySparkException}};
}

}  // namespace sparkmigrate::analysis::fixes
