// Runs every rule fixture in test/rules/: each line marked `# error: [SPKnnn]`
// must be flagged by that rule on that line ("missing" otherwise) and no
// unmarked line may be ("noisy" otherwise). All rules run together, as in a
// real check, so generic findings that specific ones cover are exercised too.
#include "fixtures.h"

#include <catch2/catch.hpp>

using namespace sparkmigrate;

TEST_CASE("rule fixtures: flagged lines are flagged, everything else is clean") {
  namespace fs = std::filesystem;
  std::vector<fs::path> fixtures;
  for (const auto& entry : fs::directory_iterator(test::sourceDir() / "test/rules"))
    if (entry.path().extension() == ".py" && entry.path().filename().string().find(".fixed") == std::string::npos)
      fixtures.push_back(entry.path());
  std::sort(fixtures.begin(), fixtures.end());
  REQUIRE(!fixtures.empty());
  for (const auto& path : fixtures) {
    test::Fixture f = test::loadFixture(path);
    SECTION(path.filename().string()) {
      analysis::CheckResult result = analysis::checkText(f.text, f.settings, path.filename().string());
      std::map<std::size_t, std::string> flagged;
      for (const auto& d : result.diagnostics)
        if (d.code == f.code) flagged[d.start.line] = std::string(analysis::severityName(d.severity));
      std::vector<std::string> problems;
      for (const auto& [line, codes] : f.expected) {
        if (!codes.count(f.code)) continue;
        if (!flagged.count(line)) problems.push_back("missing: line " + std::to_string(line + 1));
        else if (flagged[line] != f.severities[line])
          problems.push_back("severity: line " + std::to_string(line + 1) + " is " + flagged[line]);
      }
      for (const auto& [line, severity] : flagged)
        if (!f.expected.count(line) || !f.expected[line].count(f.code))
          problems.push_back("noisy: line " + std::to_string(line + 1));
      INFO(path.string());
      for (const auto& p : problems) UNSCOPED_INFO(p);
      CHECK(problems.empty());
    }
  }
}
