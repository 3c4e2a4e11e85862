// The CLI's view of a finished check: per-file results (diagnostics, source
// text for code frames, file-level problems) and the output writers, one per
// --output-format.
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

#include <cstdio>
#include <memory>
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

void writeText(const Report& report, const OutputOptions& options, std::FILE* out);
void writeJson(const Report& report, const OutputOptions& options, std::FILE* out);
void writeSarif(const Report& report, const OutputOptions& options, std::FILE* out);
void writeGithub(const Report& report, const OutputOptions& options, std::FILE* out);
void writeJunit(const Report& report, const OutputOptions& options, std::FILE* out);
void writeGitlab(const Report& report, const OutputOptions& options, std::FILE* out);
void writeStatisticsText(const Report& report, std::FILE* out);
void writeStatisticsJson(const Report& report, std::FILE* out);

}  // namespace sparkmigrate::cli
