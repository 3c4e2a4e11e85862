// Golden fixed files: for every rule with a fix transform, fixing its fixture
// test/rules/SPKnnn.py (that rule only, unsafe fixes included) must give
// exactly test/rules/SPKnnn.fixed.py, change something, parse, and be stable
// (fixing the fixed file changes nothing). UPDATE_GOLDEN=1 rewrites the
// goldens instead of comparing; stale goldens of rules without a transform
// fail the test.
#include "analysis/catalogue.h"
#include "analysis/fix.h"
#include "fixtures.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace sparkmigrate;

namespace {

analysis::FixOutcome fixFixture(const test::Fixture& f, const std::string& text) {
  analysis::Settings settings = f.settings;
  settings.select = std::vector<std::string>{f.code};
  analysis::FixOptions options;
  options.unsafe = true;
  return analysis::fixDocument(text, settings, std::filesystem::path(f.path).filename().string(), options);
}

bool parses(const std::string& text) {
  analysis::TreePtr tree = analysis::parsePython(text);
  return !ts_node_has_error(ts_tree_root_node(tree.get()));
}

}  // namespace

TEST_CASE("fix goldens: each fixable rule's fixture fixes to its .fixed.py", "[fix-golden]") {
  namespace fs = std::filesystem;
  const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  const auto& catalogue = analysis::Catalogue::builtin();
  fs::path dir = test::sourceDir() / "test/rules";
  std::vector<fs::path> fixtures;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".py" || name.find(".fixed") != std::string::npos) continue;
    const analysis::Rule* rule = catalogue.find(name.substr(0, 6));
    if (rule && !rule->fix.transform.empty()) fixtures.push_back(entry.path());
  }
  std::sort(fixtures.begin(), fixtures.end());
  REQUIRE(!fixtures.empty());
  for (const auto& path : fixtures) {
    SECTION(path.filename().string()) {
      test::Fixture f = test::loadFixture(path);
      fs::path golden = path.parent_path() / (f.code + ".fixed.py");
      analysis::FixOutcome outcome = fixFixture(f, f.text);
      INFO(path.string());
      CHECK(outcome.error.empty());
      CHECK(outcome.fixed > 0);
      CHECK(outcome.text != f.text);
      CHECK(parses(outcome.text));
      analysis::FixOutcome again = fixFixture(f, outcome.text);
      CHECK(again.fixed == 0);
      CHECK(again.text == outcome.text);
      if (update) {
        std::ofstream(golden, std::ios::binary) << outcome.text;
      } else {
        INFO("golden " << golden.string() << " (UPDATE_GOLDEN=1 rewrites it)");
        REQUIRE(fs::exists(golden));
        CHECK(test::readFile(golden) == outcome.text);
      }
    }
  }
}

TEST_CASE("fix goldens: no golden without a fixable rule", "[fix-golden]") {
  namespace fs = std::filesystem;
  const auto& catalogue = analysis::Catalogue::builtin();
  for (const auto& entry : fs::directory_iterator(test::sourceDir() / "test/rules")) {
    std::string name = entry.path().filename().string();
    if (name.size() < 9 || name.find(".fixed.py") == std::string::npos) continue;
    const analysis::Rule* rule = catalogue.find(name.substr(0, 6));
    INFO(name);
    CHECK(rule != nullptr);
    if (rule) CHECK(!rule->fix.transform.empty());
  }
}
