// Configuration resolution, shared by the CLI and the language server: for
// each file, the nearest pyproject.toml with a [tool.sparkmigrate] table
// (searched from the file's folder upward), merged over the defaults, with
// command-line or editor overrides on top (or, with --config FILE, that one
// file for every file). Results are cached per folder;
// a broken pyproject.toml is reported once and the files under it fall back
// to the defaults plus overrides.
//
// To add a new configuration key:
//   1. Add the field to Settings (settings.h) and, if it can be overridden,
//      to Overrides below.
//   2. Parse and validate it in parseSettingsTable (config.cpp); unknown keys
//      are rejected there with file:line errors.
//   3. Document it in docs/configuration.md and use it in both surfaces.
#pragma once

#include "analysis/settings.h"
#include "support/expected.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sparkmigrate::analysis {

// Command-line or editor values for [tool.sparkmigrate.llm]; set fields win.
struct LlmOverrides {
  std::optional<std::string> backend, baseUrl, model, apiKeyEnv;
  std::optional<double> timeout;
  std::optional<int> maxAttempts, repairs, maxTokens;
  std::optional<bool> stream;
};

struct Overrides {
  std::optional<SparkVersion> target;
  std::optional<Platform> platform;
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extendSelect;
  std::optional<std::vector<std::string>> ignore;
  std::vector<std::string> extendIgnore;
  std::vector<std::string> extendExclude;
  LlmOverrides llm;
  std::optional<std::uint64_t> maxFileSize;  // bytes; 0 = no limit
  bool isolated = false;  // ignore every pyproject.toml
  // --config FILE: every file takes its settings from this file's
  // [tool.sparkmigrate] table; no pyproject.toml is searched for.
  std::optional<std::filesystem::path> configFile;
  // --force-exclude: the excludes apply to files named explicitly too.
  bool forceExclude = false;
};


// Validates LLM settings from any surface; returns "" or a one-line problem
// naming the field (never echoing a value that could be a secret).
std::string validateLlmOverrides(const LlmOverrides& llm);
void applyLlmOverrides(LlmSettings& settings, const LlmOverrides& llm);
// True when `value` looks like an API key or token rather than a name.
bool looksLikeSecret(std::string_view value);

// Parses the [tool.sparkmigrate] table of a pyproject.toml. Returns nullopt in
// the value when the file has no such table.
support::Expected<std::optional<Settings>> parsePyproject(std::string_view text, const std::string& path);

// Reads the [tool.sparkmigrate] table of any TOML file (`--config FILE`);
// a file that cannot be read, is broken or has no such table is an error.
support::Expected<Settings> loadConfigFile(const std::filesystem::path& path);

// Validates a selector ("ALL" or a prefix of an SPK code).
bool isValidSelector(std::string_view selector);

struct ResolvedSettings {
  std::shared_ptr<const Settings> settings;
  std::string problem;  // non-empty when the governing config is broken
};

class ConfigResolver {
 public:
  explicit ConfigResolver(Overrides overrides = {});

  // Settings for `file` (absolute or relative to the current directory).
  // Thread-safe.
  ResolvedSettings forFile(const std::filesystem::path& file);
  // Forget cached results (a pyproject.toml changed).
  void clear();
  const Overrides& overrides() const { return overrides_; }
  void setOverrides(Overrides overrides);

 private:
  struct Entry {
    std::shared_ptr<const Settings> settings;
    std::string problem;
  };
  Entry resolveDirectory(const std::filesystem::path& dir);
  std::shared_ptr<const Settings> applyOverrides(Settings base) const;

  Overrides overrides_;
  std::mutex mutex_;
  std::map<std::filesystem::path, Entry> cache_;
};

// The path of `file` relative to settings.root, with '/' separators (falls
// back to the file name when it is not below the root).
std::string relativeTo(const Settings& settings, const std::filesystem::path& file);

}  // namespace sparkmigrate::analysis
