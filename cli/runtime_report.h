// Reading a runtime report written by the Python shim (docs/runtime-report.md)
// and merging it into static findings: a record on a line that has a static
// finding with the same code (or a generic record absorbed by a specific
// finding) marks that finding as seen at run time with its count; other
// records become runtime-only findings on their line.
#pragma once

#include "cli/report.h"
#include "support/expected.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sparkmigrate::cli {

struct RuntimeRecord {
  std::string file;      // absolute, normalised
  std::size_t line = 0;  // 1-based
  std::string api;
  std::string code;
  long long count = 0;
  std::string outcome;
};

// Reads a report of at most `maxSize` bytes (the max-file-size setting).
support::Expected<std::vector<RuntimeRecord>> readRuntimeReport(const std::string& path,
                                                                std::uint64_t maxSize);

// Merges records into the report; records for files that were not checked
// are ignored. Returns how many records were matched or added.
std::size_t mergeRuntimeRecords(Report& report, const std::vector<RuntimeRecord>& records);

}  // namespace sparkmigrate::cli
