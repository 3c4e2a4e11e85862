// Finding the Python files to check under the paths a user gives: recursive
// over folders, skipping VCS folders, virtualenvs, caches, what .gitignore
// files ignore and the configured excludes. Explicitly named files are always
// checked. Used by the CLI and by workspace diagnostics in the server.
#pragma once

#include "analysis/config.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sparkmigrate::analysis {

struct DiscoveredFile {
  std::filesystem::path path;  // as given or found (relative paths stay relative)
  ResolvedSettings settings;
};

struct DiscoveryResult {
  std::vector<DiscoveredFile> files;  // sorted by path, no duplicates
  std::vector<std::string> problems;  // one line each (missing path, unreadable folder)
};

DiscoveryResult discoverFiles(const std::vector<std::string>& inputs, ConfigResolver& resolver);

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
