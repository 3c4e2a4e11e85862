// Effective settings for one file: the Spark Connect target, the rule
// selection and the platform. Built by config resolution (config.h) from
// pyproject.toml and command-line or editor overrides; shared by the CLI and
// the language server.
#pragma once

#include "analysis/catalogue.h"
#include "analysis/version.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sparkmigrate::analysis {

// The model backend for rewrites that need judgement ([tool.sparkmigrate.llm],
// the --llm-* flags, the editor's `llm` setting). It never holds an API key:
// only the name of the environment variable that does (editors may hand the
// key to the server separately, from their secret storage).
struct LlmSettings {
  std::string backend;  // "" = none configured (nothing leaves the machine); see kLlmBackends
  std::string baseUrl;  // "" = the backend's default
  std::string model;
  std::string apiKeyEnv;    // name of the environment variable holding the key
  double timeout = 300;     // seconds for a reply (streaming: for silence)
  int maxAttempts = 3;      // HTTP attempts per request (retries on 408/409/429/5xx)
  int repairs = 2;          // times the model is asked again with the validator's complaint
  int maxTokens = 0;        // the answer's token limit; 0 = from the region's size (1,024 to 8,192)
  bool stream = true;       // stream replies where the server offers it
};

// 16 MiB: far above hand-written Python (the largest files of big projects
// are a few hundred KiB), low enough to keep a check's memory near 1.5 GiB.
inline constexpr std::uint64_t kDefaultMaxFileSize = 16ull << 20;

// The backend names [tool.sparkmigrate.llm] accepts.
inline constexpr std::string_view kLlmBackends[] = {"openai", "anthropic", "ollama"};

struct Settings {
  SparkVersion target = kDefaultTarget;
  Platform platform = Platform::Any;
  std::vector<std::string> select;  // empty: the default rules
  std::vector<std::string> extendSelect;
  std::vector<std::string> ignore;
  std::vector<std::pair<std::string, std::vector<std::string>>> perFileIgnores;  // glob -> codes
  std::vector<std::string> exclude;  // replaces the default excludes when set
  std::vector<std::string> extendExclude;
  LlmSettings llm;
  // Files (and editor documents) larger than this are not analysed: reported
  // as an error instead (`max-file-size`, --max-file-size; 0 = no limit).
  std::uint64_t maxFileSize = kDefaultMaxFileSize;
  std::string root;        // directory that relative globs are anchored at
  std::string configPath;  // the pyproject.toml these came from, or ""
};

// True when `code` is selected by the selector list entry `selector`:
// "ALL", a full code, or a code prefix ("SPK1", "SPK10").
bool selectorMatches(std::string_view selector, std::string_view code);

// Which rules run on a file at `relativePath` (relative to settings.root,
// with '/' separators); `notebook` enables the Databricks rules.
std::vector<char> enabledRules(const Catalogue& catalogue, const Settings& settings,
                               std::string_view relativePath, bool notebook);

// Minimal glob matching as used in configuration: `*` (not '/'), `**` (any
// number of directories), `?`, `[...]`. A pattern without '/' matches the
// file name in any directory.
bool globMatch(std::string_view pattern, std::string_view path);
// The same glob against the whole of `path` only (no name-only matching, no
// matching of the folders above it), with a backslash escaping the next character: the
// matching of .gitignore patterns.
bool globMatchWhole(std::string_view pattern, std::string_view path);

}  // namespace sparkmigrate::analysis
