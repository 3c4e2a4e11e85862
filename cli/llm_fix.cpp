// `sparkmigrate fix --llm PATHS`: for every finding that has no mechanical
// fix, ask the configured model for a rewrite of the finding's region (the
// loop in migrate/), file by file and region by region, each validated on
// the text it applies to. Prints the validated rewrites as a unified diff (or
// writes them in place with --apply) and every rejection with its reason;
// `--output-format json` prints {"suggestions": [...], "errors": [...]}. Ctrl-C stops the
// request in flight and writes nothing.
#include "analysis/diff.h"
#include "analysis/migration.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/report.h"
#include "migrate/migrate.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <map>

namespace sparkmigrate::cli {
namespace {

support::CancellationToken& interruptToken() {
  static support::CancellationToken token;
  return token;
}

extern "C" void onInterrupt(int) {
  interruptToken().cancel();  // a lock-free atomic store
}

// Maps offsets in the progressively rewritten text back to the original,
// given the edits applied so far (in original offsets, with their new size).
class OffsetMap {
 public:
  void add(const analysis::Edit& originalEdit) {
    auto at = std::upper_bound(applied_.begin(), applied_.end(), originalEdit.range.start,
                               [](std::uint32_t start, const analysis::Edit& e) { return start < e.range.start; });
    applied_.insert(at, originalEdit);
  }
  std::uint32_t toOriginal(std::uint32_t current) const {
    long long shift = 0;
    for (const auto& e : applied_) {
      long long currentEnd = e.range.start + shift + static_cast<long long>(e.text.size());
      if (currentEnd > current) break;
      shift += static_cast<long long>(e.text.size()) - (e.range.end - e.range.start);
    }
    return static_cast<std::uint32_t>(current - shift);
  }

 private:
  std::vector<analysis::Edit> applied_;  // by original position; they never overlap
};

struct Suggestion {
  std::string path;
  analysis::Diagnostic finding;  // positions in the original text
  migrate::Outcome outcome;
  std::vector<analysis::Edit> edits;  // validated: on the original text
  std::string model;
};

nlohmann::json point(const FileReport& file, std::uint32_t offset) {
  RowColumn at = rowColumn(file, file.lines->pointAt(offset));
  return {{"row", at.row}, {"column", at.column}};
}

}  // namespace

std::string llmOverridesFromArgs(const Args& args, analysis::LlmOverrides& llm) {
  if (auto v = args.value("llm-backend")) llm.backend = *v;
  if (auto v = args.value("llm-base-url")) llm.baseUrl = *v;
  if (auto v = args.value("llm-model")) llm.model = *v;
  if (auto v = args.value("llm-api-key-env")) llm.apiKeyEnv = *v;
  try {
    if (auto v = args.value("llm-timeout")) llm.timeout = std::stod(*v);
    if (auto v = args.value("llm-max-attempts")) llm.maxAttempts = std::stoi(*v);
    if (auto v = args.value("llm-repairs")) llm.repairs = std::stoi(*v);
    if (auto v = args.value("llm-max-tokens")) llm.maxTokens = std::stoi(*v);
  } catch (const std::exception&) {
    return "--llm-timeout, --llm-max-attempts, --llm-repairs and --llm-max-tokens take numbers";
  }
  if (args.has("llm-stream")) llm.stream = true;
  if (args.has("llm-no-stream")) llm.stream = false;
  std::string problem = analysis::validateLlmOverrides(llm);
  return problem.empty() ? "" : "--llm options: " + problem;
}

int runLlmFix(const analysis::DiscoveryResult& discovered, Report& report, const LlmRunOptions& options) {
  // Every file's backend is known before anything is sent.
  std::map<std::string, llm::BackendConfig> configs;  // by file path
  for (const auto& file : discovered.files) {
    auto config = migrate::backendConfig(file.settings.settings->llm, "", !options.cachedOnly);
    if (!config) {
      fmt::print(stderr, "sparkmigrate fix --llm: {}\n", config.error().message);
      return kExitUsage;
    }
    configs.emplace(file.path.string(), *config);
  }
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  const support::CancellationToken& cancel = interruptToken();
  migrate::Options loop;
  loop.cancel = &cancel;
  if (options.useCache) loop.cacheDir = migrate::defaultCacheDir();
  loop.cachedOnly = options.cachedOnly;

  std::vector<Suggestion> suggestions;
  std::map<std::string, std::string> finalText;
  std::map<std::string, std::filesystem::path> trees;  // by file path
  std::map<std::string, std::unique_ptr<llm::Backend>> backends;  // by description
  std::size_t fileProblems = 0, notCached = 0;
  for (const auto& file : discovered.files) {
    if (cancel.cancelled()) break;
    std::string path = file.path.string();
    ReadResult source = options.stdinText ? ReadResult{*options.stdinText, std::nullopt} : readSource(file);
    if (source.error) {
      report.errors.push_back(std::move(*source.error));
      ++fileProblems;
      continue;
    }
    trees[path] = file.tree;
    const analysis::Settings& settings = *file.settings.settings;
    std::string relative = analysis::relativeTo(settings, file.path);
    llm::BackendConfig& config = configs[path];
    std::string key = fmt::format("{}|{}|{}", llm::providerName(config.provider), config.baseUrl, config.model);
    auto& backend = backends[key];
    if (!backend) backend = llm::makeBackend(config);
    loop.repairs = settings.llm.repairs;

    // A UTF-8 BOM stays out of the analysis and is put back on write.
    const bool bom = source.text.rfind("\xEF\xBB\xBF", 0) == 0;
    const std::string original = bom ? source.text.substr(3) : source.text;
    std::string text = original;
    OffsetMap offsets;
    // Functions and methods first, then module-level code: once the functions
    // no longer use a module-level `sc`, its line has a rule fix of its own.
    std::uint32_t cursor = 0;  // regions before this offset (current text) are done
    bool functions = true;
    while (!cancel.cancelled()) {
      analysis::TreePtr tree = analysis::parsePython(text);
      analysis::CheckResult check = analysis::checkDocumentIncremental(text, tree.get(), settings, relative, nullptr);
      analysis::ParentIndex parents(ts_tree_root_node(tree.get()));
      const analysis::Diagnostic* target = nullptr;
      for (const auto& d : check.diagnostics) {
        if (d.range.start < cursor || !migrate::needsJudgement(d)) continue;
        std::string kind =
            analysis::migrationRegion(text, ts_tree_root_node(tree.get()), check.notebook, d.range.start).kind;
        if ((kind == "function" || kind == "method") == functions) {
          target = &d;
          break;
        }
      }
      if (!target && functions) {
        functions = false;
        cursor = 0;
        continue;
      }
      if (!target) break;
      if (options.progress)
        fmt::print(stderr, "{} {} about {} at {}:{}:{}\n", options.cachedOnly ? "looking up the answers of" : "asking",
                   config.model, target->code, path, target->start.line + 1, target->start.column + 1);
      migrate::Outcome outcome =
          // The prompt names the file by its project-relative path, as the language server
          // does: answers cached by either serve both, whatever the working folder.
          migrate::migrateFinding(*backend, text, tree.get(), check, *target, settings, relative, relative, loop);
      Suggestion s;
      s.path = path;
      s.model = config.model;
      s.finding = *target;
      std::uint32_t start = offsets.toOriginal(target->range.start), end = offsets.toOriginal(target->range.end);
      s.finding.range = {start, end};
      const analysis::ByteRange region = outcome.task.region.range;
      if (outcome.validated) {
        for (const auto& e : outcome.edits) {
          analysis::Edit mapped{{offsets.toOriginal(e.range.start), offsets.toOriginal(e.range.end)}, e.text};
          s.edits.push_back(mapped);
        }
        for (const auto& e : s.edits) offsets.add(e);
        std::size_t before = text.size();
        text = outcome.patched;
        cursor = static_cast<std::uint32_t>(region.end + text.size() - before);
      } else {
        cursor = std::max<std::uint32_t>(region.end, target->range.end);
      }
      if (outcome.reasonKind == "not-cached") {  // not asked, so neither validated nor rejected
        ++notCached;
        continue;
      }
      s.outcome = std::move(outcome);
      suggestions.push_back(std::move(s));
    }
    if (text != original) finalText[path] = bom ? "\xEF\xBB\xBF" + text : text;
    FileReport shown;
    shown.path = path;
    shown.text = source.text;
    shown.lines = std::make_unique<analysis::LineIndex>(source.text);
    report.files.push_back(std::move(shown));
  }
  if (cancel.cancelled()) {
    fmt::print(stderr, "sparkmigrate fix --llm: cancelled; nothing was written\n");
    return 130;
  }

  // Write (with --apply) or show.
  std::size_t written = 0;
  std::string diff;
  if (options.stdinText && options.apply && !report.files.empty()) {  // `fix --llm --apply -`
    auto changed = finalText.find(report.files.front().path);
    const std::string& out = changed == finalText.end() ? report.files.front().text : changed->second;
    std::fwrite(out.data(), 1, out.size(), stdout);
    finalText.clear();
  }
  for (const auto& [path, text] : finalText) {
    const FileReport* file = nullptr;
    for (const auto& f : report.files)
      if (f.path == path) file = &f;
    if (options.apply) {
      std::string error = writeInPlace(path, file->text, text, {trees[path], options.followSymlinks});
      if (!error.empty()) {
        report.errors.push_back({path, 0, 0, error});
        ++fileProblems;
      } else {
        ++written;
      }
    } else {
      diff += analysis::unifiedDiff(file->text, text, path);
    }
  }

  std::size_t validated = 0, rejected = 0;
  std::map<std::string, int> reasons;
  for (const auto& s : suggestions) {
    if (s.outcome.validated) {
      ++validated;
    } else {
      ++rejected;
      ++reasons[s.outcome.reasonKind];
    }
  }
  auto fileOf = [&](const std::string& path) -> const FileReport& {
    for (const auto& f : report.files)
      if (f.path == path) return f;
    return report.files.front();
  };
  if (options.format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : suggestions) {
      const FileReport& file = fileOf(s.path);
      std::error_code ec;
      nlohmann::json edits = nlohmann::json::array();
      for (const auto& e : s.edits)
        edits.push_back({{"content", e.text},
                         {"location", point(file, e.range.start)},
                         {"end_location", point(file, e.range.end)}});
      nlohmann::json fixed = nlohmann::json::array();
      for (const auto& d : s.outcome.fixed) fixed.push_back(d.code);
      list.push_back({{"filename", std::filesystem::absolute(s.path, ec).lexically_normal().string()},
                      {"code", s.finding.code},
                      {"message", s.finding.message},
                      {"location", point(file, s.finding.range.start)},
                      {"end_location", point(file, s.finding.range.end)},
                      {"region",
                       {{"kind", s.outcome.task.region.kind},
                        {"name", s.outcome.task.region.name},
                        {"start_row", s.outcome.task.region.start.line + 1},
                        {"end_row", s.outcome.task.region.end.line}}},
                      {"status", s.outcome.validated ? "validated" : "rejected"},
                      {"reason", s.outcome.validated ? nlohmann::json(nullptr) : nlohmann::json(s.outcome.reason)},
                      {"reason_kind",
                       s.outcome.validated ? nlohmann::json(nullptr) : nlohmann::json(s.outcome.reasonKind)},
                      {"attempts", s.outcome.attempts},
                      {"cached", s.outcome.fromCache},
                      {"fixes", fixed},
                      {"edits", edits},
                      {"model", s.model}});
    }
    nlohmann::json errors = nlohmann::json::array();  // files not read or not written, as on stderr
    for (const auto& error : report.errors)
      errors.push_back(
          {{"filename", error.path.empty() ? nlohmann::json(nullptr) : nlohmann::json(error.path)},
           {"message", error.line()}});
    std::string out = nlohmann::json{{"suggestions", list}, {"errors", errors}}.dump(
        2, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fprintf(stdout, "%s\n", out.c_str());
  } else {
    std::fputs(diff.c_str(), stdout);
  }
  for (const auto& s : suggestions) {
    if (s.outcome.validated) continue;
    RowColumn at = rowColumn(fileOf(s.path), fileOf(s.path).lines->pointAt(s.finding.range.start));
    fmt::print(stderr, "{}:{}:{}: {} rejected after {} request{} ({}): {}\n", s.path, at.row, at.column,
               s.finding.code, s.outcome.attempts, s.outcome.attempts == 1 ? "" : "s", s.outcome.reasonKind,
               s.outcome.reason);
  }
  for (const auto& error : report.errors) fmt::print(stderr, "error: {}\n", error.line());
  std::string tally;
  for (const auto& [kind, n] : reasons) tally += fmt::format("{}{} {}", tally.empty() ? "" : ", ", kind, n);
  std::string summary = fmt::format("LLM: {} validated, {} rejected{}", validated, rejected,
                                    tally.empty() ? "" : " (" + tally + ")");
  if (options.cachedOnly) summary += fmt::format(", {} not in the cache", notCached);
  if (options.stdinText && options.apply) summary += "; the source is on standard output";
  else if (options.apply) summary += fmt::format("; {} file{} written", written, written == 1 ? "" : "s");
  else if (validated) summary += "; run with --apply to write the validated rewrites";
  fmt::print(stderr, "{}\n", summary);
  std::fflush(stdout);
  if (rejected || fileProblems || !discovered.problems.empty()) return kExitFindings;
  return kExitClean;
}

}  // namespace sparkmigrate::cli
