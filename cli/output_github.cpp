// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice`
// annotation per finding, with the data and properties escaped as the
// workflow command syntax requires.
#include "cli/report.h"

#include <fmt/format.h>

namespace sparkmigrate::cli {
namespace {

std::string escapeData(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string escapeProperty(std::string_view text) {
  std::string out;
  for (char c : escapeData(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace

void writeGithub(const Report& report, const OutputOptions&, std::FILE* out) {
  for (const auto& file : report.files) {
    for (const auto& d : file.diagnostics) {
      RowColumn start = rowColumn(file, d.start), end = rowColumn(file, d.end);
      std::string_view command = d.severity == analysis::Severity::Error     ? "error"
                                 : d.severity == analysis::Severity::Warning ? "warning"
                                                                             : "notice";
      fmt::print(out, "::{} title={},file={},line={},col={},endLine={},endColumn={}::{}\n", command,
                 escapeProperty("sparkmigrate (" + d.code + ")"), escapeProperty(file.path), start.row,
                 start.column, end.row, end.column, escapeData(d.code + " " + start.cellNote() + d.message));
    }
  }
  for (const auto& error : report.errors) {
    std::string where = error.path.empty() ? "" : ",file=" + escapeProperty(error.path);
    if (!error.path.empty() && error.row) where += fmt::format(",line={},col={}", error.row, error.column);
    fmt::print(out, "::error title=sparkmigrate{}::{}\n", where, escapeData(error.line()));
  }
}

}  // namespace sparkmigrate::cli
