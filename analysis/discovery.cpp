// Implementation of file discovery, .gitignore matching (the documented
// gitignore semantics: negation, directory-only patterns, anchoring, `**`) and
// bounded reading of the files found.
#include "analysis/discovery.h"

#include "support/size.h"

#include "support/utf8.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace sparkmigrate::analysis {
namespace fs = std::filesystem;

GitignoreRules::GitignoreRules(fs::path base, std::string_view text) : base_(std::move(base)) {
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(pos, end - pos));
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    while (!line.empty() && line.back() == ' ' && (line.size() < 2 || line[line.size() - 2] != '\\'))
      line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Pattern p;
    if (line[0] == '!') {
      p.negate = true;
      line.erase(0, 1);
    }
    if (!line.empty() && line.back() == '/') {
      p.directoryOnly = true;
      line.pop_back();
    }
    if (line.empty()) continue;
    // A slash at the start or in the middle ties the pattern to this folder
    // (`**/` included: it matches any folders below it); otherwise it
    // matches a name at any depth.
    if (line[0] == '/') {
      p.anchored = true;
      line.erase(0, 1);
    } else if (line.find('/') != std::string::npos) {
      p.anchored = true;
    }
    p.glob = line;
    patterns_.push_back(std::move(p));
    if (end == text.size()) break;
  }
}

std::optional<bool> GitignoreRules::match(const fs::path& path, bool isDirectory) const {
  fs::path rel = path.lexically_relative(base_);
  if (rel.empty() || *rel.begin() == "..") return std::nullopt;
  std::string relative = rel.generic_string();
  std::string name = path.filename().string();
  std::optional<bool> result;
  for (const auto& p : patterns_) {
    if (p.directoryOnly && !isDirectory) continue;
    // Whole paths only: the walk never enters an ignored folder, so what is
    // below one is never asked about (git cannot re-include it either).
    bool matched = globMatchWhole(p.glob, p.anchored ? relative : name);
    if (matched) result = !p.negate;
  }
  return result;
}

namespace {

bool isDefaultExcluded(const fs::path& dir) {
  static const std::set<std::string> names = {
      ".git",        ".hg",          ".svn",          ".bzr",        "_darcs",         ".venv",
      "venv",        ".tox",         ".nox",          "__pycache__", ".mypy_cache",    ".pytest_cache",
      ".ruff_cache", "node_modules", "site-packages", ".eggs",       "__pypackages__", ".ipynb_checkpoints",
      "build",       "dist",         "_build",        "buck-out"};
  if (names.count(dir.filename().string())) return true;
  std::error_code ec;
  return fs::exists(dir / "pyvenv.cfg", ec);
}

bool isPythonFile(const fs::path& path, bool notebooks) {
  auto ext = path.extension();
  return ext == ".py" || ext == ".pyi" || (notebooks && ext == ".ipynb");
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class Walker {
 public:
  Walker(ConfigResolver& resolver, DiscoveryResult& result, bool notebooks)
      : resolver_(resolver), result_(result), notebooks_(notebooks) {}

  void walkRoot(const fs::path& root) {
    // The ignore rules of the repository above `root`: .git/info/exclude,
    // then each .gitignore from the repository's root down. A `root` inside
    // an ignored folder has nothing to check, as for git.
    std::vector<fs::path> chain;  // root's folder, then up to the repository's root
    std::error_code ec;
    fs::path absolute = fs::absolute(root, ec).lexically_normal();
    if (absolute.filename().empty()) absolute = absolute.parent_path();  // "dir/" -> "dir"
    for (fs::path dir = absolute;; dir = dir.parent_path()) {
      chain.push_back(dir);
      if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) break;
    }
    std::vector<GitignoreRules> stack;
    const fs::path& top = chain.back();
    if (fs::is_directory(top / ".git", ec)) pushRules(top, top / ".git" / "info" / "exclude", stack);
    for (std::size_t i = chain.size(); i-- > 1;) {
      pushRules(chain[i], chain[i] / ".gitignore", stack);
      if (ignored(chain[i - 1], true, stack)) return;
    }
    walk(root, absolute, stack, root);
  }

 private:
  // The rules of an ignore file (if there is one) for the folder `base`.
  void pushRules(const fs::path& base, const fs::path& file, std::vector<GitignoreRules>& stack) {
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) stack.emplace_back(base, readFile(file));
  }

  bool ignored(const fs::path& absolute, bool isDirectory, const std::vector<GitignoreRules>& stack) {
    std::optional<bool> verdict;
    for (const auto& rules : stack)
      if (auto m = rules.match(absolute, isDirectory)) verdict = m;
    return verdict.value_or(false);
  }

  bool excludedByConfig(const fs::path& path, const fs::path& absolute) {
    ResolvedSettings resolved = resolver_.forFile(absolute);
    if (!resolved.settings) return false;
    std::string rel = relativeTo(*resolved.settings, absolute);
    for (const auto* list : {&resolved.settings->exclude, &resolved.settings->extendExclude})
      for (const auto& glob : *list)
        if (globMatch(glob, rel)) return true;
    return false;
  }

  void walk(const fs::path& dir, const fs::path& absoluteDir, std::vector<GitignoreRules> stack,
            const fs::path& tree) {
    pushRules(absoluteDir, absoluteDir / ".gitignore", stack);
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      result_.problems.push_back({dir.string(), "cannot read folder: " + ec.message()});
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) {
        result_.problems.push_back({dir.string(), "cannot read folder: " + ec.message()});
        break;
      }
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const auto& entry : entries) {
      fs::path absolute = absoluteDir / entry.path().filename();
      bool isDir = entry.is_directory(ec) && !entry.is_symlink(ec);
      if (isDir) {
        if (isDefaultExcluded(entry.path()) || ignored(absolute, true, stack) ||
            excludedByConfig(entry.path(), absolute))
          continue;
        walk(entry.path(), absolute, stack, tree);
      } else if (entry.is_regular_file(ec) && isPythonFile(entry.path(), notebooks_)) {
        if (ignored(absolute, false, stack) || excludedByConfig(entry.path(), absolute)) continue;
        add(entry.path(), tree);
      }
    }
  }

 public:
  // --force-exclude: a file named on the command line (as pre-commit names
  // every staged file) is skipped when the configured or default excludes
  // cover it or a folder above it, up to its configuration's root.
  bool forceExcluded(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec).lexically_normal();
    ResolvedSettings resolved = resolver_.forFile(absolute);
    if (!resolved.settings) return false;
    fs::path root = fs::path(resolved.settings->root).lexically_normal();
    if (excludedByConfig(path, absolute)) return true;
    fs::path below = absolute.lexically_relative(root);
    if (below.empty() || *below.begin() == "..") return false;  // only folders inside the root
    for (fs::path dir = absolute.parent_path(); !dir.empty() && dir != root && dir != dir.parent_path();
         dir = dir.parent_path())
      if (isDefaultExcluded(dir) || excludedByConfig(dir, dir)) return true;
    return false;
  }

  void add(const fs::path& path, const fs::path& tree) {
    std::error_code ec;
    fs::path key = fs::absolute(path, ec).lexically_normal();
    if (!seen_.insert(key).second) return;
    result_.files.push_back({path, resolver_.forFile(path), tree});
  }

 private:
  ConfigResolver& resolver_;
  DiscoveryResult& result_;
  bool notebooks_;
  std::set<fs::path> seen_;
};

}  // namespace

DiscoveryResult discoverFiles(const std::vector<std::string>& inputs, ConfigResolver& resolver, bool notebooks) {
  DiscoveryResult result;
  Walker walker(resolver, result, notebooks);
  for (const auto& input : inputs) {
    fs::path path(input);
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (!fs::exists(status)) {
      // A link loop or a folder that cannot be searched says so; a missing file is plain.
      bool missing = !ec || ec == std::errc::no_such_file_or_directory;
      result.problems.push_back({input, missing ? "no such file or folder" : "cannot read: " + ec.message()});
    } else if (fs::is_directory(status)) {
      walker.walkRoot(path);
    } else if (!resolver.overrides().forceExclude || !walker.forceExcluded(path)) {
      walker.add(path, path.has_parent_path() ? path.parent_path() : fs::path("."));
    }
  }
  std::sort(result.files.begin(), result.files.end(),
            [](const DiscoveredFile& a, const DiscoveredFile& b) { return a.path < b.path; });
  return result;
}

namespace {

// Byte offsets in analysis are 32-bit.
constexpr std::uint64_t kAddressableSize = 0xFFFFFFFFull;

std::string notRegular(mode_t mode) {
  const char* kind = S_ISDIR(mode)    ? "a folder"
                     : S_ISFIFO(mode) ? "a FIFO"
                     : S_ISCHR(mode)  ? "a character device"
                     : S_ISBLK(mode)  ? "a block device"
                     : S_ISSOCK(mode) ? "a socket"
                                      : "a special file";
  return fmt::format("not a regular file ({})", kind);
}

FileText readLimited(const fs::path& path, std::uint64_t maxSize, bool keepTail, std::string_view limitName) {
  FileText out;
  // stat before opening, so that a device is never opened (opening some has
  // effects, and reading /dev/zero never ends); fstat what was opened.
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) {
    out.error = fmt::format("cannot read file: {}", std::strerror(errno));
    return out;
  }
  if (!S_ISREG(st.st_mode)) {
    out.error = notRegular(st.st_mode);
    return out;
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    out.error = fmt::format("cannot read file: {}", std::strerror(errno));
    return out;
  }
  const bool capped = maxSize == 0 || maxSize > kAddressableSize;
  const std::uint64_t limit = capped ? kAddressableSize : maxSize;
  const bool statted = ::fstat(fd, &st) == 0;
  const std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
  const std::uint64_t skip = keepTail && size > limit ? size - limit : 0;
  if (!statted) {
    out.error = fmt::format("cannot read file: {}", std::strerror(errno));
  } else if (!S_ISREG(st.st_mode)) {
    out.error = notRegular(st.st_mode);
  } else if (size - skip > limit) {
    out.error = capped ? fmt::format("{}, larger than 4 GiB, the most sparkmigrate can analyse",
                                     support::describeSize(size))
                       : fmt::format("{}, over the maximum file size of {}{}", support::describeSize(size),
                                     support::describeSize(limit), limitName);
  } else if (skip && ::lseek(fd, static_cast<off_t>(skip), SEEK_SET) < 0) {
    out.error = fmt::format("cannot read file: {}", std::strerror(errno));
  } else {
    // What fstat promised, then a probe: a file that grows meanwhile is refused.
    std::string text(static_cast<std::size_t>(size - skip), '\0');
    std::size_t used = 0;
    char probe = 0;
    for (;;) {
      bool probing = used == text.size();
      ssize_t n = probing ? ::read(fd, &probe, 1) : ::read(fd, text.data() + used, text.size() - used);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        out.error = fmt::format("cannot read file: {}", std::strerror(errno));
        break;
      }
      if (n == 0) break;
      if (probing) {
        out.error = "changed while it was being read";
        break;
      }
      used += static_cast<std::size_t>(n);
    }
    text.resize(used);
    if (out.error.empty()) {
      out.text = std::move(text);
      out.skipped = skip;
    }
  }
  ::close(fd);
  return out;
}

}  // namespace

FileText readRegularFile(const fs::path& path, std::uint64_t maxSize, bool keepTail) {
  return readLimited(path, maxSize, keepTail, "");
}

FileText readSourceFile(const fs::path& path, std::uint64_t maxSize) {
  FileText out = readLimited(path, maxSize, false, " (max-file-size in pyproject.toml, --max-file-size)");
  if (!out.error.empty()) return out;
  return validateSourceText(std::move(out.text));
}

FileText validateSourceText(std::string text) {
  FileText out;
  out.text = std::move(text);
  if (out.text.find('\0') != std::string::npos) {
    out.error = "binary file (contains NUL bytes)";
  } else if (std::size_t bad = support::firstInvalidUtf8(out.text); bad != out.text.size()) {
    out.errorAt = LineIndex(out.text).pointAt(static_cast<std::uint32_t>(bad));
    out.error = fmt::format("not valid UTF-8 (byte 0x{:02x})", static_cast<unsigned char>(out.text[bad]));
  }
  if (!out.error.empty()) out.text.clear();
  return out;
}

}  // namespace sparkmigrate::analysis
