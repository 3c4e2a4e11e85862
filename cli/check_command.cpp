// `sparkmigrate check PATH...`: discover files, resolve configuration per
// file, check them in parallel, merge an optional runtime report, and print
// the results in the chosen format. `sparkmigrate fix` and `check --fix` run
// the same code and fix each file after reading it (cli/fix_command.cpp).
#include "analysis/checker.h"
#include "analysis/config.h"
#include "analysis/discovery.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/report.h"
#include "cli/runtime_report.h"
#include "analysis/fix.h"
#include "support/hash.h"
#include "support/size.h"
#include "support/thread_pool.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <set>

namespace sparkmigrate::cli {
namespace {

// The discovered files in groups of names of the same file, each group in
// path order; every file alone unless `byFile`.
std::vector<std::vector<std::size_t>> sameFileGroups(const std::vector<analysis::DiscoveredFile>& files,
                                                     bool byFile) {
  std::vector<std::vector<std::size_t>> groups;
  std::map<std::pair<dev_t, ino_t>, std::size_t> groupOf;
  for (std::size_t i = 0; i < files.size(); ++i) {
    struct stat st{};
    if (byFile && ::stat(files[i].path.c_str(), &st) == 0) {
      auto [it, added] = groupOf.try_emplace({st.st_dev, st.st_ino}, groups.size());
      if (!added) {
        groups[it->second].push_back(i);
        continue;
      }
    }
    groups.push_back({i});
  }
  return groups;
}

constexpr const char* kUsage = R"(usage: sparkmigrate check [options] [PATH...]
       sparkmigrate check [options] - [--stdin-filename NAME]
       sparkmigrate fix [--unsafe-fixes] [--diff] [options] [PATH...]
       sparkmigrate fix --llm [--apply] [--llm-* options] [options] [PATH... | - --stdin-filename NAME]

Finds PySpark code that breaks or changes behaviour under Spark Connect;
`fix` (or `check --fix`) also applies the automatic fixes (docs/fixes.md).
PATH defaults to the current folder; folders are searched recursively; `-` reads
standard input. `[*]` marks the findings `--fix` fixes.

options:
  --target-version V     Spark Connect version to target: 3.4 3.5 4.0 4.1 4.2 4.3 (default 3.5)
  --select CODES         only these rules (codes or prefixes, comma-separated; ALL for every rule)
  --extend-select CODES  add rules to the selection
  --ignore CODES         skip these rules
  --extend-ignore CODES  skip these rules too
  --platform P           oss or databricks (databricks enables the Databricks-only rules)
  --output-format F      text, concise, json, sarif, github, junit or gitlab (default text)
  --statistics           print counts per rule instead of findings (text and json)
  --show-fixes           with --fix: list what was fixed per file and rule; without: each
                         finding's fix under it (text)
  --config FILE          take the settings from FILE's [tool.sparkmigrate] table instead of
                         the pyproject.toml files found
  --show-settings        print the settings the first file is checked with, and exit
  --stdin-filename NAME  with `-` as the path: check standard input as the file NAME
                         (`fix -` prints the fixed source on stdout, the report on stderr)
  --add-noqa             add `# noqa: CODE` comments that suppress every finding
  --watch                check again whenever a file changes, until interrupted
  --runtime-report FILE  merge a report written by the runtime shim
  --exit-zero            exit 0 even when findings are found (not when a file could not be checked)
  --isolated             ignore pyproject.toml files
  --force-exclude        apply the excludes to files named on the command line too (pre-commit)
  --max-file-size SIZE   files larger than this are not read and reported as errors: bytes, or
                         e.g. 16MiB, 500KB; 0 for no limit (default 16MiB, max-file-size)
  --jobs N               parallel workers (default: number of cores)
  --color WHEN           auto, always or never (default auto: colour on a terminal)
  --fix                  apply the safe fixes (same as `sparkmigrate fix`)
  --unsafe-fixes         also apply the unsafe fixes (without --fix: mark them [*] as fixable)
  --diff                 with --fix: print a unified diff instead of writing files
  --follow-symlinks      with --fix or --add-noqa: also write files that symbolic links lead
                         to outside the folders given (and the folders of the files given)

model-backed rewrites (docs/llm.md):
  --llm                  ask the configured model to rewrite what has no mechanical fix;
                         prints the validated rewrites as a diff (rejected ones with reasons)
  --apply                with --llm: write the validated rewrites
  --llm-backend B        openai, anthropic or ollama ([tool.sparkmigrate.llm] backend)
  --llm-base-url URL     the server (default: the backend's public endpoint)
  --llm-model NAME       the model (or deployment) name
  --llm-api-key-env VAR  the environment variable that holds the API key
  --llm-timeout S        seconds to wait for a reply (streaming: for silence; default 300)
  --llm-max-attempts N   HTTP attempts per request, retries included (default 3)
  --llm-repairs N        times to ask again with the validator's complaint (default 2)
  --llm-max-tokens N     the answer's token limit (default: from the region's size)
  --llm-stream, --llm-no-stream   stream replies (default) or not
  --no-cache             neither read nor write the answer cache
  --llm-cached           use only validated answers already in the answer cache; never contact
                         the model (no API key needed). With `-`: --apply prints the source
  -h, --help             show this help

exit status: 0 no problems, 1 problems found or files that could not be checked (or fixed),
2 usage or configuration error)";

std::optional<std::vector<std::string>> selectors(const Args& args, const std::string& name,
                                                  std::string& error);

}  // namespace

namespace {

// A read (or validated) text as check takes it: the text, or the error that
// names where the text is not UTF-8.
ReadResult fromFileText(const std::string& path, analysis::FileText read) {
  ReadResult result;
  if (read.error.empty()) {
    result.text = std::move(read.text);
    return result;
  }
  ReportError error{path, 0, 0, read.error + ", not checked"};
  if (read.errorAt) {  // the text is not UTF-8: the column counts bytes
    error.row = read.errorAt->line + 1;
    error.column = read.errorAt->column + 1;
  }
  result.error = std::move(error);
  return result;
}

}  // namespace

ReadResult readSource(const analysis::DiscoveredFile& file) {
  return fromFileText(file.path.string(),
                      analysis::readSourceFile(file.path, file.settings.settings->maxFileSize));
}

namespace {

std::optional<std::vector<std::string>> selectors(const Args& args, const std::string& name,
                                                  std::string& error) {
  if (!args.has(name)) return std::nullopt;
  auto list = args.values(name);
  for (const auto& s : list)
    if (!analysis::isValidSelector(s)) {
      error = fmt::format("--{}: '{}' is not a rule code or prefix (expected ALL or SPKnnn)", name, s);
      return std::nullopt;
    }
  return list;
}

}  // namespace

std::vector<OptionSpec> settingsOptionSpecs() {
  return {{"target-version", true}, {"select", true},       {"extend-select", true},   {"ignore", true},
          {"extend-ignore", true},  {"platform", true},     {"isolated", false},       {"llm-backend", true},
          {"llm-base-url", true},   {"llm-model", true},    {"llm-api-key-env", true}, {"llm-timeout", true},
          {"llm-max-attempts", true}, {"llm-repairs", true}, {"llm-stream", false},    {"llm-no-stream", false},
          {"llm-max-tokens", true}, {"max-file-size", true}, {"config", true},
          {"force-exclude", false}};
}

std::string overridesFromArgs(const Args& args, analysis::Overrides& overrides) {
  if (auto v = args.value("target-version")) {
    auto version = analysis::parseSparkVersion(*v);
    if (!version || !analysis::isSupportedTarget(*version))
      return "--target-version must be one of 3.4, 3.5, 4.0, 4.1, 4.2, 4.3 (got '" + *v + "')";
    overrides.target = version;
  }
  if (auto p = args.value("platform")) {
    if (*p == "databricks")
      overrides.platform = analysis::Platform::Databricks;
    else if (*p == "oss")
      overrides.platform = analysis::Platform::Any;
    else
      return "--platform must be oss or databricks";
  }
  std::string selectorError;
  overrides.select = selectors(args, "select", selectorError);
  if (auto extend = selectors(args, "extend-select", selectorError)) overrides.extendSelect = *extend;
  overrides.ignore = selectors(args, "ignore", selectorError);
  if (auto extend = selectors(args, "extend-ignore", selectorError)) overrides.extendIgnore = *extend;
  if (!selectorError.empty()) return selectorError;
  overrides.isolated = args.has("isolated");
  overrides.forceExclude = args.has("force-exclude");
  if (auto v = args.value("max-file-size")) {
    overrides.maxFileSize = support::parseByteSize(*v);
    if (!overrides.maxFileSize) return "--max-file-size " + std::string(support::kByteSizeHelp);
  }
  if (auto config = args.value("config")) {
    if (overrides.isolated) return "--config and --isolated cannot be combined";
    if (auto loaded = analysis::loadConfigFile(*config); !loaded) return "--config: " + loaded.error().message;
    overrides.configFile = *config;
  }
  return llmOverridesFromArgs(args, overrides.llm);
}

int runCheck(int argc, char** argv) {
  return runCheckOrFix(argc, argv, false);
}

namespace {

// One run of check (or fix, or --add-noqa) as the options ask for it; --watch
// repeats it.
struct CheckRun {
  bool fixing = false;
  FixRunOptions fixOptions;
  bool followSymlinks = false;
  bool addNoqa = false;
  std::string format = "text";
  unsigned jobs = 1;
  OutputOptions options;
  std::vector<std::string> inputs;
  std::optional<std::vector<RuntimeRecord>> runtimeRecords;
  bool exitZero = false;
  // `check -`: the source read from standard input, checked as `stdinName`.
  std::optional<std::string> stdinText;
  std::string stdinName;
  // `report`: takes the finished report instead of the output format's writer.
  std::function<void(const Report&)> write;
};

// Where standard input's settings come from: --stdin-filename, else the
// current folder.
std::filesystem::path stdinSettingsPath(const std::string& name) {
  std::error_code ec;
  return name == "-" ? std::filesystem::current_path(ec) / "-" : std::filesystem::path(name);
}

// Standard input as the one file of a run: named NAME, with NAME's settings.
analysis::DiscoveryResult stdinDiscovery(const std::string& name, analysis::ConfigResolver& resolver) {
  std::error_code ec;
  analysis::DiscoveryResult discovered;
  discovered.files.push_back({name, resolver.forFile(stdinSettingsPath(name)), std::filesystem::current_path(ec)});
  return discovered;
}

// The source on standard input, read as a file is (size limit, UTF-8 only).
ReadResult readStdin(const std::string& name, std::uint64_t maxSize) {
  ReadResult result;
  std::string text;
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
    text.append(buffer, n);
    if (maxSize && text.size() > maxSize) {
      result.error = ReportError{name, 0, 0,
                                 fmt::format("larger than {} bytes (max-file-size in pyproject.toml, "
                                             "--max-file-size), not checked", maxSize)};
      return result;
    }
  }
  return fromFileText(name, analysis::validateSourceText(std::move(text)));
}

// --add-noqa for one file: the findings its comments suppress and the lines
// that got one (what no comment could suppress stays in its diagnostics).
struct NoqaFileResult {
  int suppressed = 0;
  int comments = 0;
};

// --show-fixes with --fix: what was fixed, per file and rule.
void writeFixEnumeration(const std::vector<FileFixResult>& fixes, std::FILE* out) {
  const auto& catalogue = analysis::Catalogue::builtin();
  int total = 0;
  for (const auto& f : fixes) total += f.fixed;
  if (total == 0) {
    fmt::print(out, "No findings fixed.\n");
    return;
  }
  fmt::print(out, "Fixed {} finding{}:\n", total, total == 1 ? "" : "s");
  for (const auto& f : fixes) {
    if (f.fixedByCode.empty()) continue;
    fmt::print(out, "- {}:\n", f.path);
    for (const auto& [code, n] : f.fixedByCode) {
      const analysis::Rule* rule = catalogue.find(code);
      fmt::print(out, "    {} × {}{}\n", n, code, rule ? " (" + rule->name + ")" : "");
    }
  }
}

// --show-settings: the settings a file (or the files under a folder) is
// checked with, and the rules they enable.
void writeSettings(const std::string& path, const analysis::ResolvedSettings& resolved) {
  const analysis::Settings& s = *resolved.settings;
  auto list = [](const std::vector<std::string>& items) {
    std::string out = "[";
    for (const auto& item : items) out += (out.size() > 1 ? ", \"" : "\"") + item + "\"";
    return out + "]";
  };
  fmt::print("Settings for {}\n", path);
  if (!resolved.problem.empty()) fmt::print("  problem          {} (using the defaults)\n", resolved.problem);
  fmt::print("  configuration    {}\n", s.configPath.empty() ? "none (the defaults)" : s.configPath);
  fmt::print("  root             {}\n", s.root);
  fmt::print("  target-version   {}\n", s.target.str());
  fmt::print("  platform         {}\n", s.platform == analysis::Platform::Databricks ? "databricks" : "oss");
  fmt::print("  select           {}\n", s.select.empty() ? "(the default rules)" : list(s.select));
  fmt::print("  extend-select    {}\n", list(s.extendSelect));
  fmt::print("  ignore           {}\n", list(s.ignore));
  for (const auto& [glob, codes] : s.perFileIgnores)
    fmt::print("  per-file-ignores \"{}\" = {}\n", glob, list(codes));
  fmt::print("  exclude          {}\n", s.exclude.empty() ? "(the default excludes)" : list(s.exclude));
  fmt::print("  extend-exclude   {}\n", list(s.extendExclude));
  fmt::print("  max-file-size    {}\n", s.maxFileSize ? std::to_string(s.maxFileSize) : "0 (no limit)");
  // The backend's names only: an API key is never part of the settings.
  fmt::print("  llm.backend      {}\n", s.llm.backend.empty() ? "none (nothing leaves the machine)" : s.llm.backend);
  if (!s.llm.backend.empty()) {
    fmt::print("  llm.base-url     {}\n", s.llm.baseUrl.empty() ? "(the backend's default)" : s.llm.baseUrl);
    fmt::print("  llm.model        {}\n", s.llm.model);
    fmt::print("  llm.api-key-env  {}\n", s.llm.apiKeyEnv.empty() ? "(none)" : s.llm.apiKeyEnv);
  }
  const auto& catalogue = analysis::Catalogue::builtin();
  std::vector<char> enabled = analysis::enabledRules(catalogue, s, analysis::relativeTo(s, path), false);
  std::string codes;
  std::size_t count = 0;
  for (std::size_t i = 0; i < enabled.size() && i < catalogue.rules().size(); ++i)
    if (enabled[i]) {
      codes += (count++ % 10 == 0 ? "\n    " : " ") + catalogue.rules()[i].code;
    }
  fmt::print("  rules selected   {}{}\n", count, codes);
}

// The state of what a --watch run checked: files, the folders they and the
// inputs are in (a new or removed file changes its folder), and the
// pyproject.toml files of those folders.
std::uint64_t watchedState(const std::vector<std::string>& inputs, analysis::ConfigResolver& resolver) {
  analysis::DiscoveryResult discovered = analysis::discoverFiles(inputs, resolver);
  std::set<std::filesystem::path> paths(inputs.begin(), inputs.end());
  for (const auto& file : discovered.files) {
    paths.insert(file.path);
    std::filesystem::path dir = file.path.parent_path();
    paths.insert(dir.empty() ? "." : dir);
    paths.insert((dir.empty() ? std::filesystem::path(".") : dir) / "pyproject.toml");
  }
  if (auto config = resolver.overrides().configFile) paths.insert(*config);
  std::uint64_t h = support::hashBytes("");
  for (const auto& path : paths) {
    struct stat st{};
    h = support::hashCombine(h, support::hashBytes(path.string()));
    if (::stat(path.c_str(), &st) != 0) continue;
    h = support::hashCombine(h, static_cast<std::uint64_t>(st.st_mtim.tv_sec) * 1000000000ull +
                                    static_cast<std::uint64_t>(st.st_mtim.tv_nsec));
    h = support::hashCombine(h, static_cast<std::uint64_t>(st.st_size));
    h = support::hashCombine(h, static_cast<std::uint64_t>(st.st_ino));
  }
  return h;
}

int checkOnce(const CheckRun& run, analysis::ConfigResolver& resolver) {
  const bool fixing = run.fixing;
  const FixRunOptions& fixOptions = run.fixOptions;
  const unsigned jobs = run.jobs;
  analysis::DiscoveryResult discovered = run.stdinText
                                              ? stdinDiscovery(run.stdinName, resolver)
                                              : analysis::discoverFiles(run.inputs, resolver, /*notebooks=*/true);

  Report report;
  bool configError = false;
  std::set<std::string> configProblems;
  for (const auto& file : discovered.files)
    if (!file.settings.problem.empty() && configProblems.insert(file.settings.problem).second)
      configError = true;
  for (const auto& problem : configProblems)
    report.errors.push_back({"", 0, 0, problem + " (using the defaults)"});
  for (const auto& problem : discovered.problems)
    report.errors.push_back({problem.path, 0, 0, problem.message});

  // What the checked modules export to each other (a helper that imports
  // get_spark from a sibling module knows it returns a session).
  const std::uint64_t maxFileSize =
      resolver.overrides().maxFileSize.value_or(analysis::kDefaultMaxFileSize);
  std::vector<std::filesystem::path> paths;
  if (!run.stdinText)
    for (const auto& file : discovered.files)
      if (!analysis::isNotebookPath(file.path.string())) paths.push_back(file.path);
  const analysis::ProjectIndex project = analysis::indexFiles(paths, maxFileSize, jobs);

  std::vector<FileReport> results(discovered.files.size());
  std::vector<std::optional<ReportError>> fileErrors(discovered.files.size());
  std::vector<std::string> warnings(discovered.files.size());
  std::vector<FileFixResult> fixes(fixing ? discovered.files.size() : 0);
  std::vector<NoqaFileResult> noqa(run.addNoqa ? discovered.files.size() : 0);
  auto process = [&](std::size_t i) {
    const auto& file = discovered.files[i];
    FileReport& out = results[i];
    out.path = file.path.string();
    try {
      ReadResult source = run.stdinText ? ReadResult{*run.stdinText, std::nullopt} : readSource(file);
      if (source.error) {
        fileErrors[i] = std::move(source.error);
        return;
      }
      out.text = std::move(source.text);
      if (analysis::isNotebookPath(out.path)) {
        // Checked, fixed and given noqa comments as its code cells.
        auto notebook = analysis::readNotebook(out.text);
        if (!notebook) {
          fileErrors[i] = ReportError{out.path, 0, 0, notebook.error().message + ", not checked"};
          return;
        }
        if (notebook->language != "python") {
          warnings[i] = fmt::format("{}: a {} notebook, not Python; skipped", out.path, notebook->language);
          if (fixing) fixes[i].path = out.path, fixes[i].text = out.text;
          out.text.clear();
          out.lines = std::make_unique<analysis::LineIndex>(out.text);
          return;
        }
        const analysis::Settings& settings = *file.settings.settings;
        const std::string relative = analysis::relativeTo(settings, file.path);
        std::string json = std::move(out.text);
        auto show = [&](const std::string& text, std::vector<analysis::Diagnostic> diagnostics) {
          auto shown = analysis::readNotebook(text);  // the notebook's new JSON reads back (writeNotebook checks)
          out.notebook = std::make_shared<const analysis::Notebook>(shown ? std::move(*shown) : std::move(*notebook));
          out.text = out.notebook->source;
          out.lines = std::make_unique<analysis::LineIndex>(out.text);
          out.diagnostics = std::move(diagnostics);
        };
        if (fixing) {
          FileFixResult& fixed = fixes[i];
          fixed = fixNotebook(out.path, json, *notebook, settings, relative, {file.tree, run.followSymlinks},
                              fixOptions);
          return show(fixed.text, std::move(fixed.remaining));
        }
        if (run.addNoqa) {
          analysis::NoqaOutcome added = analysis::addNoqaDirectives(notebook->source, settings, relative);
          if (added.comments > 0) {
            auto written = analysis::writeNotebook(json, *notebook, added.text);
            std::string error = written ? writeInPlace(out.path, json, *written, {file.tree, run.followSymlinks})
                                        : written.error().message;
            if (!error.empty()) {
              fileErrors[i] = ReportError{out.path, 0, 0, error};
              return;
            }
            noqa[i] = {added.suppressed, added.comments};
            json = std::move(*written);
          }
          return show(json, std::move(added.unsuppressed));
        }
        show(json, analysis::checkText(notebook->source, settings, relative).diagnostics);
        return;
      }
      std::string parseText = out.text;
      const bool bom = parseText.rfind("\xEF\xBB\xBF", 0) == 0;
      if (bom) parseText.replace(0, 3, "   ");  // keep offsets
      out.lines = std::make_unique<analysis::LineIndex>(out.text);
      const analysis::Settings& settings = *file.settings.settings;
      const analysis::ProjectView view = analysis::ProjectView::forFile(&project, file.path);
      std::string relative = analysis::relativeTo(settings, file.path);
      if (fixing) {
        FileFixResult& fixed = fixes[i];
        fixed = fixFile(out.path, out.text, settings, relative, {file.tree, run.followSymlinks}, fixOptions, &view);
        out.text = fixed.text;
        out.lines = std::make_unique<analysis::LineIndex>(out.text);
        out.diagnostics = std::move(fixed.remaining);
        return;
      }
      if (run.addNoqa) {
        analysis::NoqaOutcome added = analysis::addNoqaDirectives(parseText, settings, relative, &view);
        out.diagnostics = std::move(added.unsuppressed);
        if (added.comments == 0) return;
        if (bom) added.text.replace(0, 3, "\xEF\xBB\xBF");
        if (std::string error = writeInPlace(out.path, out.text, added.text, {file.tree, run.followSymlinks});
            !error.empty()) {
          fileErrors[i] = ReportError{out.path, 0, 0, error};
          return;
        }
        noqa[i] = {added.suppressed, added.comments};
        out.text = std::move(added.text);
        out.lines = std::make_unique<analysis::LineIndex>(out.text);
        return;
      }
      // The project index parsed and modelled most Spark files already.
      analysis::ProjectIndex::Parsed parsed = project.takeParsed(view.module, parseText);
      analysis::CheckResult result =
          parsed.tree ? analysis::checkDocument(parseText, parsed.tree.get(), settings, relative, nullptr, &view,
                                                parsed.model.get())
                      : analysis::checkText(parseText, settings, relative, nullptr, &view);
      out.diagnostics = std::move(result.diagnostics);
      if (result.syntaxError)
        warnings[i] = fmt::format("{}:{}:{}: syntax error; findings inside the broken code are skipped",
                                  out.path, result.syntaxError->line + 1, result.syntaxError->column + 1);
    } catch (const std::exception& e) {
      fileErrors[i] = ReportError{out.path, 0, 0, fmt::format("internal error while checking: {}", e.what())};
    }
  };
  // Names of one file (links, hard links) are fixed one after the other, in
  // path order: the first fixes it, the others find it fixed.
  std::vector<std::vector<std::size_t>> groups = sameFileGroups(discovered.files, fixing || run.addNoqa);
  support::parallelFor(groups.size(), jobs, [&](std::size_t g) {
    for (std::size_t i : groups[g]) process(i);
  });

  std::size_t fileProblems = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (fileErrors[i]) {
      report.errors.push_back(std::move(*fileErrors[i]));
      ++fileProblems;
      continue;
    }
    ++report.filesChecked;
    if (!warnings[i].empty()) fmt::print(stderr, "warning: {}\n", warnings[i]);
    report.files.push_back(std::move(results[i]));
  }
  if (run.runtimeRecords) {
    mergeRuntimeRecords(report, *run.runtimeRecords);
    auto heat = [](const FileReport& f) {
      long long n = 0;
      for (const auto& d : f.diagnostics) n = std::max(n, d.runtime ? d.runtime->count : 0LL);
      return n;
    };
    std::stable_sort(report.files.begin(), report.files.end(),
                     [&](const FileReport& a, const FileReport& b) { return heat(a) > heat(b); });
  }
  std::string fixSummary;
  if (fixing) fixSummary = summarizeFixes(fixes, report, fixOptions, fileProblems);
  for (const auto& error : report.errors) fmt::print(stderr, "error: {}\n", error.line());

  // `fix -` prints the fixed source on stdout, and so the report on stderr.
  const bool sourceOut = run.stdinText && fixing && !fixOptions.diff;
  std::FILE* reportOut = sourceOut ? stderr : stdout;
  if (sourceOut && !fixes.empty()) std::fwrite(fixes[0].text.data(), 1, fixes[0].text.size(), stdout);
  if (run.write) {
    run.write(report);
  } else if (fixing && fixOptions.diff) {
    for (const auto& f : fixes) std::fputs(f.diff.c_str(), stdout);
  } else if (run.format == "text" || run.format == "concise")
    writeText(report, run.options, reportOut);
  else if (run.format == "json")
    writeJson(report, run.options, reportOut);
  else if (run.format == "sarif")
    writeSarif(report, run.options, reportOut);
  else if (run.format == "junit")
    writeJunit(report, run.options, reportOut);
  else if (run.format == "gitlab")
    writeGitlab(report, run.options, reportOut);
  else
    writeGithub(report, run.options, reportOut);
  const bool textOut = (run.format == "text" || run.format == "concise") && !fixOptions.diff;
  if (fixing) fmt::print(textOut ? reportOut : stderr, "{}\n", fixSummary);
  if (fixing && run.options.showFixes) writeFixEnumeration(fixes, textOut ? reportOut : stderr);
  if (run.addNoqa) {
    int suppressed = 0, comments = 0;
    for (const auto& n : noqa) {
      suppressed += n.suppressed;
      comments += n.comments;
    }
    std::size_t left = 0;
    for (const auto& file : report.files) left += file.diagnostics.size();
    fmt::print(textOut ? reportOut : stderr, "Added {} noqa comment{} ({} finding{} suppressed{}).\n", comments,
               comments == 1 ? "" : "s", suppressed, suppressed == 1 ? "" : "s",
               left ? fmt::format("; {} could not be, as a comment there would change the code or not parse", left)
                    : "");
  }
  std::fflush(stdout);

  std::size_t findings = 0;
  for (const auto& file : report.files) findings += file.diagnostics.size();
  if (configError) return kExitUsage;
  if (fileProblems > 0 || !discovered.problems.empty()) return kExitFindings;
  return findings > 0 && !run.exitZero ? kExitFindings : kExitClean;
}

}  // namespace

int checkWith(const std::vector<std::string>& inputs, analysis::ConfigResolver& resolver, unsigned jobs,
              const std::vector<RuntimeRecord>* runtimeRecords, const std::function<void(const Report&)>& write) {
  CheckRun run;
  run.inputs = inputs;
  run.jobs = jobs;
  if (runtimeRecords) run.runtimeRecords = *runtimeRecords;
  run.write = write;
  return checkOnce(run, resolver);
}

int runCheckOrFix(int argc, char** argv, bool fixCommand) {
  const char* command = fixCommand ? "fix" : "check";
  Args args;
  std::vector<OptionSpec> specs = settingsOptionSpecs();
  specs.insert(specs.end(), {{"output-format", true}, {"statistics", false},   {"runtime-report", true},
                             {"exit-zero", false},    {"jobs", true},          {"color", true},
                             {"help", false},         {"h", false},            {"fix", false},
                             {"unsafe-fixes", false}, {"diff", false},         {"llm", false},
                             {"apply", false},        {"no-cache", false},     {"llm-cached", false},     {"follow-symlinks", false},
                             {"stdin-filename", true}, {"show-fixes", false},  {"add-noqa", false},
                             {"show-settings", false}, {"watch", false}});
  if (!args.parse(argc, argv, 2, specs)) {
    fmt::print(stderr, "sparkmigrate {}: {}\n{}\n", command, args.error(), kUsage);
    return kExitUsage;
  }
  if (args.has("help") || args.has("h")) {
    fmt::print("{}\n", kUsage);
    return kExitClean;
  }
  auto usageError = [command](const std::string& message) {
    fmt::print(stderr, "sparkmigrate {}: {}\n", command, message);
    return kExitUsage;
  };
  CheckRun run;
  run.fixing = fixCommand || args.has("fix");
  run.fixOptions.diff = args.has("diff");
  run.fixOptions.unsafeFixes = args.has("unsafe-fixes");
  run.followSymlinks = args.has("follow-symlinks");
  run.addNoqa = args.has("add-noqa");
  run.exitZero = args.has("exit-zero");
  const bool watch = args.has("watch");
  if (!run.fixing && (run.fixOptions.diff || (run.followSymlinks && !run.addNoqa)))
    return usageError("--diff and --follow-symlinks need --fix (or `sparkmigrate fix`)");
  if (run.fixing && args.has("runtime-report"))
    return usageError("--runtime-report cannot be combined with fixing");
  const bool llmFix = args.has("llm");
  if (llmFix && !fixCommand) return usageError("--llm is an option of `sparkmigrate fix`");
  if (args.has("apply") && !llmFix) return usageError("--apply goes with --llm (plain `fix` writes by default)");
  if (args.has("llm-cached") && (!llmFix || args.has("no-cache")))
    return usageError("--llm-cached goes with --llm, and not with --no-cache");
  if (llmFix && (run.fixOptions.diff || run.fixOptions.unsafeFixes || args.has("statistics")))
    return usageError("--llm cannot be combined with --diff, --unsafe-fixes or --statistics");
  if (run.addNoqa && (run.fixing || llmFix || watch))
    return usageError("--add-noqa cannot be combined with fixing or --watch");
  if (watch && (run.fixing || llmFix)) return usageError("--watch checks; it cannot be combined with fixing");

  analysis::Overrides overrides;
  if (std::string problem = overridesFromArgs(args, overrides); !problem.empty()) return usageError(problem);

  run.format = args.value("output-format").value_or("text");
  if (llmFix && run.format != "text" && run.format != "json") return usageError("--llm prints text or json");
  static const std::set<std::string> kFormats = {"text", "concise", "json", "sarif", "github", "junit", "gitlab"};
  if (!kFormats.count(run.format))
    return usageError("--output-format must be text, concise, json, sarif, github, junit or gitlab");
  auto jobs = jobsOption(args, support::defaultJobs());
  if (!jobs) return usageError("--jobs must be a positive number");
  run.jobs = *jobs;
  auto color = colorOption(args);
  if (!color) return usageError("--color must be auto, always or never");
  run.options.statistics = args.has("statistics");
  run.options.concise = run.format == "concise";
  run.options.unsafeFixes = run.fixOptions.unsafeFixes;
  run.options.showFixes = args.has("show-fixes");
  run.options.fixing = run.fixing;
  run.options.color = *color;

  run.inputs = args.positionals();
  if (run.inputs.empty()) run.inputs.push_back(".");
  const bool stdinMode = std::find(run.inputs.begin(), run.inputs.end(), "-") != run.inputs.end();
  if (stdinMode && run.inputs.size() > 1) return usageError("`-` (standard input) cannot be combined with paths");
  if (args.has("stdin-filename") && !stdinMode) return usageError("--stdin-filename goes with `-` as the path");
  if (stdinMode && (watch || run.addNoqa))
    return usageError("`-` (standard input) cannot be combined with --watch or --add-noqa");
  if (stdinMode && llmFix && args.has("apply") && run.format == "json")
    return usageError("`fix --llm --apply -` prints the source; it cannot print json too");

  if (auto path = args.value("runtime-report")) {
    auto records = readRuntimeReport(*path, overrides.maxFileSize.value_or(analysis::kDefaultMaxFileSize));
    if (!records) return usageError(records.error().message);
    run.runtimeRecords = std::move(*records);
  }

  analysis::ConfigResolver resolver(overrides);
  if (args.has("show-settings")) {
    std::string target = stdinMode ? args.value("stdin-filename").value_or("-") : run.inputs.front();
    analysis::DiscoveryResult found = analysis::discoverFiles({target}, resolver);
    std::string shown = stdinMode || found.files.empty() ? target : found.files.front().path.string();
    writeSettings(shown, resolver.forFile(shown));
    return kExitClean;
  }
  if (stdinMode) {
    run.stdinName = args.value("stdin-filename").value_or("-");
    const auto& settings = *resolver.forFile(stdinSettingsPath(run.stdinName)).settings;
    ReadResult source = readStdin(run.stdinName, settings.maxFileSize);
    if (source.error) {
      fmt::print(stderr, "error: {}\n", source.error->line());
      return kExitFindings;
    }
    run.stdinText = std::move(source.text);
    run.fixOptions.noWrite = true;
  }

  if (llmFix) {
    analysis::DiscoveryResult discovered =
        stdinMode ? stdinDiscovery(run.stdinName, resolver) : analysis::discoverFiles(run.inputs, resolver);
    Report report;
    std::set<std::string> problems;
    for (const auto& file : discovered.files)
      if (!file.settings.problem.empty() && problems.insert(file.settings.problem).second)
        fmt::print(stderr, "error: {}\n", file.settings.problem);
    if (!problems.empty()) return kExitUsage;  // never send code under a configuration we could not read
    for (const auto& problem : discovered.problems)
      report.errors.push_back({problem.path, 0, 0, problem.message});
    LlmRunOptions llm;
    llm.followSymlinks = run.followSymlinks;
    llm.apply = args.has("apply");
    llm.format = run.format;
    llm.useCache = !args.has("no-cache");
    llm.progress = run.format == "text";
    llm.cachedOnly = args.has("llm-cached");
    llm.stdinText = run.stdinText;
    return runLlmFix(discovered, report, llm);
  }
  if (!watch) return checkOnce(run, resolver);

  // --watch: check, then again whenever a checked file, its folder or its
  // configuration changes (polled twice a second), until interrupted.
  for (;;) {
    std::uint64_t state = watchedState(run.inputs, resolver);
    std::time_t now = std::time(nullptr);
    char clock[16];
    std::strftime(clock, sizeof clock, "%H:%M:%S", std::localtime(&now));
    fmt::print("[{}] Checking...\n", clock);
    std::fflush(stdout);
    checkOnce(run, resolver);
    fmt::print("Watching for changes (Ctrl-C to stop).\n");
    std::fflush(stdout);
    do {
      ::usleep(500 * 1000);
      resolver.clear();
    } while (watchedState(run.inputs, resolver) == state);
  }
}

}  // namespace sparkmigrate::cli
