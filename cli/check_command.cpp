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
#include "support/size.h"
#include "support/thread_pool.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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
       sparkmigrate fix [--unsafe-fixes] [--diff] [options] [PATH...]
       sparkmigrate fix --llm [--apply] [--llm-* options] [options] [PATH...]

Finds PySpark code that breaks or changes behaviour under Spark Connect;
`fix` (or `check --fix`) also applies the automatic fixes (docs/fixes.md).
PATH defaults to the current folder; folders are searched recursively.

options:
  --target-version V     Spark Connect version to target: 3.4 3.5 4.0 4.1 4.2 4.3 (default 3.5)
  --select CODES         only these rules (codes or prefixes, comma-separated; ALL for every rule)
  --extend-select CODES  add rules to the selection
  --ignore CODES         skip these rules
  --extend-ignore CODES  skip these rules too
  --platform P           oss or databricks (databricks enables the Databricks-only rules)
  --output-format F      text, json, sarif or github (default text)
  --statistics           print counts per rule instead of findings (text and json)
  --runtime-report FILE  merge a report written by the runtime shim
  --exit-zero            exit 0 even when findings are found (not when a file could not be checked)
  --isolated             ignore pyproject.toml files
  --max-file-size SIZE   files larger than this are not read and reported as errors: bytes, or
                         e.g. 16MiB, 500KB; 0 for no limit (default 16MiB, max-file-size)
  --jobs N               parallel workers (default: number of cores)
  --color WHEN           auto, always or never (default auto: colour on a terminal)
  --fix                  apply the safe fixes (same as `sparkmigrate fix`)
  --unsafe-fixes         with --fix: also apply the unsafe fixes
  --diff                 with --fix: print a unified diff instead of writing files
  --follow-symlinks      with --fix: also write files that symbolic links lead to outside the
                         folders given (and the folders of the files given)

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
  -h, --help             show this help

exit status: 0 no problems, 1 problems found or files that could not be checked (or fixed),
2 usage or configuration error)";

std::optional<std::vector<std::string>> selectors(const Args& args, const std::string& name,
                                                  std::string& error);

}  // namespace

ReadResult readSource(const analysis::DiscoveredFile& file) {
  ReadResult result;
  analysis::FileText read = analysis::readSourceFile(file.path, file.settings.settings->maxFileSize);
  if (read.error.empty()) {
    result.text = std::move(read.text);
    return result;
  }
  ReportError error{file.path.string(), 0, 0, read.error + ", not checked"};
  if (read.errorAt) {  // the text is not UTF-8: the column counts bytes
    error.row = read.errorAt->line + 1;
    error.column = read.errorAt->column + 1;
  }
  result.error = std::move(error);
  return result;
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
          {"llm-max-tokens", true}, {"max-file-size", true}};
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
  if (auto v = args.value("max-file-size")) {
    overrides.maxFileSize = support::parseByteSize(*v);
    if (!overrides.maxFileSize) return "--max-file-size " + std::string(support::kByteSizeHelp);
  }
  return llmOverridesFromArgs(args, overrides.llm);
}

int runCheck(int argc, char** argv) {
  return runCheckOrFix(argc, argv, false);
}

int runCheckOrFix(int argc, char** argv, bool fixCommand) {
  const char* command = fixCommand ? "fix" : "check";
  Args args;
  std::vector<OptionSpec> specs = settingsOptionSpecs();
  specs.insert(specs.end(), {{"output-format", true}, {"statistics", false},   {"runtime-report", true},
                             {"exit-zero", false},    {"jobs", true},          {"color", true},
                             {"help", false},         {"h", false},            {"fix", false},
                             {"unsafe-fixes", false}, {"diff", false},         {"llm", false},
                             {"apply", false},        {"no-cache", false},     {"follow-symlinks", false}});
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
  const bool fixing = fixCommand || args.has("fix");
  FixRunOptions fixOptions;
  fixOptions.diff = args.has("diff");
  fixOptions.unsafeFixes = args.has("unsafe-fixes");
  const bool followSymlinks = args.has("follow-symlinks");
  if (!fixing && (fixOptions.diff || fixOptions.unsafeFixes || followSymlinks))
    return usageError("--diff, --unsafe-fixes and --follow-symlinks need --fix (or `sparkmigrate fix`)");
  if (fixing && args.has("runtime-report"))
    return usageError("--runtime-report cannot be combined with fixing");
  const bool llmFix = args.has("llm");
  if (llmFix && !fixCommand) return usageError("--llm is an option of `sparkmigrate fix`");
  if (args.has("apply") && !llmFix) return usageError("--apply goes with --llm (plain `fix` writes by default)");
  if (llmFix && (fixOptions.diff || fixOptions.unsafeFixes || args.has("statistics")))
    return usageError("--llm cannot be combined with --diff, --unsafe-fixes or --statistics");

  analysis::Overrides overrides;
  if (std::string problem = overridesFromArgs(args, overrides); !problem.empty()) return usageError(problem);

  std::string format = args.value("output-format").value_or("text");
  if (llmFix && format != "text" && format != "json") return usageError("--llm prints text or json");
  if (format != "text" && format != "json" && format != "sarif" && format != "github")
    return usageError("--output-format must be text, json, sarif or github");
  unsigned jobs = support::defaultJobs();
  if (auto j = args.value("jobs")) {
    try {
      int n = std::stoi(*j);
      if (n < 1) throw std::invalid_argument("jobs");
      jobs = static_cast<unsigned>(n);
    } catch (const std::exception&) {
      return usageError("--jobs must be a positive number");
    }
  }
  std::string colorMode = args.value("color").value_or("auto");
  if (colorMode != "auto" && colorMode != "always" && colorMode != "never")
    return usageError("--color must be auto, always or never");
  OutputOptions options;
  options.statistics = args.has("statistics");
  options.color =
      colorMode == "always" || (colorMode == "auto" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));

  std::vector<std::string> inputs = args.positionals();
  if (inputs.empty()) inputs.push_back(".");

  std::optional<std::vector<RuntimeRecord>> runtimeRecords;
  if (auto path = args.value("runtime-report")) {
    auto records = readRuntimeReport(*path, overrides.maxFileSize.value_or(analysis::kDefaultMaxFileSize));
    if (!records) return usageError(records.error().message);
    runtimeRecords = std::move(*records);
  }

  analysis::ConfigResolver resolver(overrides);
  analysis::DiscoveryResult discovered = analysis::discoverFiles(inputs, resolver);

  Report report;
  if (llmFix) {
    std::set<std::string> problems;
    for (const auto& file : discovered.files)
      if (!file.settings.problem.empty() && problems.insert(file.settings.problem).second)
        fmt::print(stderr, "error: {}\n", file.settings.problem);
    if (!problems.empty()) return kExitUsage;  // never send code under a configuration we could not read
    for (const auto& problem : discovered.problems)
      report.errors.push_back({problem.path, 0, 0, problem.message});
    LlmRunOptions llm;
    llm.followSymlinks = followSymlinks;
    llm.apply = args.has("apply");
    llm.format = format;
    llm.useCache = !args.has("no-cache");
    llm.progress = format == "text";
    return runLlmFix(discovered, report, llm);
  }
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
  std::vector<std::filesystem::path> paths;
  for (const auto& file : discovered.files) paths.push_back(file.path);
  const analysis::ProjectIndex project =
      analysis::indexFiles(paths, overrides.maxFileSize.value_or(analysis::kDefaultMaxFileSize), jobs);

  std::vector<FileReport> results(discovered.files.size());
  std::vector<std::optional<ReportError>> fileErrors(discovered.files.size());
  std::vector<std::string> warnings(discovered.files.size());
  std::vector<FileFixResult> fixes(fixing ? discovered.files.size() : 0);
  auto process = [&](std::size_t i) {
    const auto& file = discovered.files[i];
    FileReport& out = results[i];
    out.path = file.path.string();
    try {
      ReadResult source = readSource(file);
      if (source.error) {
        fileErrors[i] = std::move(source.error);
        return;
      }
      out.text = std::move(source.text);
      std::string parseText = out.text;
      if (parseText.rfind("\xEF\xBB\xBF", 0) == 0) parseText.replace(0, 3, "   ");  // keep offsets
      out.lines = std::make_unique<analysis::LineIndex>(out.text);
      const analysis::Settings& settings = *file.settings.settings;
      const analysis::ProjectView view = analysis::ProjectView::forFile(&project, file.path);
      if (fixing) {
        FileFixResult& fixed = fixes[i];
        fixed = fixFile(out.path, out.text, settings, analysis::relativeTo(settings, file.path),
                        {file.tree, followSymlinks}, fixOptions, &view);
        out.text = fixed.text;
        out.lines = std::make_unique<analysis::LineIndex>(out.text);
        out.diagnostics = std::move(fixed.remaining);
        return;
      }
      // The project index parsed most Spark files already.
      std::string relative = analysis::relativeTo(settings, file.path);
      analysis::TreePtr tree = project.takeTree(view.module, parseText);
      analysis::CheckResult result =
          tree ? analysis::checkDocument(parseText, tree.get(), settings, relative, nullptr, &view)
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
  std::vector<std::vector<std::size_t>> groups = sameFileGroups(discovered.files, fixing);
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
  if (runtimeRecords) {
    mergeRuntimeRecords(report, *runtimeRecords);
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

  if (fixing && fixOptions.diff) {
    for (const auto& f : fixes) std::fputs(f.diff.c_str(), stdout);
  } else if (format == "text")
    writeText(report, options, stdout);
  else if (format == "json")
    writeJson(report, options, stdout);
  else if (format == "sarif")
    writeSarif(report, options, stdout);
  else
    writeGithub(report, options, stdout);
  if (fixing) fmt::print(format == "text" && !fixOptions.diff ? stdout : stderr, "{}\n", fixSummary);
  std::fflush(stdout);

  std::size_t findings = 0;
  for (const auto& file : report.files) findings += file.diagnostics.size();
  if (configError) return kExitUsage;
  if (fileProblems > 0 || !discovered.problems.empty()) return kExitFindings;
  return findings > 0 && !args.has("exit-zero") ? kExitFindings : kExitClean;
}

}  // namespace sparkmigrate::cli
