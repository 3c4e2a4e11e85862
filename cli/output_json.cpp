// JSON output in ruff's shape (an array of objects with code, message,
// filename, location/end_location {row, column} 1-based, fix, url, noqa_row),
// so tools that read ruff's JSON read ours; plus `severity` and, after a
// runtime report merge, `runtime`. A file that could not be checked is an
// object with `code` null and `severity` "error", after the findings.
#include "analysis/rule_docs.h"
#include "cli/report.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <algorithm>
#include <map>

namespace sparkmigrate::cli {
namespace {

nlohmann::json location(const FileReport& file, analysis::TextPoint point) {
  RowColumn at = rowColumn(file, point);
  return {{"row", at.row}, {"column", at.column}};
}

// A file (or configuration) that could not be checked, in the shape of a
// finding without a code, as ruff reports a file it cannot read.
nlohmann::json errorJson(const ReportError& error) {
  std::error_code ec;
  nlohmann::json at = {{"row", std::max<std::size_t>(error.row, 1)},
                       {"column", std::max<std::size_t>(error.column, 1)}};
  nlohmann::json filename = nullptr;
  if (!error.path.empty()) filename = std::filesystem::absolute(error.path, ec).lexically_normal().string();
  return {
      {"cell", nullptr},
      {"code", nullptr},
      {"end_location", at},
      {"filename", filename},
      {"fix", nullptr},
      {"location", at},
      {"message", error.message},
      {"noqa_row", nullptr},
      {"severity", "error"},
      {"url", nullptr},
  };
}

}  // namespace

nlohmann::json diagnosticJson(const FileReport& file, const analysis::Diagnostic& d) {
  nlohmann::json fix = nullptr;
  if (d.fix && !d.fix->edits.empty()) {
    nlohmann::json edits = nlohmann::json::array();
    for (const auto& e : d.fix->edits)
      edits.push_back({{"content", e.text},
                       {"location", location(file, file.lines->pointAt(e.range.start))},
                       {"end_location", location(file, file.lines->pointAt(e.range.end))}});
    fix = {{"applicability", std::string(analysis::fixSafetyName(d.fix->safety))},
           {"message", d.fix->message},
           {"edits", edits}};
  }
  std::error_code ec;
  RowColumn start = rowColumn(file, d.start);
  nlohmann::json out = {
      {"cell", start.cell ? nlohmann::json(start.cell) : nlohmann::json(nullptr)},
      {"code", d.code},
      {"end_location", location(file, d.end)},
      {"filename", std::filesystem::absolute(file.path, ec).lexically_normal().string()},
      {"fix", fix},
      {"location", location(file, d.start)},
      {"message", d.message},
      {"noqa_row", start.row},
      {"severity", std::string(analysis::severityName(d.severity))},
      {"url", d.rule ? nlohmann::json(analysis::ruleUrl(*d.rule)) : nlohmann::json(nullptr)},
  };
  if (d.runtime)
    out["runtime"] = {{"api", d.runtime->api},
                      {"count", d.runtime->count},
                      {"outcome", d.runtime->outcome},
                      {"static", !d.runtimeOnly}};
  return out;
}

void writeJson(const Report& report, const OutputOptions& options, std::FILE* out) {
  if (options.statistics) {
    writeStatisticsJson(report, out);
    return;
  }
  nlohmann::json array = nlohmann::json::array();
  for (const auto& file : report.files)
    for (const auto& d : file.diagnostics) array.push_back(diagnosticJson(file, d));
  for (const auto& error : report.errors) array.push_back(errorJson(error));
  std::string text = array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  std::fprintf(out, "%s\n", text.c_str());
}

void writeStatisticsJson(const Report& report, std::FILE* out) {
  std::map<std::string, nlohmann::json> rows;
  for (const auto& file : report.files)
    for (const auto& d : file.diagnostics) {
      auto& row = rows[d.code];
      if (row.is_null())
        row = {{"code", d.code},
               {"name", d.rule ? d.rule->name : ""},
               {"count", 0},
               {"fixable", false},
               {"runtime_count", 0}};
      row["count"] = row["count"].get<long long>() + 1;
      if (d.fix && !d.fix->edits.empty()) row["fixable"] = true;
      if (d.runtime) row["runtime_count"] = row["runtime_count"].get<long long>() + d.runtime->count;
    }
  nlohmann::json array = nlohmann::json::array();
  for (auto& [code, row] : rows) array.push_back(row);
  std::stable_sort(array.begin(), array.end(),
                   [](const auto& a, const auto& b) { return a["count"] > b["count"]; });
  if (!report.errors.empty())  // the files that could not be checked, last
    array.push_back({{"code", nullptr},
                     {"name", "error"},
                     {"count", report.errors.size()},
                     {"fixable", false},
                     {"runtime_count", 0}});
  std::string text = array.dump(2);
  std::fprintf(out, "%s\n", text.c_str());
}

}  // namespace sparkmigrate::cli
