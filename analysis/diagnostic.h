// What analysis reports: a diagnostic with its rule, range (UTF-8 byte offsets
// and 0-based line/byte-column points) and optional fix, in the shape every
// surface needs (CLI output formats, LSP diagnostics and code actions).
#pragma once

#include "analysis/rule.h"
#include "analysis/source.h"

#include <optional>
#include <string>
#include <vector>

namespace sparkmigrate::analysis {

struct Edit {
  ByteRange range;
  std::string text;
};

struct Fix {
  FixSafety safety = FixSafety::DisplayOnly;
  std::string message;
  std::vector<Edit> edits;  // non-overlapping, sorted
};

struct RuntimeEvidence {
  std::string api;
  long long count = 0;
  // The runtime shim's outcome (docs/runtime-report.md): "shimmed", "raised", or
  // "rewritten" (fixed as its module was imported, rewrite mode; count: imports).
  std::string outcome;
};

struct Diagnostic {
  const Rule* rule = nullptr;
  std::string code;
  std::string message;
  Severity severity = Severity::Error;
  ByteRange range;
  TextPoint start;
  TextPoint end;
  std::optional<Fix> fix;
  std::optional<RuntimeEvidence> runtime;  // seen at run time (runtime report merge)
  bool runtimeOnly = false;                // only seen at run time, not statically
};

}  // namespace sparkmigrate::analysis
