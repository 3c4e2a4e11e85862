// Helpers shared by the rule fixture tests and the catalogue test: reading a
// fixture file, its header directives and its inline expectations.
#pragma once

#include "analysis/checker.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace sparkmigrate::test {

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct Fixture {
  std::string path;
  std::string code;  // SPKnnn from the file name
  std::string text;
  analysis::Settings settings;
  std::map<std::size_t, std::set<std::string>> expected;  // 0-based line -> codes
  std::map<std::size_t, std::string> severities;          // 0-based line -> marker word
  std::size_t okLines = 0;                                 // lines marked `# ok`
};

// Header directive (first lines): `# sparkmigrate-test: target-version=4.2 platform=databricks`.
// Expectations: a trailing `# error: [SPK101]` (or warning/info, several codes
// comma-separated); `# ok` marks a deliberate clean or look-alike case.
inline Fixture loadFixture(const std::filesystem::path& path) {
  Fixture f;
  f.path = path.string();
  f.code = path.filename().string().substr(0, 6);
  f.text = readFile(path);
  f.settings.select = {"ALL", f.code};
  static const std::regex marker(R"(#\s*(error|warning|info):\s*\[([A-Z0-9,\s]+)\])");
  static const std::regex ok(R"(#\s*ok\b)");
  static const std::regex directive(R"(#\s*sparkmigrate-test:(.*))");
  std::istringstream lines(f.text);
  std::string line;
  for (std::size_t n = 0; std::getline(lines, line); ++n) {
    std::smatch m;
    if (std::regex_search(line, m, directive)) {
      std::istringstream words(m[1].str());
      std::string word;
      while (words >> word) {
        auto eq = word.find('=');
        std::string key = word.substr(0, eq), value = eq == std::string::npos ? "" : word.substr(eq + 1);
        if (key == "target-version") f.settings.target = *analysis::parseSparkVersion(value);
        if (key == "platform" && value == "databricks") f.settings.platform = analysis::Platform::Databricks;
      }
    }
    if (std::regex_search(line, m, marker)) {
      std::string codes = m[2].str();
      std::regex code(R"(SPK[0-9]{3})");
      for (auto it = std::sregex_iterator(codes.begin(), codes.end(), code); it != std::sregex_iterator(); ++it)
        f.expected[n].insert(it->str());
      f.severities[n] = m[1].str();
    }
    if (std::regex_search(line, ok)) ++f.okLines;
  }
  return f;
}

inline std::filesystem::path sourceDir() { return SPARKMIGRATE_SOURCE_DIR; }

}  // namespace sparkmigrate::test
