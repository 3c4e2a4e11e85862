// Text output, as ruff prints it: `file:line:col: CODE [*] message` (`[*]`:
// `--fix` would fix it), a code frame with a caret underline (not in the
// concise format), a summary line and a footer counting what `--fix` and
// `--unsafe-fixes` would fix. Colour only when asked (a TTY by default).
#include "cli/report.h"

#include "support/utf8.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace sparkmigrate::cli {
namespace {

struct Style {
  bool on;
  std::string wrap(std::string_view code, std::string_view text) const {
    if (!on) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }
};

std::string_view severityColor(analysis::Severity severity) {
  switch (severity) {
    case analysis::Severity::Error:
      return "1;31";
    case analysis::Severity::Warning:
      return "1;33";
    case analysis::Severity::Info:
      return "1;36";
  }
  return "1";
}

}  // namespace

RowColumn rowColumn(const FileReport& file, analysis::TextPoint point) {
  std::string_view line = file.lines->lineText(file.text, point.line);
  std::size_t bytes = std::min<std::size_t>(point.column, line.size());
  std::size_t column = support::countCodePoints(line.substr(0, bytes)) + 1;
  if (!file.notebook) return {point.line + 1, column};
  analysis::Notebook::Place place = file.notebook->locate(point.line);
  return {place.line + 1u, column, place.cell};
}

std::string RowColumn::cellNote() const { return cell ? fmt::format("cell {}: ", cell) : ""; }

std::string RowColumn::str() const {
  return cell ? fmt::format("cell {}:{}:{}", cell, row, column) : fmt::format("{}:{}", row, column);
}

bool fixApplicable(const analysis::Diagnostic& d, const OutputOptions& options) {
  if (!d.fix || d.fix->edits.empty()) return false;
  return d.fix->safety == analysis::FixSafety::Safe ||
         (d.fix->safety == analysis::FixSafety::Unsafe && options.unsafeFixes);
}

std::string ReportError::line() const {
  if (path.empty()) return message;
  if (row == 0) return fmt::format("{}: {}", path, message);
  return fmt::format("{}:{}:{}: {}", path, row, column, message);
}

void writeText(const Report& report, const OutputOptions& options, std::FILE* out) {
  Style style{options.color};
  std::size_t total = 0, runtimeSeen = 0, fixable = 0, hidden = 0;
  for (const auto& file : report.files) {
    for (const auto& d : file.diagnostics) {
      ++total;
      if (d.runtime) ++runtimeSeen;
      const bool applicable = fixApplicable(d, options);
      fixable += applicable;
      hidden += !applicable && d.fix && !d.fix->edits.empty() && d.fix->safety == analysis::FixSafety::Unsafe;
      if (options.statistics) continue;
      RowColumn at = rowColumn(file, d.start);
      std::string runtime;
      if (d.runtime) {
        runtime = d.runtime->outcome == "rewritten"
                      ? fmt::format(" [rewritten on import{}]", d.runtimeOnly ? ", not found statically" : "")
                      : fmt::format(" [seen at run time: {}x{}]", d.runtime->count,
                                    d.runtimeOnly ? ", not found statically" : "");
      }
      fmt::print(out, "{}:{}: {} {}{}{}\n", style.wrap("1", file.path), at.str(),
                 style.wrap(severityColor(d.severity), d.code), applicable ? style.wrap("36", "[*] ") : "",
                 d.message, style.wrap("35", runtime));
      if (options.showFixes && applicable)
        fmt::print(out, "  {} {}{}\n", style.wrap("32", "fix:"), d.fix->message,
                   d.fix->safety == analysis::FixSafety::Unsafe ? " (unsafe)" : "");
      if (options.concise) continue;
      // Code frame: the first line of the range with a caret underline.
      std::string_view line = file.lines->lineText(file.text, d.start.line);
      std::string number = std::to_string(at.row);
      std::string gutter(number.size(), ' ');
      std::size_t startByte = std::min<std::size_t>(d.start.column, line.size());
      std::size_t endByte =
          d.end.line == d.start.line ? std::min<std::size_t>(d.end.column, line.size()) : line.size();
      std::string prefix;
      for (char c : line.substr(0, startByte)) prefix += c == '\t' ? '\t' : ' ';
      std::size_t width =
          std::max<std::size_t>(1, support::countCodePoints(line.substr(startByte, endByte - startByte)));
      fmt::print(out, "{} {}\n", gutter, style.wrap("34", "|"));
      fmt::print(out, "{} {} {}\n", style.wrap("34", number), style.wrap("34", "|"), line);
      fmt::print(out, "{} {} {}{}\n\n", gutter, style.wrap("34", "|"), prefix,
                 style.wrap(severityColor(d.severity), std::string(width, '^')));
    }
  }
  if (options.statistics) writeStatisticsText(report, out);
  // Errors (files that could not be checked, ...) are listed on stderr; the
  // summary counts them, and never says all checks passed when there are any.
  std::size_t errors = report.errors.size();
  std::string checked = fmt::format("{} file{}", report.filesChecked, report.filesChecked == 1 ? "" : "s");
  if (total == 0 && errors == 0) {
    fmt::print(out, "All checks passed ({} checked).\n", checked);
  } else if (total == 0) {
    fmt::print(out, "{} error{}; no problems found in the {} checked.\n", errors, errors == 1 ? "" : "s",
               checked);
  } else {
    std::size_t withFindings = 0;
    for (const auto& file : report.files) withFindings += !file.diagnostics.empty();
    fmt::print(out, "Found {} problem{} in {} of {}{}{}.\n", total, total == 1 ? "" : "s", withFindings,
               checked, runtimeSeen ? fmt::format(" ({} seen at run time)", runtimeSeen) : "",
               errors ? fmt::format("; {} error{}", errors, errors == 1 ? "" : "s") : "");
  }
  if (options.fixing || (fixable == 0 && hidden == 0)) return;
  std::string hint = hidden ? fmt::format("{} hidden fix{} can be enabled with the `--unsafe-fixes` option", hidden,
                                          hidden == 1 ? "" : "es")
                            : "";
  if (fixable == 0)
    fmt::print(out, "No fixes available ({}).\n", hint);
  else
    fmt::print(out, "{} {} fixable with the `--fix` option{}.\n", style.wrap("36", "[*]"), fixable,
               hidden ? " (" + hint + ")" : "");
}

void writeStatisticsText(const Report& report, std::FILE* out) {
  struct Row {
    std::size_t count = 0;
    long long runtime = 0;
    std::string name;
    bool fixable = false;
  };
  std::map<std::string, Row> rows;
  for (const auto& file : report.files)
    for (const auto& d : file.diagnostics) {
      Row& row = rows[d.code];
      ++row.count;
      row.name = d.rule ? d.rule->name : "";
      row.fixable = row.fixable || (d.fix && !d.fix->edits.empty());
      if (d.runtime) row.runtime += d.runtime->count;
    }
  std::vector<std::pair<std::string, Row>> sorted(rows.begin(), rows.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.count > b.second.count; });
  for (const auto& [code, row] : sorted)
    fmt::print(out, "{:>5}\t{}\t{}{}{}\n", row.count, code, row.fixable ? "[*] " : "", row.name,
               row.runtime ? fmt::format("\t(run time: {}x)", row.runtime) : "");
}

}  // namespace sparkmigrate::cli
