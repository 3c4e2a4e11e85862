// Unified diffs of two texts (line-based, three lines of context), as
// `fix --diff`, `fix --llm` and `explain` print them.
#pragma once

#include <string>
#include <string_view>

namespace sparkmigrate::analysis {

// "" when the texts are equal; otherwise `--- path`, `+++ path` and hunks.
std::string unifiedDiff(std::string_view before, std::string_view after, const std::string& path);

}  // namespace sparkmigrate::analysis
