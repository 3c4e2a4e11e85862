// Markdown rendering of a rule's documentation, shared by `sparkmigrate rule`,
// the generated docs/rules/ pages and hover in the language server.
#pragma once

#include "analysis/rule.h"

#include <string>
#include <vector>

namespace sparkmigrate::analysis {

// The full page for docs/rules/SPKnnn.md.
std::string renderRulePage(const Rule& rule);
// A shorter form for hover: message, why, what to write instead, since when
// Connect supports it, and a link.
std::string renderRuleHover(const Rule& rule, const std::string& url);
// The index page docs/rules/README.md.
std::string renderRuleIndex(const std::vector<Rule>& rules);
// Where a rule's documentation lives (overridable with SPARKMIGRATE_DOCS_URL,
// a prefix to which "SPKnnn.md" is appended).
std::string ruleUrl(const Rule& rule);
// "never" or "4.0+" etc.
std::string connectSupportText(const Rule& rule);
// A rule family's title ("sparkcontext": "SparkContext members"), as the index
// page heads it; the group itself when it has none.
std::string groupTitle(const std::string& group);

}  // namespace sparkmigrate::analysis
