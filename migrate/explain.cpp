// Implementation of migration from an exception: frame resolution, the
// checks, cause ranking, the fix of the first cause, and the JSON shapes.
#include "migrate/explain.h"

#include "analysis/diff.h"
#include "analysis/discovery.h"
#include "analysis/fix.h"
#include "analysis/migration.h"
#include "analysis/rule_docs.h"
#include "migrate/migrate.h"
#include "support/utf8.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace sparkmigrate::migrate {
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

constexpr std::size_t kMaxProjectFiles = 5000;

// A Windows path as printed by a client there (Databricks Connect in an IDE),
// with '/' separators and no drive: C:\Users\me\proj\job.py -> /Users/me/proj/job.py.
std::string portablePath(std::string path) {
  if (path.find('\\') == std::string::npos) return path;
  std::replace(path.begin(), path.end(), '\\', '/');
  if (path.size() >= 2 && std::isalpha(static_cast<unsigned char>(path[0])) && path[1] == ':') path.erase(0, 2);
  return path;
}

bool isLibraryPath(std::string_view printed) {
  std::string path = portablePath(std::string(printed));
  for (std::string_view marker : {"/site-packages/", "/dist-packages/", "/pyspark/", "/lib/python3", "<frozen",
                                  "<string>", "<stdin>", "/py4j/", "/IPython/", "/ipykernel", "/Lib/"})
    if (path.find(marker) != std::string_view::npos) return true;
  return false;
}

// The file a traceback path names here: as given, relative to the root, or
// its longest suffix that exists under the root (a path from another machine).
std::string resolveFrame(const std::string& original, const fs::path& root) {
  if (original.empty() || isLibraryPath(original)) return "";
  const std::string printed = portablePath(original);
  std::error_code ec;
  fs::path given(printed);
  if (printed[0] == '~')
    if (const char* home = std::getenv("HOME"); home && printed.size() > 2) given = fs::path(home) / printed.substr(2);
  if (given.is_absolute() && fs::is_regular_file(given, ec)) return given.lexically_normal().string();
  if (!given.is_absolute() && fs::is_regular_file(root / given, ec)) return (root / given).lexically_normal().string();
  std::vector<fs::path> parts;
  for (const auto& part : given.relative_path()) parts.push_back(part);
  for (std::size_t skip = 1; skip < parts.size(); ++skip) {
    fs::path tail;
    for (std::size_t i = skip; i < parts.size(); ++i) tail /= parts[i];
    if (fs::is_regular_file(root / tail, ec)) return (root / tail).lexically_normal().string();
  }
  return "";
}

// Errors only the remote-only `pyspark-client` package (Spark 4.0+) raises:
// the client is at least 4.0, whatever the configured target.
bool fromPysparkClient(const analysis::ParsedError& error) {
  if (error.condition.empty())
    return error.recognised && (error.exceptionType == "ImportError" || error.exceptionType == "ModuleNotFoundError");
  return error.condition == "JVM_ATTRIBUTE_NOT_SUPPORTED" && (error.subject == "rdd" || error.subject == "toJSON");
}

// The settings for a file, with the rules that explain the error selected
// (opt-in and Databricks rules included) so that its cause is reported, and
// the target raised to the version the error proves.
analysis::Settings explainSettings(analysis::ConfigResolver& resolver, const fs::path& path,
                                   const analysis::ParsedError& error, const analysis::ErrorMeaning& meaning,
                                   std::string& problem) {
  analysis::ResolvedSettings resolved = resolver.forFile(path);
  problem = resolved.problem;
  analysis::Settings settings = *resolved.settings;
  for (const auto& rule : meaning.rules) settings.extendSelect.push_back(rule);
  if (meaning.databricks) settings.platform = analysis::Platform::Databricks;
  if (fromPysparkClient(error)) settings.target = std::max(settings.target, analysis::SparkVersion{4, 0});
  return settings;
}

json point(std::string_view text, const analysis::LineIndex& lines, std::uint32_t offset) {
  analysis::TextPoint p = lines.pointAt(offset);
  std::string_view line = lines.lineText(text, p.line);
  std::size_t bytes = std::min<std::size_t>(p.column, line.size());
  return {{"row", p.line + 1}, {"column", support::countCodePoints(line.substr(0, bytes)) + 1}};
}

// Findings counted by rule and flagged text, to tell the ones a fix introduced.
std::map<std::pair<std::string, std::string>, int> findingCounts(const std::string& text,
                                                                 const analysis::CheckResult& check) {
  std::map<std::pair<std::string, std::string>, int> counts;
  for (const auto& d : check.diagnostics)
    if (d.code != analysis::kUnusedSuppressionCode)
      ++counts[{d.code, text.substr(d.range.start, d.range.end - d.range.start)}];
  return counts;
}

bool introducesFindings(const std::map<std::pair<std::string, std::string>, int>& before, const std::string& text,
                        const analysis::CheckResult& check) {
  for (const auto& [key, n] : findingCounts(text, check))
    if (auto it = before.find(key); it == before.end() || it->second < n) return true;
  return false;
}

// The rule fixes of the cause's region, applied round after round as the fix
// loop does (a fix can enable another: once `sc.setLogLevel` is gone, the
// unused `sc = spark.sparkContext` can be deleted) until the cause is gone.
// Edits a fix makes outside the region (its imports) come along. A fix that
// trades the cause for a new finding (`sc = SparkContext.getOrCreate()` ->
// `sc = spark.sparkContext`, the next Connect error) is not offered; the
// whole file's fix loop (`sparkmigrate fix`) is tried instead, which can
// also rewrite the uses elsewhere.
std::optional<FixProposal> regionFix(const analysis::FrameFile& file, const analysis::Settings& settings,
                                     const std::string& relative, const analysis::Diagnostic& cause);

std::optional<FixProposal> ruleFix(const analysis::FrameFile& file, const analysis::Settings& settings,
                                   const std::string& relative, const analysis::Diagnostic& cause) {
  auto before = findingCounts(file.text, file.check);
  std::optional<FixProposal> fix = regionFix(file, settings, relative, cause);
  if (!fix) return std::nullopt;
  if (!introducesFindings(before, fix->fixedText, analysis::checkText(fix->fixedText, settings, relative))) return fix;
  const std::string flagged = file.text.substr(cause.range.start, cause.range.end - cause.range.start);
  auto occurrences = [&](const std::string& text, const std::vector<analysis::Diagnostic>& diagnostics) {
    int n = 0;
    for (const auto& d : diagnostics)
      if (d.code == cause.code && text.compare(d.range.start, d.range.end - d.range.start, flagged) == 0) ++n;
    return n;
  };
  const int initially = occurrences(file.text, file.check.diagnostics);
  for (bool unsafe : {false, true}) {
    analysis::FixOptions options;
    options.unsafe = unsafe;
    analysis::FixOutcome outcome = analysis::fixDocument(file.text, settings, relative, options);
    if (!outcome.error.empty() || outcome.text == file.text) continue;
    analysis::CheckResult check = analysis::checkText(outcome.text, settings, relative);
    if (occurrences(outcome.text, check.diagnostics) >= initially || introducesFindings(before, outcome.text, check))
      continue;
    FixProposal whole;
    whole.source = "rule";
    whole.safety = unsafe ? "unsafe" : "safe";
    whole.fixedText = outcome.text;
    for (const auto& [code, n] : outcome.fixedByCode)
      whole.guidance += (whole.guidance.empty() ? "the file's fixes (`sparkmigrate fix" +
                                                      std::string(unsafe ? " --unsafe-fixes" : "") + "`): "
                                                : ", ") +
                        fmt::format("{} {}", code, n);
    return whole;
  }
  return std::nullopt;
}

std::optional<FixProposal> regionFix(const analysis::FrameFile& file, const analysis::Settings& settings,
                                     const std::string& relative, const analysis::Diagnostic& cause) {
  analysis::TreePtr tree = analysis::parsePython(file.text);
  analysis::ParentIndex parents(ts_tree_root_node(tree.get()));
  analysis::MigrationRegion region =
      analysis::migrationRegion(file.text, ts_tree_root_node(tree.get()), file.check.notebook, cause.range.start);
  std::string flagged = file.text.substr(cause.range.start, cause.range.end - cause.range.start);
  auto occurrences = [&](const std::string& text, const analysis::CheckResult& check, analysis::ByteRange within) {
    int n = 0;
    for (const auto& d : check.diagnostics)
      if (d.code == cause.code && within.contains(d.range) &&
          text.compare(d.range.start, d.range.end - d.range.start, flagged) == 0)
        ++n;
    return n;
  };
  const int before = occurrences(file.text, file.check, region.range);
  std::string text = file.text;
  analysis::ByteRange within = region.range;
  bool unsafe = false;
  std::string guidance;
  for (int round = 0; round < 5; ++round) {
    analysis::CheckResult check = analysis::checkText(text, settings, relative);
    if (occurrences(text, check, within) < before) {
      FixProposal fix;
      fix.source = "rule";
      fix.safety = unsafe ? "unsafe" : "safe";
      fix.guidance = guidance;
      fix.fixedText = text;
      return fix;
    }
    std::vector<analysis::Edit> edits;
    for (const auto& d : check.diagnostics) {
      if (!within.contains(d.range) || !d.fix || d.fix->edits.empty() ||
          d.fix->safety == analysis::FixSafety::DisplayOnly)
        continue;
      bool overlaps = false;
      for (const auto& e : d.fix->edits)
        for (const auto& taken : edits)
          overlaps |= e.range.start < taken.range.end && taken.range.start < e.range.end;
      if (overlaps) continue;
      edits.insert(edits.end(), d.fix->edits.begin(), d.fix->edits.end());
      unsafe |= d.fix->safety == analysis::FixSafety::Unsafe;
      if (guidance.empty()) guidance = d.code + ": " + d.fix->message;
    }
    if (edits.empty()) return std::nullopt;
    std::stable_sort(edits.begin(), edits.end(), [](const auto& a, const auto& b) { return a.range.start < b.range.start; });
    long long delta = 0, beforeRegion = 0;
    for (const auto& e : edits) {
      long long change = static_cast<long long>(e.text.size()) - (e.range.end - e.range.start);
      delta += change;
      if (e.range.end <= within.start) beforeRegion += change;
    }
    text = analysis::applyEdits(text, edits);
    within.start = static_cast<std::uint32_t>(within.start + beforeRegion);
    within.end = static_cast<std::uint32_t>(within.end + delta);
  }
  return std::nullopt;
}

}  // namespace

json findingJson(const std::string& path, std::string_view text, const analysis::LineIndex& lines,
                 const analysis::Diagnostic& d) {
  json fix = nullptr;
  if (d.fix && !d.fix->edits.empty()) {
    json edits = json::array();
    for (const auto& e : d.fix->edits)
      edits.push_back({{"content", e.text},
                       {"location", point(text, lines, e.range.start)},
                       {"end_location", point(text, lines, e.range.end)}});
    fix = {{"applicability", std::string(analysis::fixSafetyName(d.fix->safety))},
           {"message", d.fix->message},
           {"edits", edits}};
  }
  std::error_code ec;
  return {{"cell", nullptr},
          {"code", d.code},
          {"end_location", point(text, lines, d.range.end)},
          {"filename", fs::absolute(path, ec).lexically_normal().string()},
          {"fix", fix},
          {"location", point(text, lines, d.range.start)},
          {"message", d.message},
          {"noqa_row", d.start.line + 1},
          {"severity", std::string(analysis::severityName(d.severity))},
          {"url", d.rule ? json(analysis::ruleUrl(*d.rule)) : json(nullptr)}};
}

ExplainResult explain(const ExplainRequest& request) {
  ExplainResult result;
  const analysis::ParsedError& error = request.error;
  result.meaning = analysis::meaningOf(error);
  analysis::ConfigResolver resolver(request.overrides);
  // An open editor's text, or the file as `check` reads it (regular files
  // within max-file-size, UTF-8 text).
  auto read = [&](const fs::path& path) -> analysis::FileText {
    if (request.openText)
      if (auto text = request.openText(path)) {
        analysis::FileText open;
        open.text = std::move(*text);
        return open;
      }
    return analysis::readSourceFile(path, resolver.forFile(path).settings->maxFileSize);
  };
  std::map<std::string, std::size_t> byPath;
  std::set<std::string> problems;
  auto addFile = [&](const std::string& path) -> analysis::FrameFile* {
    if (auto it = byPath.find(path); it != byPath.end()) return &result.files[it->second];
    analysis::FileText text = read(path);
    if (!text.error.empty()) {
      result.notes.push_back(path + ": " + text.error + "; skipped");
      byPath[path] = SIZE_MAX;
      return nullptr;
    }
    analysis::FrameFile file;
    file.path = path;
    file.text = std::move(text.text);
    byPath[path] = result.files.size();
    result.files.push_back(std::move(file));
    return &result.files.back();
  };

  // The user's frames, innermost first.
  result.framePaths.resize(error.frames.size());
  for (std::size_t i = error.frames.size(); i-- > 0;) {
    const auto& frame = error.frames[i];
    std::string path = resolveFrame(frame.file, request.root);
    if (path.empty()) continue;
    if (byPath.count(path) && byPath[path] == SIZE_MAX) continue;
    analysis::FrameFile* file = addFile(path);
    if (!file) continue;
    result.framePaths[i] = path;
    if (frame.line && std::find(file->lines.begin(), file->lines.end(), frame.line) == file->lines.end())
      file->lines.push_back(frame.line);
  }
  // No frame names a file of the user's (a bare message, a notebook cell,
  // only library frames): every file of the project is a candidate, ranked by
  // what the error names. When the user's files are named but not found
  // under the root, the root is wrong: guessing would blame another file.
  bool namesUserFiles = false;
  for (const auto& frame : error.frames) namesUserFiles |= !frame.file.empty() && !isLibraryPath(frame.file);
  if (result.files.empty() && error.recognised && !namesUserFiles) {
    analysis::DiscoveryResult discovered = analysis::discoverFiles({request.root.string()}, resolver);
    for (const auto& f : discovered.files) {
      if (result.files.size() >= kMaxProjectFiles) break;
      addFile(f.path.string());
    }
  }
  for (auto& file : result.files) {
    if (request.cancel && request.cancel->cancelled()) break;
    std::string problem;
    analysis::Settings settings = explainSettings(resolver, file.path, error, result.meaning, problem);
    if (!problem.empty() && problems.insert(problem).second) result.notes.push_back(problem + " (using the defaults)");
    file.check = analysis::checkText(file.text, settings, analysis::relativeTo(settings, file.path));
  }
  if (!error.recognised) return result;
  result.causes = analysis::rankCauses(error, result.files);
  if (result.causes.empty()) return result;

  // The fix of the first cause.
  const analysis::Cause& cause = result.causes.front();
  const analysis::FrameFile& file = result.files[cause.file];
  const analysis::Diagnostic& d = cause.finding;
  std::string problem;
  analysis::Settings settings = explainSettings(resolver, file.path, error, result.meaning, problem);
  FixProposal fix;
  if (auto mechanical = ruleFix(file, settings, analysis::relativeTo(settings, file.path), d)) {
    fix = std::move(*mechanical);
  } else {
    fix.guidance = d.rule ? d.rule->fix.message : "";
    if (!settings.llm.backend.empty()) {
      auto config = backendConfig(settings.llm, request.apiKey);
      if (!config) {
        fix.guidance = config.error().message;
      } else {
        auto backend = llm::makeBackend(*config);
        analysis::TreePtr tree = analysis::parsePython(file.text);
        std::string relative = analysis::relativeTo(settings, file.path);
        analysis::CheckResult check =
            analysis::checkDocumentIncremental(file.text, tree.get(), settings, relative, nullptr);
        const analysis::Diagnostic* target = nullptr;
        for (const auto& c : check.diagnostics)
          if (c.code == d.code && c.range == d.range) target = &c;
        if (target) {
          Options options;
          options.repairs = settings.llm.repairs;
          options.cancel = request.cancel;
          if (request.useCache) options.cacheDir = defaultCacheDir();
          Outcome outcome = migrateFinding(*backend, file.text, tree.get(), check, *target, settings, relative,
                                           file.path, options);
          if (outcome.validated) {
            fix.source = "model";
            fix.safety = "validated";
            fix.fixedText = outcome.patched;
            fix.guidance = fmt::format("rewritten by {} and validated", config->model);
          } else {
            std::string note = fmt::format("{} could not migrate it ({}): {}", config->model, outcome.reasonKind,
                                           outcome.reason);
            fix.guidance = fix.guidance.empty() ? note : fix.guidance + " (" + note + ")";
          }
        }
      }
    }
  }
  if (!fix.fixedText.empty()) fix.diff = analysis::unifiedDiff(file.text, fix.fixedText, file.path);
  result.fix = std::move(fix);
  return result;
}

json explainJson(const ExplainRequest& request, const ExplainResult& result) {
  const analysis::ParsedError& error = request.error;
  json frames = json::array();
  for (std::size_t i = 0; i < error.frames.size(); ++i) {
    const auto& f = error.frames[i];
    frames.push_back({{"filename", result.framePaths[i].empty() ? f.file : result.framePaths[i]},
                      {"line", f.line},
                      {"function", f.function},
                      {"in_project", !result.framePaths[i].empty()}});
  }
  json findings = json::array();
  for (const auto& cause : result.causes) {
    const auto& file = result.files[cause.file];
    analysis::LineIndex lines(file.text);
    findings.push_back(findingJson(file.path, file.text, lines, cause.finding));
  }
  json fix = nullptr;
  if (result.fix)
    fix = {{"source", result.fix->source.empty() ? json(nullptr) : json(result.fix->source)},
           {"safety", result.fix->safety.empty() ? json(nullptr) : json(result.fix->safety)},
           {"diff", result.fix->diff.empty() ? json(nullptr) : json(result.fix->diff)},
           {"guidance", result.fix->guidance}};
  // Plain Python errors of older clients have no condition: their type stands in.
  std::string condition = !error.condition.empty() ? error.condition : error.recognised ? error.exceptionType : "";
  return {{"error_condition", condition.empty() ? json(nullptr) : json(condition)},
          {"exception", error.exceptionType.empty() ? json(nullptr) : json(error.exceptionType)},
          {"message", error.message},
          {"subject", error.subject.empty() ? json(nullptr) : json(error.subject)},
          {"recognised", error.recognised},
          {"why", error.recognised ? json(result.meaning.why) : json(nullptr)},
          {"frames", frames},
          {"findings", findings},
          {"fix", fix}};
}

}  // namespace sparkmigrate::migrate
