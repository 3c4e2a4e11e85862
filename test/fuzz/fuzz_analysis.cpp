// Fuzzes the analysis of arbitrary Python the way `check` and `fix` run it:
// check the text, run the fix loop (analysis::fixDocument, unsafe fixes
// included, every rule selected), check the fixed text, and fix it again.
// Besides crashes and sanitizer reports, these invariants are findings:
//   * fixing never breaks the syntax: a text that parsed still parses, and a
//     text with a syntax error is left as it is;
//   * the fix loop's `remaining` is what a check of its result reports;
//   * fixing is idempotent: fixing the fixed text again changes nothing
//     (checked when the first run ended without an error);
//   * as a notebook (the text split into two code cells of an .ipynb), the
//     unchanged document writes back the same bytes, and the fixed document
//     either writes back (and reads back as itself, which writeNotebook
//     checks) or is refused with an error; an input that is itself a
//     notebook writes back unchanged.
// Inputs the CLI would refuse to analyse (not UTF-8) are rejected. The target
// version and the platform are chosen from the input's length, so the corpus
// covers them all without a selector byte in front of the Python.
#include "analysis/checker.h"
#include "analysis/fix.h"
#include "analysis/notebook.h"
#include "analysis/settings.h"
#include "analysis/version.h"
#include "support/utf8.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace analysis = sparkmigrate::analysis;

namespace {

void fail(const char* what, std::string_view text, std::string_view fixed, std::string_view again = {}) {
  std::fprintf(stderr, "fuzz_analysis: invariant broken: %s\n--- input\n%.*s\n--- fixed\n%.*s\n", what,
               static_cast<int>(text.size()), text.data(), static_cast<int>(fixed.size()), fixed.data());
  if (!again.empty())
    std::fprintf(stderr, "--- fixed again\n%.*s\n", static_cast<int>(again.size()), again.data());
  std::abort();
}

// The notebook invariants for the notebook `json`: its document writes back
// unchanged, and `change` (a new document, or none) writes back or is refused.
void checkNotebook(const std::string& json, const std::string* change) {
  auto notebook = analysis::readNotebook(json);
  if (!notebook) return;
  auto same = analysis::writeNotebook(json, *notebook, notebook->source);
  if (!same || *same != json) fail("a notebook's unchanged document did not write back as it was", json, notebook->source);
  if (change) (void)analysis::writeNotebook(json, *notebook, *change);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!sparkmigrate::support::isValidUtf8(text)) return -1;  // never analysed: keep it out of the corpus

  const auto& targets = analysis::supportedTargets();
  analysis::Settings settings;
  settings.select = {"ALL"};
  settings.target = targets[size % targets.size()];
  settings.platform = (size / targets.size()) % 2 ? analysis::Platform::Databricks : analysis::Platform::Any;
  const std::string_view relativePath = "fuzz/job.py";

  analysis::CheckResult before = analysis::checkText(text, settings, relativePath);

  analysis::FixOptions options;
  options.unsafe = true;
  analysis::FixOutcome once = analysis::fixDocument(text, settings, relativePath, options);
  analysis::CheckResult after = analysis::checkText(once.text, settings, relativePath);

  if (before.syntaxError && once.text != text) fail("a file with a syntax error was changed", text, once.text);
  if (!before.syntaxError && after.syntaxError) fail("the fixed text no longer parses", text, once.text);
  if (after.diagnostics.size() != once.remaining.size())
    fail("fixDocument's remaining differs from a check of its result", text, once.text);

  if (text.starts_with('{')) checkNotebook(std::string(text), nullptr);
  {
    std::size_t middle = text.find('\n', text.size() / 2);
    middle = middle == std::string_view::npos ? text.size() : middle + 1;
    nlohmann::json cell = {{"cell_type", "code"}, {"metadata", nlohmann::json::object()}, {"outputs", nlohmann::json::array()}};
    nlohmann::json doc = {{"cells", nlohmann::json::array()}, {"metadata", {{"language_info", {{"name", "python"}}}}},
                          {"nbformat", 4}, {"nbformat_minor", 5}};
    doc["cells"].push_back(cell);
    doc["cells"].back()["source"] = std::string(text.substr(0, middle));
    doc["cells"].push_back(cell);
    doc["cells"].back()["source"] = std::string(text.substr(middle));
    const std::string json = doc.dump(1);
    auto notebook = analysis::readNotebook(json);
    if (!notebook) fail("a notebook made of the input did not read", text, json);
    analysis::FixOutcome fixed = analysis::fixDocument(notebook->source, settings, relativePath, options);
    checkNotebook(json, &fixed.text);
  }

  if (once.error.empty() && once.text != text) {
    analysis::FixOutcome twice = analysis::fixDocument(once.text, settings, relativePath, options);
    if (twice.text != once.text) fail("fixing the fixed text changed it again", text, once.text, twice.text);
  }
  return 0;
}
