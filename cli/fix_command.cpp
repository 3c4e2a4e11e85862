// `sparkmigrate fix PATH...` (and `check --fix`): the per-file part of fixing
// that the check command calls for each file it has read: run the fix loop,
// then either render a unified diff (--diff) or write the result atomically
// (temporary file in the same folder, original mode kept, rename), leaving a
// file alone when it changed since it was read or when the result would not
// parse. Option parsing, configuration, discovery and output are check's.
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

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

void appendLine(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unifiedDiff(std::string_view before, std::string_view after, const std::string& path) {
  if (before == after) return "";
  auto a = splitLines(before), b = splitLines(after);
  // Common prefix and suffix, then a longest-common-subsequence table on the rest.
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  std::size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  // Operations over the whole files: ' ' keep, '-' delete, '+' insert.
  struct Op {
    char kind;
    std::size_t ai, bi;
  };
  std::vector<Op> ops;
  for (std::size_t k = 0; k < prefix; ++k) ops.push_back({' ', k, k});
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
      ops.push_back({' ', prefix + i, prefix + j});
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      ops.push_back({'-', prefix + i, prefix + j});
      ++i;
    } else {
      ops.push_back({'+', prefix + i, prefix + j});
      ++j;
    }
  }
  for (std::size_t k = 0; k < suffix; ++k) ops.push_back({' ', prefix + n + k, prefix + m + k});

  std::string out = fmt::format("--- {}\n+++ {}\n", path, path);
  constexpr std::size_t kContext = 3;
  std::size_t k = 0;
  while (k < ops.size()) {
    if (ops[k].kind == ' ') {
      ++k;
      continue;
    }
    std::size_t start = k >= kContext ? k - kContext : 0;
    std::size_t end = k;
    // Extend while changes are within 2*context of each other.
    std::size_t lastChange = k;
    for (std::size_t x = k; x < ops.size(); ++x) {
      if (ops[x].kind != ' ') lastChange = x;
      else if (x - lastChange > 2 * kContext) break;
      end = x;
    }
    end = std::min(ops.size() - 1, lastChange + kContext);
    std::size_t aStart = ops[start].ai, bStart = ops[start].bi, aCount = 0, bCount = 0;
    std::string body;
    for (std::size_t x = start; x <= end; ++x) {
      const Op& op = ops[x];
      if (op.kind == ' ') {
        appendLine(body, ' ', a[op.ai]);
        ++aCount, ++bCount;
      } else if (op.kind == '-') {
        appendLine(body, '-', a[op.ai]);
        ++aCount;
      } else {
        appendLine(body, '+', b[op.bi]);
        ++bCount;
      }
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", aCount ? aStart + 1 : aStart, aCount, bCount ? bStart + 1 : bStart,
                       bCount);
    out += body;
    k = end + 1;
  }
  return out;
}

namespace {

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
    result.diff = unifiedDiff(text, result.text, path);
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
