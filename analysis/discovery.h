// Finding the Python files to check under the paths a user gives, and reading
// them. Discovery is recursive over folders, skipping VCS folders,
// virtualenvs, caches, what .gitignore files ignore and the configured
// excludes; explicitly named files are always checked. Reading takes regular
// files only (never blocking on a FIFO or a device) up to a size limit, and
// refuses binary and non-UTF-8 text. Used by the CLI and by workspace
// diagnostics in the server.
#pragma once

#include "analysis/config.h"
#include "analysis/source.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sparkmigrate::analysis {

struct DiscoveredFile {
  std::filesystem::path path;  // as given or found (relative paths stay relative)
  ResolvedSettings settings;
  // The folder given that the file was found under, or the folder of a file
  // given: what a fix may write (a link that leads out of it is not followed).
  std::filesystem::path tree;
};

// A path given or found that could not be read, shown as "path: message".
struct PathProblem {
  std::string path;
  std::string message;
  std::string str() const { return path + ": " + message; }
};

struct DiscoveryResult {
  std::vector<DiscoveredFile> files;  // sorted by path, no duplicates
  std::vector<PathProblem> problems;  // missing paths, unreadable folders
};

// `notebooks`: Jupyter notebooks (.ipynb) are found too (analysis/notebook.h).
DiscoveryResult discoverFiles(const std::vector<std::string>& inputs, ConfigResolver& resolver,
                              bool notebooks = false);

struct FileText {
  std::string text;
  std::string error;                 // "" or why the file was not read (without the path)
  std::optional<TextPoint> errorAt;  // the first invalid byte, for text that is not UTF-8
  std::uint64_t skipped = 0;         // bytes left unread at the start (keepTail)
};

// The whole content of a regular file of at most `maxSize` bytes (0: no limit
// but 4 GiB, the most analysis can address). Anything else (a FIFO, a device,
// a link to one, a folder) is refused without being read, and a file over the
// limit is refused without reading it into memory; with `keepTail` its last
// `maxSize` bytes are read instead (a log ends with what matters).
FileText readRegularFile(const std::filesystem::path& path, std::uint64_t maxSize, bool keepTail = false);
// A Python source file: as readRegularFile with the `max-file-size` setting,
// and text with NUL bytes or invalid UTF-8 is refused.
FileText readSourceFile(const std::filesystem::path& path, std::uint64_t maxSize);
// The same refusals for source text from elsewhere (standard input): the
// text back, or an error when it has NUL bytes or is not UTF-8.
FileText validateSourceText(std::string text);

// One .gitignore file's rules, anchored at its folder.
class GitignoreRules {
 public:
  GitignoreRules(std::filesystem::path base, std::string_view text);
  // nullopt when no rule matches; true = ignored, false = re-included by `!`.
  std::optional<bool> match(const std::filesystem::path& path, bool isDirectory) const;

 private:
  struct Pattern {
    std::string glob;
    bool negate = false;
    bool directoryOnly = false;
    bool anchored = false;
  };
  std::filesystem::path base_;
  std::vector<Pattern> patterns_;
};

}  // namespace sparkmigrate::analysis
