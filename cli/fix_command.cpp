// `sparkmigrate fix PATH...` (and `check --fix`): the per-file part of fixing
// that the check command calls for each file it has read: run the fix loop,
// then either render a unified diff (--diff) or write the result in place,
// leaving a file alone when it changed since it was read or when the result
// would not parse. Option parsing, configuration, discovery and output are
// check's.
//
// Why in place rather than a new file renamed over the old one: the file
// keeps its inode, so everything attached to it stays as it was (owner and
// group, which a rename by root made root's; mode, ACLs, extended attributes
// and security labels, which a new file would have to copy, each a way to get
// it wrong; hard links, which a rename splits). What the rename gave, never a
// half-written file, the backup gives: the original is written to a copy next
// to the file, synced and read back before the file is touched, and removed
// only once the new text is synced and read back. A failed write puts the
// original back; a crash or SIGKILL during the write leaves the backup.
#include "analysis/diff.h"
#include "analysis/fix.h"
#include "analysis/checker.h"
#include "analysis/notebook.h"
#include "cli/commands.h"
#include "cli/report.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <random>

namespace sparkmigrate::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// True when the file open as `fd` holds exactly `want`.
bool holds(int fd, std::string_view want) {
  char buffer[1 << 16];
  std::size_t at = 0;
  for (;;) {
    ssize_t n = ::pread(fd, buffer, sizeof buffer, static_cast<off_t>(at));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return at == want.size();
    std::size_t got = static_cast<std::size_t>(n);
    if (got > want.size() - at || std::memcmp(buffer, want.data() + at, got) != 0) return false;
    at += got;
  }
}

// Makes the file open as `fd` hold exactly `text`, synced; "" or the problem.
std::string replaceContent(int fd, std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    ssize_t n = ::pwrite(fd, text.data() + at, text.size() - at, static_cast<off_t>(at));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::strerror(errno);
    at += static_cast<std::size_t>(n);
  }
  if (::ftruncate(fd, static_cast<off_t>(text.size())) != 0 || ::fsync(fd) != 0) return std::strerror(errno);
  if (!holds(fd, text)) return "the text written does not read back";
  return "";
}

// Makes a folder's entries (a new or removed backup) durable.
void syncFolder(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

bool isInside(const fs::path& path, const fs::path& folder) {
  fs::path rel = path.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != "..";
}

// Replaces the trailing XXXXXX of `pattern` with random letters and digits.
void randomSuffix(std::string& pattern) {
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static thread_local std::mt19937_64 rng{std::random_device{}() ^
                                          static_cast<std::uint64_t>(::getpid()) << 32};
  for (std::size_t i = pattern.size() - 6; i < pattern.size(); ++i) pattern[i] = alphabet[rng() % 62];
}

// A backup of `expected` next to `real` (`.name.sparkmigrate-XXXXXX`, 0600),
// complete before it has that name: written to an unnamed file in the folder
// (O_TMPFILE) and then linked in, so that a kill at any moment leaves no
// partial backup a user could restore. File systems without O_TMPFILE get a
// named file written in place. Returns its path, or "" with `problem` set.
std::string makeBackup(const fs::path& real, std::string_view expected, std::string& problem) {
  std::string pattern = (real.parent_path() / ("." + real.filename().string() + ".sparkmigrate-XXXXXX")).string();
  int unnamed = ::open(real.parent_path().c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (unnamed >= 0) {
    problem = replaceContent(unnamed, expected);
    std::string self = "/proc/self/fd/" + std::to_string(unnamed);
    for (int attempt = 0; problem.empty() && attempt < 64; ++attempt) {
      // A fresh name, taken by linking the written file to it (linkat never
      // replaces an entry). No placeholder is created first: a kill between
      // creating one and linking would leave an empty "backup".
      std::string name = pattern;
      randomSuffix(name);
      if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
        ::close(unnamed);
        return name;
      }
      if (errno != EEXIST) break;
    }
    ::close(unnamed);
    if (!problem.empty()) return "";
  }
  std::string name = pattern;
  int named = ::mkostemp(name.data(), O_CLOEXEC);
  if (named < 0) {
    problem = fmt::format("cannot create a backup copy in {}: {}", real.parent_path().string(),
                          std::strerror(errno));
    return "";
  }
  problem = replaceContent(named, expected);
  ::close(named);
  if (!problem.empty()) {
    ::unlink(name.c_str());
    problem = "cannot write a backup copy: " + problem;
    return "";
  }
  return name;
}

// The steps after the file is open, locked and known to hold `expected`.
std::string writeWithBackup(int fd, const fs::path& real, std::string_view expected, std::string_view text) {
  std::string problem;
  std::string backup = makeBackup(real, expected, problem);
  if (backup.empty()) return problem + "; not written";
  syncFolder(real.parent_path());
  problem = replaceContent(fd, text);
  if (!problem.empty()) {
    std::string restore = replaceContent(fd, expected);
    if (!restore.empty())
      return fmt::format("cannot write: {}; the original text is in {}", problem, backup);
    ::unlink(backup.c_str());
    return fmt::format("cannot write: {}; the file is unchanged", problem);
  }
  ::unlink(backup.c_str());
  syncFolder(real.parent_path());
  return "";
}

}  // namespace

std::string writeInPlace(const std::string& path, std::string_view expected, std::string_view text,
                         const WriteScope& scope) {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  if (ec) return fmt::format("cannot resolve path: {}", ec.message());
  if (!scope.followSymlinks && !scope.tree.empty()) {
    fs::path tree = fs::canonical(scope.tree, ec);
    if (ec) return fmt::format("cannot resolve {}: {}", scope.tree.string(), ec.message());
    if (!isInside(real, tree))
      return fmt::format(
          "a symbolic link to {}, outside {}; not written (--follow-symlinks writes through links)",
          real.string(), scope.tree.string());
  }
  struct stat st{};
  if (::lstat(real.c_str(), &st) != 0) return fmt::format("cannot stat: {}", std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return "not a regular file; not written";
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return fmt::format("read-only (mode {:04o}); not written (make it writable to fix it)",
                       st.st_mode & 07777);
  int fd = ::open(real.c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return fmt::format("cannot open for writing: {}; not written", std::strerror(errno));
  struct stat opened{};
  std::string error;
  // An advisory lock orders writers of one file: two hard links to it in one
  // run, or two runs at once (where the file system has no locks, flock fails
  // and the content checks still refuse a file that changed).
  if (::fstat(fd, &opened) != 0 || opened.st_dev != st.st_dev || opened.st_ino != st.st_ino)
    error = "replaced while being written; not written";
  else if (::flock(fd, LOCK_EX); holds(fd, expected))
    error = writeWithBackup(fd, real, expected, text);
  else if (!holds(fd, text))  // else it was written through another hard link to the same file
    error = "changed since it was read; not written";
  ::close(fd);
  return error;
}

namespace {

// A fix that is not applied: the result is the file as it was.
void keepOriginal(FileFixResult& result, const std::string& before,
                  const std::function<std::vector<analysis::Diagnostic>()>& check) {
  result.changed = false;
  result.fixed = 0;
  result.fixedByCode.clear();
  result.text = before;
  result.remaining = check();
}

// The last step of fixing a file whose new text is result.text: nothing when
// it is unchanged, else a diff (--diff), the text kept in memory (`fix -`),
// or the file written in place; a failed write keeps the original, whose
// findings `check` gives.
void deliverFix(FileFixResult& result, const std::string& before, const WriteScope& scope,
                const FixRunOptions& options, const std::function<std::vector<analysis::Diagnostic>()>& check) {
  if (result.text == before) return;
  result.changed = true;
  if (options.diff) {
    result.diff = analysis::unifiedDiff(before, result.text, result.path);
    return;
  }
  if (options.noWrite) return;
  std::string error = writeInPlace(result.path, before, result.text, scope);
  if (!error.empty()) {
    result.error = error;
    keepOriginal(result, before, check);
  }
}

}  // namespace

FileFixResult fixFile(const std::string& path, const std::string& text, const analysis::Settings& settings,
                      std::string_view relativePath, const WriteScope& scope, const FixRunOptions& options,
                      const analysis::ProjectView* project) {
  FileFixResult result;
  result.path = path;
  bool bom = text.rfind(kBom, 0) == 0;
  std::string_view body = bom ? std::string_view(text).substr(kBom.size()) : std::string_view(text);
  analysis::FixOptions fixOptions;
  fixOptions.unsafe = options.unsafeFixes;
  fixOptions.project = project;
  analysis::FixOutcome outcome = analysis::fixDocument(body, settings, relativePath, fixOptions);
  result.error = outcome.error;
  result.text = bom ? std::string(kBom) + outcome.text : outcome.text;
  result.fixedByCode = outcome.fixedByCode;
  result.fixed = outcome.fixed;
  result.remaining = std::move(outcome.remaining);
  if (bom) {  // offsets of the remaining findings must count the BOM, as check's do
    std::string parseText = "   " + outcome.text;
    result.remaining = analysis::checkText(parseText, settings, relativePath, nullptr, project).diagnostics;
  }
  deliverFix(result, text, scope, options, [&] {
    std::string parseText = text;
    if (bom) parseText.replace(0, 3, "   ");
    return analysis::checkText(parseText, settings, relativePath, nullptr, project).diagnostics;
  });
  return result;
}

FileFixResult fixNotebook(const std::string& path, const std::string& json, const analysis::Notebook& notebook,
                          const analysis::Settings& settings, std::string_view relativePath, const WriteScope& scope,
                          const FixRunOptions& options) {
  FixRunOptions inMemory = options;
  inMemory.diff = false;
  inMemory.noWrite = true;
  FileFixResult result = fixFile(path, notebook.source, settings, relativePath, scope, inMemory);
  auto before = [&] { return analysis::checkText(notebook.source, settings, relativePath).diagnostics; };
  if (!result.changed) {
    result.text = json;
    return result;
  }
  auto written = analysis::writeNotebook(json, notebook, result.text);
  if (!written) {
    result.error = written.error().message;
    keepOriginal(result, json, before);
    return result;
  }
  result.text = std::move(*written);
  deliverFix(result, json, scope, options, before);
  return result;
}

std::string summarizeFixes(const std::vector<FileFixResult>& fixes, Report& report, const FixRunOptions& options,
                           std::size_t& fileProblems) {
  std::size_t fixed = 0, changedFiles = 0, remaining = 0, unsafeLeft = 0;
  std::map<std::string, int> fixedByCode;
  for (const auto& f : fixes) {
    if (!f.error.empty()) {
      report.errors.push_back({f.path, 0, 0, f.error});
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
