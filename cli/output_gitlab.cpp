// GitLab Code Quality JSON (the `codequality` report of a CI job), so merge
// requests show findings inline: one object per finding with a description,
// the rule as check_name, a severity, a location relative to the project
// ($CI_PROJECT_DIR, else the current folder) and a fingerprint that stays the
// same while the finding's line is unchanged, so moving code does not make
// GitLab report it as fixed and new. A file that could not be checked is a
// `sparkmigrate/error` entry.
#include "analysis/rule_docs.h"
#include "cli/report.h"
#include "support/sha256.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>

namespace sparkmigrate::cli {
namespace fs = std::filesystem;
namespace {

std::string projectPath(const std::string& path) {
  std::error_code ec;
  const char* dir = std::getenv("CI_PROJECT_DIR");
  fs::path root = dir && *dir ? fs::path(dir) : fs::current_path(ec);
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  fs::path relative = absolute.lexically_relative(root.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return absolute.generic_string();
  return relative.generic_string();
}

std::string_view gitlabSeverity(analysis::Severity severity) {
  switch (severity) {
    case analysis::Severity::Error:
      return "major";
    case analysis::Severity::Warning:
      return "minor";
    case analysis::Severity::Info:
      return "info";
  }
  return "major";
}

}  // namespace

void writeGitlab(const Report& report, const OutputOptions&, std::FILE* out) {
  nlohmann::json array = nlohmann::json::array();
  std::map<std::string, int> seen;  // identical findings get an occurrence number
  auto fingerprint = [&seen](const std::string& key) {
    int n = seen[key]++;
    return support::sha256Hex(key + '\0' + std::to_string(n)).substr(0, 32);
  };
  for (const auto& file : report.files) {
    std::string path = projectPath(file.path);
    for (const auto& d : file.diagnostics) {
      RowColumn start = rowColumn(file, d.start), end = rowColumn(file, d.end);
      std::string line(file.lines->lineText(file.text, d.start.line));
      nlohmann::json entry = {
          {"description", d.code + " " + start.cellNote() + d.message},
          {"check_name", d.code},
          {"fingerprint", fingerprint(path + '\0' + d.code + '\0' + d.message + '\0' + line)},
          {"severity", std::string(gitlabSeverity(d.severity))},
          {"location",
           {{"path", path},
            {"positions",
             {{"begin", {{"line", start.row}, {"column", start.column}}},
              {"end", {{"line", end.row}, {"column", end.column}}}}}}}};
      if (d.rule) entry["content"] = {{"body", "See " + analysis::ruleUrl(*d.rule)}};
      array.push_back(entry);
    }
  }
  for (const auto& error : report.errors) {
    std::string path = error.path.empty() ? "pyproject.toml" : projectPath(error.path);
    std::size_t row = std::max<std::size_t>(error.row, 1);
    array.push_back({{"description", error.message},
                     {"check_name", "sparkmigrate/error"},
                     {"fingerprint", fingerprint(path + '\0' + error.message)},
                     {"severity", "blocker"},
                     {"location", {{"path", path}, {"lines", {{"begin", row}, {"end", row}}}}}});
  }
  std::string text = array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  std::fprintf(out, "%s\n", text.c_str());
}

}  // namespace sparkmigrate::cli
