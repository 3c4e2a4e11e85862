// SARIF 2.1.0 output for code scanning (GitHub and others): one run, the rules
// that were reported with their documentation, results with code-point
// columns, and tool notifications for files that could not be checked (the
// invocation is then not successful).
#include "analysis/rule_docs.h"
#include "cli/report.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>

namespace sparkmigrate::cli {

void writeSarif(const Report& report, const OutputOptions&, std::FILE* out) {
  using nlohmann::json;
  std::map<std::string, const analysis::Rule*> used;
  for (const auto& file : report.files)
    for (const auto& d : file.diagnostics)
      if (d.rule) used[d.code] = d.rule;
  json rules = json::array();
  std::map<std::string, std::size_t> index;
  auto level = [](analysis::Severity s) {
    return s == analysis::Severity::Error ? "error" : s == analysis::Severity::Warning ? "warning" : "note";
  };
  for (const auto& [code, rule] : used) {
    index[code] = rules.size();
    rules.push_back({{"id", code},
                     {"name", rule->name},
                     {"shortDescription", {{"text", rule->message}}},
                     {"fullDescription", {{"text", rule->docs.why}}},
                     {"helpUri", analysis::ruleUrl(*rule)},
                     {"help", {{"text", rule->docs.why}, {"markdown", analysis::renderRulePage(*rule)}}},
                     {"defaultConfiguration", {{"level", level(rule->severity)}}},
                     {"properties", {{"tags", json::array({"spark-connect", rule->group})}}}});
  }
  json results = json::array();
  for (const auto& file : report.files) {
    std::string uri = std::filesystem::path(file.path).lexically_normal().generic_string();
    for (const auto& d : file.diagnostics) {
      RowColumn start = rowColumn(file, d.start), end = rowColumn(file, d.end);
      json result = {{"ruleId", d.code},
                     {"level", level(d.severity)},
                     {"message", {{"text", start.cellNote() + d.message}}},
                     {"locations", json::array({{{"physicalLocation",
                                                  {{"artifactLocation", {{"uri", uri}}},
                                                   {"region",
                                                    {{"startLine", start.row},
                                                     {"startColumn", start.column},
                                                     {"endLine", end.row},
                                                     {"endColumn", end.column}}}}}}})}};
      if (auto it = index.find(d.code); it != index.end()) result["ruleIndex"] = it->second;
      if (d.runtime)
        result["properties"] = {{"runtimeCount", d.runtime->count}, {"runtimeApi", d.runtime->api}};
      results.push_back(std::move(result));
    }
  }
  json notifications = json::array();
  for (const auto& error : report.errors) {
    json notification = {{"level", "error"}, {"message", {{"text", error.line()}}}};
    if (!error.path.empty()) {
      std::string uri = std::filesystem::path(error.path).lexically_normal().generic_string();
      json location = {{"artifactLocation", {{"uri", uri}}}};
      if (error.row) location["region"] = {{"startLine", error.row}, {"startColumn", error.column}};
      notification["locations"] = json::array({{{"physicalLocation", location}}});
    }
    notifications.push_back(std::move(notification));
  }
  json sarif = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       json::array({{{"tool",
                      {{"driver",
                        {{"name", "sparkmigrate"},
                         {"version", SPARKMIGRATE_VERSION},
                         {"informationUri", "https://github.com/sparkmigrate/sparkmigrate"},
                         {"rules", rules}}}}},
                     {"columnKind", "unicodeCodePoints"},
                     {"results", results},
                     {"invocations", json::array({{{"executionSuccessful", report.errors.empty()},
                                                   {"toolExecutionNotifications", notifications}}})}}})}};
  std::string text = sarif.dump(2, ' ', false, json::error_handler_t::replace);
  std::fprintf(out, "%s\n", text.c_str());
}

}  // namespace sparkmigrate::cli
