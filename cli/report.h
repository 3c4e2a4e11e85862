// The CLI's view of a finished check: per-file results (diagnostics, source
// text for code frames, file-level problems) and the output writers, one per
// --output-format, and the page of `sparkmigrate report`.
//
// To add a new output format:
//   1. Write `void writeX(const Report&, const OutputOptions&, std::FILE*)`
//      in cli/output_x.cpp and declare it below.
//   2. Accept its name in check_command.cpp and list it in the usage text.
//   3. Document it in README.md and add a test in test/python/.
#pragma once

#include "analysis/diagnostic.h"
#include "analysis/notebook.h"
#include "analysis/source.h"
#include "support/expected.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sparkmigrate::cli {

struct FileReport {
  std::string path;  // as displayed (relative paths stay relative)
  std::string text;  // the source, for code frames
  std::unique_ptr<analysis::LineIndex> lines;
  std::vector<analysis::Diagnostic> diagnostics;
  // A Jupyter notebook: `text` is its code cells as one document, and
  // positions are reported per cell.
  std::shared_ptr<const analysis::Notebook> notebook;
};

// A file that could not be checked, fixed or written, a path that could not
// be read, or a configuration that could not be read. Every output format
// reports it, and it makes the exit status non-zero.
struct ReportError {
  std::string path;          // the file concerned, as displayed; "" when the message names it
  std::size_t row = 0;       // 1-based position in that file, 0 when none
  std::size_t column = 0;    // 1-based (bytes, for text that is not UTF-8)
  std::string message;       // what went wrong, without the path
  std::string line() const;  // "path[:row:column]: message", as printed on stderr
};

struct Report {
  std::vector<FileReport> files;    // only files with diagnostics are needed by writers
  std::vector<ReportError> errors;  // in the order they are reported
  std::size_t filesChecked = 0;
};

struct OutputOptions {
  bool color = false;
  bool statistics = false;
  bool concise = false;      // text: one line per finding, no code frame
  bool unsafeFixes = false;  // unsafe fixes count as applicable ([*]) rather than hidden
  bool showFixes = false;    // text: each applicable fix's description under its finding
  bool fixing = false;       // the run applied the fixes: no "fixable with --fix" footer
};

// True when `--fix` (with `options.unsafeFixes`, `--unsafe-fixes`) would apply
// the diagnostic's fix: the `[*]` of the text output.
bool fixApplicable(const analysis::Diagnostic& d, const OutputOptions& options);

// 1-based (row, column) with the column counted in code points, as ruff does;
// in a notebook, the row within the 1-based `cell`.
struct RowColumn {
  std::size_t row = 0;
  std::size_t column = 0;
  std::size_t cell = 0;  // 0: not a notebook
  // "row:column", or "cell N:row:column" in a notebook.
  std::string str() const;
  // "" or "cell N: ", for formats whose rows count the lines of the file
  // (a notebook's rows are the cell's, so its messages name the cell).
  std::string cellNote() const;
};
RowColumn rowColumn(const FileReport& file, analysis::TextPoint point);

// Text for HTML or XML content and attribute values (the html and junit
// formats): markup characters escaped; control characters other than tab and
// line ends, and bytes that are not UTF-8, replaced by U+FFFD.
std::string markup(std::string_view text);

void writeText(const Report& report, const OutputOptions& options, std::FILE* out);
void writeJson(const Report& report, const OutputOptions& options, std::FILE* out);
void writeSarif(const Report& report, const OutputOptions& options, std::FILE* out);
void writeGithub(const Report& report, const OutputOptions& options, std::FILE* out);
void writeJunit(const Report& report, const OutputOptions& options, std::FILE* out);
void writeGitlab(const Report& report, const OutputOptions& options, std::FILE* out);
void writeStatisticsText(const Report& report, std::FILE* out);
void writeStatisticsJson(const Report& report, std::FILE* out);

// --- the migration readiness report (`sparkmigrate report`, cli/output_html.cpp) ---

// What a finding will take: a fix with edits that `fix` applies (Safe) or
// `fix --unsafe-fixes` applies (Unsafe), a rewrite proposed by a model
// (`fix --llm`, migrate::needsJudgement), or manual work (the rest).
enum class Effort { SafeFix, UnsafeFix, ModelSuggestion, Manual };
inline constexpr std::size_t kEfforts = 4;
using EffortCounts = std::array<std::size_t, kEfforts>;  // indexed by Effort
Effort effortOf(const analysis::Diagnostic& d);

// The figures a report keeps for trends (and embeds in the page as JSON).
struct ReadinessTotals {
  std::string generatedAt;                  // ISO 8601, UTC
  std::optional<std::size_t> filesChecked;  // unknown for check's JSON output
  std::size_t filesAffected = 0;
  EffortCounts findings{};
};
// An earlier report, for `report --compare-to`.
struct ReadinessBaseline {
  ReadinessTotals totals;
  std::map<std::string, EffortCounts> families;  // by rule group
  std::vector<ReadinessTotals> history;          // oldest first, ending with `totals`
};
// "2026-03-01T12:00:00Z": the form of generatedAt.
std::string isoUtc(std::time_t t);
// Reads an earlier report page (its embedded data) or the output of
// `check --output-format json`; a one-line error naming `path` otherwise.
support::Expected<ReadinessBaseline> readReadinessBaseline(const std::string& path, std::uint64_t maxSize);

struct HtmlOptions {
  std::string generatedAt;                    // ISO 8601, UTC
  std::vector<std::string> inputs;            // the paths checked, as given
  bool runtimeReport = false;                 // a runtime report was merged: show the hottest call sites
  std::optional<ReadinessBaseline> previous;  // --compare-to
  std::size_t top = 20;                       // rows in the per-file and per-folder charts
};
// One self-contained page: inline CSS and SVG, no script but its own data
// (`<script type="application/json" id="sparkmigrate-report-data">`).
void writeHtml(const Report& report, const HtmlOptions& options, std::FILE* out);

}  // namespace sparkmigrate::cli
