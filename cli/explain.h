// `sparkmigrate explain`'s parts beyond the shared core (migrate/explain.h):
// the pytest test it writes with --write-test (regression_test.cpp).
#pragma once

#include "migrate/explain.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sparkmigrate::cli {

// Writes the test for the first cause; returns its path, or "" with the
// reason in `notes`. Must run before the fix is written: it records the
// original's result on classic Spark.
std::string writeRegressionTest(const migrate::ExplainRequest& request, const migrate::ExplainResult& result,
                                const std::filesystem::path& testsDir, std::vector<std::string>& notes);

}  // namespace sparkmigrate::cli
