// Implementation of the runtime report reader and merge.
#include "cli/runtime_report.h"

#include "analysis/catalogue.h"
#include "analysis/discovery.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

namespace sparkmigrate::cli {
namespace fs = std::filesystem;

support::Expected<std::vector<RuntimeRecord>> readRuntimeReport(const std::string& path,
                                                                std::uint64_t maxSize) {
  analysis::FileText read = analysis::readRegularFile(path, maxSize);
  if (!read.error.empty()) return support::Error{path + ": cannot read runtime report: " + read.error};
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(read.text);
  } catch (const nlohmann::json::exception& e) {
    return support::Error{path + ": runtime report is not valid JSON (" + std::string(e.what()) + ")"};
  }
  if (!doc.is_object() || doc.value("format", "") != "sparkmigrate-runtime-report")
    return support::Error{path + ": not a sparkmigrate runtime report (format key missing or wrong)"};
  if (!doc.contains("version") || !doc["version"].is_number_integer() || doc["version"].get<int>() != 1)
    return support::Error{path + ": unsupported runtime report version (this sparkmigrate reads version 1)"};
  if (!doc.contains("records") || !doc["records"].is_array())
    return support::Error{path + ": runtime report has no records array"};
  std::vector<RuntimeRecord> records;
  std::size_t index = 0;
  for (const auto& r : doc["records"]) {
    ++index;
    try {
      RuntimeRecord record;
      record.file = fs::path(r.at("file").get<std::string>()).lexically_normal().string();
      record.line = r.at("line").get<std::size_t>();
      record.api = r.value("api", "");
      record.code = r.at("code").get<std::string>();
      record.count = r.value("count", 1LL);
      record.outcome = r.value("outcome", "");
      if (record.line == 0) throw std::runtime_error("line must be 1 or more");
      records.push_back(std::move(record));
    } catch (const std::exception& e) {
      return support::Error{path + ": record " + std::to_string(index) + " is malformed (" + e.what() + ")"};
    }
  }
  return records;
}

std::size_t mergeRuntimeRecords(Report& report, const std::vector<RuntimeRecord>& records) {
  const auto& catalogue = analysis::Catalogue::builtin();
  std::map<std::string, FileReport*> byPath;
  for (auto& file : report.files) {
    std::error_code ec;
    fs::path absolute = fs::absolute(file.path, ec).lexically_normal();
    byPath[absolute.string()] = &file;
    fs::path canonical = fs::weakly_canonical(absolute, ec);
    if (!ec) byPath[canonical.string()] = &file;
  }
  std::size_t merged = 0;
  for (const auto& record : records) {
    auto it = byPath.find(record.file);
    if (it == byPath.end()) {
      std::error_code ec;
      it = byPath.find(fs::weakly_canonical(record.file, ec).string());
      if (it == byPath.end()) continue;
    }
    FileReport& file = *it->second;
    std::size_t line0 = record.line - 1;
    const analysis::Rule* rule = catalogue.find(record.code);
    auto onLine = [&](const analysis::Diagnostic& d) { return d.start.line <= line0 && line0 <= d.end.line; };
    analysis::Diagnostic* target = nullptr;
    for (auto& d : file.diagnostics)
      if (onLine(d) && d.code == record.code) target = &d;
    if (!target && rule && rule->generic)
      for (auto& d : file.diagnostics)
        if (onLine(d) && !d.runtimeOnly) target = &d;
    if (target) {
      if (!target->runtime) target->runtime = analysis::RuntimeEvidence{record.api, 0, record.outcome};
      target->runtime->count += record.count;
      // A site both rewritten and intercepted (another call on its line) counts as intercepted.
      if (target->runtime->outcome == "rewritten") target->runtime->outcome = record.outcome;
      ++merged;
      continue;
    }
    if (line0 >= file.lines->lineCount()) continue;
    std::string_view text = file.lines->lineText(file.text, line0);
    std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) first = 0;
    analysis::Diagnostic d;
    d.rule = rule;
    d.code = record.code;
    d.severity = rule ? rule->severity : analysis::Severity::Error;
    d.message = "`" + record.api +
                (record.outcome == "rewritten" ? "` rewritten as its module was imported" : "` intercepted at run time") +
                (rule ? ": " + rule->name : std::string()) + (record.outcome == "raised" ? " (it raised)" : "");
    std::uint32_t lineStart = file.lines->lineStart(line0);
    d.range = {lineStart + static_cast<std::uint32_t>(first),
               lineStart + static_cast<std::uint32_t>(text.size())};
    d.start = file.lines->pointAt(d.range.start);
    d.end = file.lines->pointAt(d.range.end);
    d.runtime = analysis::RuntimeEvidence{record.api, record.count, record.outcome};
    d.runtimeOnly = true;
    file.diagnostics.push_back(std::move(d));
    ++merged;
  }
  // Hottest first within each file when runtime evidence exists.
  for (auto& file : report.files)
    std::stable_sort(file.diagnostics.begin(), file.diagnostics.end(),
                     [](const analysis::Diagnostic& a, const analysis::Diagnostic& b) {
                       long long ca = a.runtime ? a.runtime->count : 0, cb = b.runtime ? b.runtime->count : 0;
                       if (ca != cb) return ca > cb;
                       return a.range.start < b.range.start;
                     });
  return merged;
}

}  // namespace sparkmigrate::cli
