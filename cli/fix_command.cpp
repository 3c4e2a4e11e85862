// `sparkmigrate fix PATH...` (and `check --fix`): the per-file part of fixing
// that the check command calls for each file it has read: run the fix loop,
// then either render a unified diff (--diff) or write the result atomically
// (temporary file in the same folder, original mode kept, rename), leaving a
// file alone when it changed since it was read or when the result would not
// parse. Option parsing, configuration, discovery and output are check's.
#include "analysis/diff.h"
#include "analysis/fix.h"
#include "analysis/checker.h"
#include "cli/commands.h"
#include "cli/report.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace sparkmigrate::cli {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::optional<std::string> readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return buffer.str();
}

}  // namespace

std::string writeAtomically(const std::string& path, std::string_view expected, std::string_view text) {
  std::error_code ec;
  std::filesystem::path target = std::filesystem::canonical(path, ec);
  if (ec) return fmt::format("{}: cannot resolve path: {}", path, ec.message());
  auto now = readAll(target.string());
  if (!now) return fmt::format("{}: cannot re-read file: {}", path, std::strerror(errno));
  if (*now != expected) return fmt::format("{}: changed since it was read; not fixed", path);
  struct stat st{};
  if (::stat(target.c_str(), &st) != 0) return fmt::format("{}: cannot stat: {}", path, std::strerror(errno));
  std::string tmp = (target.parent_path() / ("." + target.filename().string() + ".sparkmigrate-XXXXXX")).string();
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return fmt::format("{}: cannot create a temporary file: {}", path, std::strerror(errno));
  std::string error;
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0 && error.empty()) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = fmt::format("{}: cannot write: {}", path, std::strerror(errno));
      break;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (error.empty() && ::fchmod(fd, st.st_mode & 07777) != 0)
    error = fmt::format("{}: cannot set file mode: {}", path, std::strerror(errno));
  if (error.empty() && ::fsync(fd) != 0) error = fmt::format("{}: cannot sync: {}", path, std::strerror(errno));
  ::close(fd);
  if (error.empty() && ::rename(tmp.c_str(), target.c_str()) != 0)
    error = fmt::format("{}: cannot replace the file: {}", path, std::strerror(errno));
  if (!error.empty()) ::unlink(tmp.c_str());
  return error;
}

FileFixResult fixFile(const std::string& path, const std::string& text, const analysis::Settings& settings,
                      std::string_view relativePath, const FixRunOptions& options) {
  FileFixResult result;
  bool bom = text.rfind(kBom, 0) == 0;
  std::string_view body = bom ? std::string_view(text).substr(kBom.size()) : std::string_view(text);
  analysis::FixOptions fixOptions;
  fixOptions.unsafe = options.unsafeFixes;
  analysis::FixOutcome outcome = analysis::fixDocument(body, settings, relativePath, fixOptions);
  result.error = outcome.error.empty() ? "" : fmt::format("{}: {}", path, outcome.error);
  result.text = bom ? std::string(kBom) + outcome.text : outcome.text;
  result.fixedByCode = outcome.fixedByCode;
  result.fixed = outcome.fixed;
  result.remaining = std::move(outcome.remaining);
  if (bom) {  // offsets of the remaining findings must count the BOM, as check's do
    std::string parseText = "   " + outcome.text;
    result.remaining = analysis::checkText(parseText, settings, relativePath).diagnostics;
  }
  if (result.text == text) return result;
  result.changed = true;
  if (options.diff) {
    result.diff = analysis::unifiedDiff(text, result.text, path);
    return result;
  }
  std::string error = writeAtomically(path, text, result.text);
  if (!error.empty()) {
    result.error = error;
    result.changed = false;
    result.fixed = 0;
    result.fixedByCode.clear();
    result.text = text;
    std::string parseText = text;
    if (bom) parseText.replace(0, 3, "   ");
    result.remaining = analysis::checkText(parseText, settings, relativePath).diagnostics;
  }
  return result;
}

std::string summarizeFixes(const std::vector<FileFixResult>& fixes, Report& report, const FixRunOptions& options,
                           std::size_t& fileProblems) {
  std::size_t fixed = 0, changedFiles = 0, remaining = 0, unsafeLeft = 0;
  std::map<std::string, int> fixedByCode;
  for (const auto& f : fixes) {
    if (!f.error.empty()) {
      report.errors.push_back(f.error);
      ++fileProblems;
    }
    fixed += static_cast<std::size_t>(f.fixed);
    if (f.changed) ++changedFiles;
    for (const auto& [code, n] : f.fixedByCode) fixedByCode[code] += n;
  }
  for (const auto& file : report.files) {
    remaining += file.diagnostics.size();
    for (const auto& d : file.diagnostics)
      if (!options.unsafeFixes && d.fix && d.fix->safety == analysis::FixSafety::Unsafe && !d.fix->edits.empty())
        ++unsafeLeft;
  }
  std::string byCode;
  for (const auto& [code, n] : fixedByCode) byCode += fmt::format("{}{} {}", byCode.empty() ? "" : ", ", code, n);
  std::string summary = fmt::format("{} {} finding{} in {} file{}{}; {} remaining", options.diff ? "Would fix" : "Fixed",
                                    fixed, fixed == 1 ? "" : "s", changedFiles, changedFiles == 1 ? "" : "s",
                                    byCode.empty() ? "" : " (" + byCode + ")", remaining);
  if (unsafeLeft) summary += fmt::format(" ({} fixable with --unsafe-fixes)", unsafeLeft);
  return summary;
}

int runFix(int argc, char** argv) { return runCheckOrFix(argc, argv, true); }

}  // namespace sparkmigrate::cli
