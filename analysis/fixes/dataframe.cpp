// Fix transforms for DataFrame API behaviour that changes under Connect:
// column access by attribute, schema reads in loops that grow the plan, UDFs
// that capture a loop variable, `toJSON()`, isinstance checks against the
// classic classes, unbound DataFrame methods passed as functions, and
// Databricks' `display()` outside notebooks.
#include "analysis/fixes/helpers.h"
#include "analysis/fixes/transforms.h"

#include <algorithm>
#include <array>
#include <regex>

namespace sparkmigrate::analysis::fixes {

namespace {
const ImportNeed kImportF{"F", "pyspark.sql.functions", "from pyspark.sql import functions as F"};
}  // namespace

// df.name (a column) -> df["name"]
Out columnSubscript(const FixContext& c) {
  TSNode df = c.match.capture("df"), name = c.match.capture("name");
  if (ts_node_is_null(df) || !isType(name, "identifier")) return std::nullopt;
  return single(replace(c.match.report, asReceiver(df, c) + "[\"" + str(name, c) + "\"]"));
}

namespace {
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
}  // namespace

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

namespace {
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
}  // namespace

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

namespace {
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
}  // namespace

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

namespace {
bool binaryDataFrameMethod(std::string_view m) {
  static constexpr std::array kBinary = {"union",     "unionAll",     "unionByName", "join",     "crossJoin",
                                         "intersect", "intersectAll", "subtract",    "exceptAll"};
  return std::find(kBinary.begin(), kBinary.end(), m) != kBinary.end();
}
}  // namespace

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

}  // namespace sparkmigrate::analysis::fixes
