// JUnit XML, the report format CI systems (Jenkins, GitLab, Azure Pipelines)
// show as test results, in ruff's shape: a test suite per file, a test case
// per finding named after its rule, and one passing case when all is clean.
// A file that could not be checked is a case with an <error>.
#include "cli/report.h"

#include <fmt/format.h>

#include <filesystem>

namespace sparkmigrate::cli {

void writeJunit(const Report& report, const OutputOptions&, std::FILE* out) {
  std::size_t findings = 0;
  for (const auto& file : report.files) findings += file.diagnostics.size();
  const std::size_t errors = report.errors.size();
  fmt::print(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  fmt::print(out, "<testsuites name=\"sparkmigrate\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
             findings + errors ? findings + errors : 1, findings, errors);
  if (findings + errors == 0) {
    fmt::print(out,
               "  <testsuite name=\"sparkmigrate\" tests=\"1\" disabled=\"0\" errors=\"0\" failures=\"0\" "
               "package=\"org.sparkmigrate\">\n"
               "    <testcase name=\"No problems found\" classname=\"sparkmigrate\"/>\n  </testsuite>\n");
  }
  for (const auto& file : report.files) {
    if (file.diagnostics.empty()) continue;
    std::string classname = std::filesystem::path(file.path).replace_extension().generic_string();
    fmt::print(out,
               "  <testsuite name=\"{}\" tests=\"{}\" disabled=\"0\" errors=\"0\" failures=\"{}\" "
               "package=\"org.sparkmigrate\">\n",
               markup(file.path), file.diagnostics.size(), file.diagnostics.size());
    for (const auto& d : file.diagnostics) {
      RowColumn at = rowColumn(file, d.start);
      fmt::print(out, "    <testcase name=\"org.sparkmigrate.{}\" classname=\"{}\" line=\"{}\" column=\"{}\">\n",
                 markup(d.code), markup(classname), at.row, at.column);
      fmt::print(out, "      <failure message=\"{}\">{}line {}, col {}, {}</failure>\n    </testcase>\n",
                 markup(d.message), at.cellNote(), at.row, at.column, markup(d.message));
    }
    fmt::print(out, "  </testsuite>\n");
  }
  if (errors) {
    fmt::print(out,
               "  <testsuite name=\"sparkmigrate errors\" tests=\"{}\" disabled=\"0\" errors=\"{}\" "
               "failures=\"0\" package=\"org.sparkmigrate\">\n",
               errors, errors);
    for (const auto& error : report.errors)
      fmt::print(out,
                 "    <testcase name=\"org.sparkmigrate.error\" classname=\"{}\">\n"
                 "      <error message=\"{}\">{}</error>\n    </testcase>\n",
                 markup(error.path.empty() ? "configuration" : error.path), markup(error.message), markup(error.line()));
    fmt::print(out, "  </testsuite>\n");
  }
  fmt::print(out, "</testsuites>\n");
}

}  // namespace sparkmigrate::cli
