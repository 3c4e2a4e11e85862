// Suppression comments: `# noqa`, `# noqa: SPK101, SPK102` and
// `# sparkmigrate: ignore[SPK101]` on the line a finding starts or ends on.
// Collected from the comment nodes of the tree; tracks which codes were used
// so unused ones can be reported.
#pragma once

#include "analysis/diagnostic.h"
#include "analysis/source.h"
#include "analysis/syntax.h"

#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::analysis {

struct Suppression {
  std::uint32_t line = 0;  // 0-based
  ByteRange range;         // the comment
  bool all = false;        // bare `# noqa`
  bool ours = false;       // `# sparkmigrate: ignore[...]`
  struct Code {
    std::string code;
    ByteRange range;  // the code inside the comment, for hover and unused reports
    bool used = false;
  };
  std::vector<Code> codes;
  bool usedAll = false;
};

std::vector<Suppression> collectSuppressions(TSNode root, std::string_view text, const LineIndex& lines);

// Parses one comment's text (starting at '#'); exposed for tests and hover.
bool parseSuppressionComment(std::string_view comment, std::uint32_t commentStart, Suppression& out);

// The edit that suppresses `codes` on 0-based `line` (the editor's quick fix,
// `check --add-noqa`): the codes join the list of a `# noqa: ...` or
// `# sparkmigrate: ignore[...]` comment already on the line, else
// `  # noqa: CODES` is appended to it. `root` is the tree of `text`.
Edit suppressionEdit(TSNode root, std::string_view text, const LineIndex& lines, std::uint32_t line,
                     const std::vector<std::string>& codes);

}  // namespace sparkmigrate::analysis
