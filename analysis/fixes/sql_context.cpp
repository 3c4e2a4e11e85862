// Fix transforms for the legacy SQLContext: its methods moved to the session
// (`sqlContext.sql`, `registerDataFrameAsTable`, ...), `SQLContext(sc)`
// itself, and `df.sql_ctx` / `df.sqlContext`.
#include "analysis/fixes/helpers.h"
#include "analysis/fixes/transforms.h"

#include <algorithm>
#include <array>

namespace sparkmigrate::analysis::fixes {

namespace {
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
}  // namespace

// sqlContext.sql(q) -> spark.sql(q); registerDataFrameAsTable(df, n) -> df.createOrReplaceTempView(n); ...
Out sqlContextMethodToSession(const FixContext& c) {
  TSNode attr = c.match.report, ctx = c.match.capture("context");
  auto session = sessionFor(c, ctx, attr);
  if (!session) return std::nullopt;
  auto edit = sqlContextMemberEdit(c, attr, *session);
  if (!edit) return std::nullopt;
  return single(*edit);
}

// sqlContext = SQLContext(sc) -> deleted when every use of the name is a
// member the SQLContext map rewrites (those uses move to the session);
// otherwise the constructor becomes the session in scope, but only when
// every use of what it made is a member the session has as well
// (`ctx.sql(...)`): a session where `ctx.registerDataFrameAsTable(...)` or
// `helper(ctx)` still expects a SQLContext would fail on Connect.
Out sqlContextToSession(const FixContext& c) {
  TSNode call = c.match.report;
  TSNode assignment = parentNode(call);
  auto sameOnSessionUse = [&](TSNode use) { return sameOnSession(memberOf(use, c).first); };
  bool usesFitSession = sameOnSessionUse(call);
  if (isType(assignment, "assignment") && ts_node_eq(field(assignment, "right"), call) &&
      isType(field(assignment, "left"), "identifier") &&
      isType(parentNode(assignment), "expression_statement")) {
    TSNode target = field(assignment, "left");
    bool onlyMapped = true;
    usesFitSession = true;
    for (TSNode id : c.model.references(nodeText(target, c.text))) {
      if (ts_node_eq(id, target)) continue;
      auto [member, attr] = memberOf(id, c);
      if (member.empty() || !sqlContextMemberEdit(c, attr, "spark"))
        onlyMapped = false;
      else if (!sessionFor(c, id, attr))
        onlyMapped = false;
      if (!sameOnSessionUse(id)) usesFitSession = false;
    }
    if (onlyMapped) return single(fixutil::deleteStatement(parentNode(assignment), c.text));
  }
  if (!usesFitSession) return std::nullopt;
  std::vector<TSNode> args = arguments(call);
  auto session = sessionFor(c, args.empty() ? TSNode{} : args[0], call);
  if (!session) return std::nullopt;
  return single(replace(call, *session));
}

// df.sql_ctx.sql(...) / df.sqlContext.table(...) -> df.sparkSession.sql(...) ...
Out dataFrameContextToSession(const FixContext& c) {
  TSNode attr = c.match.report, member = c.match.capture("member");
  if (!isType(member, "identifier") || nodeText(member, c.text) == "_sc") return std::nullopt;
  auto [next, outer] = memberOf(attr, c);
  if (!sameOnSession(next)) return std::nullopt;
  return single(replace(member, "sparkSession"));
}

}  // namespace sparkmigrate::analysis::fixes
