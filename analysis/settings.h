// Effective settings for one file: the Spark Connect target, the rule
// selection and the platform. Built by config resolution (config.h) from
// pyproject.toml and command-line or editor overrides; shared by the CLI and
// the language server.
#pragma once

#include "analysis/catalogue.h"
#include "analysis/version.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sparkmigrate::analysis {

struct Settings {
  SparkVersion target = kDefaultTarget;
  Platform platform = Platform::Any;
  std::vector<std::string> select;  // empty: the default rules
  std::vector<std::string> extendSelect;
  std::vector<std::string> ignore;
  std::vector<std::pair<std::string, std::vector<std::string>>> perFileIgnores;  // glob -> codes
  std::vector<std::string> exclude;  // replaces the default excludes when set
  std::vector<std::string> extendExclude;
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

}  // namespace sparkmigrate::analysis
