// The subcommands of the sparkmigrate binary. Each returns the process exit
// code: 0 clean, 1 findings (or files that could not be checked), 2 usage or
// configuration error.
//
// To add a new subcommand:
//   1. Implement `int runX(int argc, char** argv)` in cli/x_command.cpp.
//   2. Register it in kCommands in main.cpp with a one-line summary.
//   3. Document it in README.md and test it in test/cli/.
#pragma once

#include "analysis/config.h"
#include "analysis/diagnostic.h"
#include "analysis/project.h"
#include "analysis/discovery.h"
#include "analysis/settings.h"
#include "cli/report.h"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::cli {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

int runCheck(int argc, char** argv);
int runFix(int argc, char** argv);
// check_command.cpp: `check` (fix == false, unless --fix is given) and `fix`.
int runCheckOrFix(int argc, char** argv, bool fix);
struct RuntimeRecord;
// check_command.cpp: one run of check over `inputs` (discovery, configuration,
// parallel checking, the runtime records merged when given) that hands the
// finished report to `write` instead of printing it; problems still go to
// stderr. Returns check's exit status (kExitUsage on a configuration error).
int checkWith(const std::vector<std::string>& inputs, analysis::ConfigResolver& resolver, unsigned jobs,
              const std::vector<RuntimeRecord>* runtimeRecords, const std::function<void(const Report&)>& write);
// report_command.cpp: `report`, a migration readiness report (one HTML page).
int runReport(int argc, char** argv);

// fix_command.cpp: fixing one file that check has read.
struct FixRunOptions {
  bool diff = false;         // render a unified diff, write nothing
  bool unsafeFixes = false;  // also apply unsafe fixes
  bool noWrite = false;      // keep the result in memory (`fix -` prints it)
};
// Where a command may write: a file whose real path is outside `tree` (reached
// through a symbolic link) is refused unless followSymlinks.
struct WriteScope {
  std::filesystem::path tree;  // empty: anywhere
  bool followSymlinks = false;
};
struct FileFixResult {
  std::string path;
  std::string text;  // the fixed text (the input when nothing changed or the write failed)
  bool changed = false;
  int fixed = 0;
  std::map<std::string, int> fixedByCode;
  std::vector<analysis::Diagnostic> remaining;  // findings left in `text`
  std::string diff;                             // with --diff
  std::string error;                            // a refused step or a failed write (without the path)
};
// `project`: what the file's sibling modules export (analysis/project.h), or none.
FileFixResult fixFile(const std::string& path, const std::string& text, const analysis::Settings& settings,
                      std::string_view relativePath, const WriteScope& scope, const FixRunOptions& options,
                      const analysis::ProjectView* project = nullptr);
// fixFile for a Jupyter notebook (`json`, read as `notebook`): its document
// fixed, the changed cells written back into the JSON (analysis::writeNotebook,
// which keeps every other byte). The result's text and diff are the
// notebook's JSON; `remaining` are in the new notebook's document.
FileFixResult fixNotebook(const std::string& path, const std::string& json, const analysis::Notebook& notebook,
                          const analysis::Settings& settings, std::string_view relativePath, const WriteScope& scope,
                          const FixRunOptions& options);
// Moves the files' fix errors into the report (counting them in fileProblems)
// and returns the one-line summary: what was fixed, what is left.
std::string summarizeFixes(const std::vector<FileFixResult>& fixes, Report& report,
                           const FixRunOptions& options, std::size_t& fileProblems);
// Reading a source file as check does (analysis::readSourceFile with the
// file's max-file-size); a file that cannot be checked gets an error.
struct ReadResult {
  std::string text;
  std::optional<ReportError> error;  // why the file is not checked
};
ReadResult readSource(const analysis::DiscoveredFile& file);
// Replaces the content of `path`, which must still be `expected`, with
// `text`, in place: the file keeps its inode, so its owner, group, mode, ACLs,
// extended attributes and hard links. A backup copy of `expected` is written
// next to it (`.NAME.sparkmigrate-XXXXXX`), synced and read back first, and
// removed once the new text is written, synced and read back; if the
// original cannot be restored after a failed write, the error names the
// backup. Refuses what is not a regular file, a read-only file (no write
// permission bit at all, even for root), and a file reached through a link
// that leads out of scope.tree. "" on success, else what went wrong (without
// the path).
std::string writeInPlace(const std::string& path, std::string_view expected, std::string_view text,
                         const WriteScope& scope);

class Args;
struct OptionSpec;
// check_command.cpp: the options every command that analyses takes (target
// version, selection, platform, isolation, the model backend), and reading
// them into overrides; "" or a one-line problem.
std::vector<OptionSpec> settingsOptionSpecs();
std::string overridesFromArgs(const Args& args, analysis::Overrides& overrides);

// llm_fix.cpp: `fix --llm`.
// Reads the --llm-* options into `llm`; "" or a one-line problem.
std::string llmOverridesFromArgs(const Args& args, analysis::LlmOverrides& llm);
struct LlmRunOptions {
  bool apply = false;          // write the validated rewrites
  std::string format = "text"; // text or json
  bool useCache = true;
  bool progress = false;       // a line per request on stderr
  bool followSymlinks = false; // with apply: write through links that lead out of the tree given
  bool cachedOnly = false;     // answers only from the cache; the backend is never asked
  std::optional<std::string> stdinText;  // `fix --llm -`: the one file's text (with apply: printed)
};
int runLlmFix(const analysis::DiscoveryResult& discovered, Report& report, const LlmRunOptions& options);
int runRule(int argc, char** argv);
int runExplain(int argc, char** argv);
int runLsp(int argc, char** argv);

}  // namespace sparkmigrate::cli
