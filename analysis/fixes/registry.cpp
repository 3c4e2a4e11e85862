// The registry of fix transforms: the name a rule's `[fix] transform` gives
// each one (kTransforms, sorted by name), and its lookup.
#include "analysis/fixes/transforms.h"

namespace sparkmigrate::analysis {
namespace {

using namespace fixes;

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
    {"conf-get", contextConfToSessionConf},
    {"context-info-to-session", contextInfoToSession},
    {"display-to-show", displayToShow},
    {"drop-rdd", dropRddBridge},
    {"drop-unused-import", dropUnusedImport},
    {"drop-unused-spark-context", dropUnusedSparkContext},
    {"empty-rdd-to-list", emptyRddToList},
    {"hoist-columns", hoistColumns},
    {"import-dbutils", importDbutils},
    {"log4j-to-logging", log4jToLogging},
    {"parallelize-to-dataframe", parallelizeToDataFrame},
    {"py4j-except", catchPySparkException},
    {"remove-builder-call", removeBuilderCall},
    {"remove-master-when-remote", removeMasterWhenRemote},
    {"remove-set-log-level", removeSetLogLevel},
    {"sc-range", contextRangeToSessionRange},
    {"session-from-builder", sessionConstructorToBuilder},
    {"spark-context-to-session", sparkContextToSession},
    {"sql-ctx-to-session", dataFrameContextToSession},
    {"sqlcontext-method", sqlContextMethodToSession},
    {"sqlcontext-to-session", sqlContextToSession},
    {"to-json-select", toJsonSelect},
    {"to-safe-json", contextToSafeJson},
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
