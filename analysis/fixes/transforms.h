// The fix transforms, by family; registry.cpp names them for the rules.
#pragma once

#include "analysis/fixes/helpers.h"

namespace sparkmigrate::analysis::fixes {

// Sessions and contexts (sessions.cpp)
Out removeSetLogLevel(const FixContext& c);
Out addArtifacts(const FixContext& c);
Out contextInfoToSession(const FixContext& c);
Out contextConfToSessionConf(const FixContext& c);
Out dropUnusedSparkContext(const FixContext& c);
Out sparkContextToSession(const FixContext& c);
Out sessionConstructorToBuilder(const FixContext& c);
Out removeBuilderCall(const FixContext& c);
Out removeMasterWhenRemote(const FixContext& c);
Out importDbutils(const FixContext& c);
Out dropUnusedImport(const FixContext& c);

// RDD bridges (rdd.cpp)
Out dropRddBridge(const FixContext& c);
Out columnToList(const FixContext& c);
Out inlineParallelizedRdd(const FixContext& c);
Out parallelizeToDataFrame(const FixContext& c);
Out emptyRddToList(const FixContext& c);
Out unionToReduce(const FixContext& c);
Out contextRangeToSessionRange(const FixContext& c);

// Legacy SQLContext (sql_context.cpp)
Out sqlContextMethodToSession(const FixContext& c);
Out sqlContextToSession(const FixContext& c);
Out dataFrameContextToSession(const FixContext& c);

// DataFrame API (dataframe.cpp)
Out columnSubscript(const FixContext& c);
Out hoistColumns(const FixContext& c);
Out bindLoopVariable(const FixContext& c);
Out toJsonSelect(const FixContext& c);
Out acceptConnectClass(const FixContext& c);
Out bindUnboundMethod(const FixContext& c);
Out displayToShow(const FixContext& c);

// JVM (jvm.cpp)
Out log4jToLogging(const FixContext& c);
Out catchPySparkException(const FixContext& c);
Out contextToSafeJson(const FixContext& c);

}  // namespace sparkmigrate::analysis::fixes
