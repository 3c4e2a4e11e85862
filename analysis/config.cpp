// Implementation of configuration parsing (toml++) and per-folder resolution.
#include "analysis/config.h"

#include "support/size.h"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

namespace sparkmigrate::analysis {
namespace fs = std::filesystem;

bool isValidSelector(std::string_view selector) {
  if (selector == "ALL") return true;
  if (selector.size() < 3 || selector.size() > 6 || selector.substr(0, 3) != "SPK") return false;
  for (char c : selector.substr(3))
    if (c < '0' || c > '9') return false;
  return true;
}

namespace {
bool isEnvironmentName(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name)
    if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  return true;
}
}  // namespace

bool looksLikeSecret(std::string_view value) {
  for (std::string_view prefix : {"sk-", "sk_", "dapi", "AKIA", "xox", "ghp_", "github_pat_", "hf_", "Bearer "})
    if (value.substr(0, prefix.size()) == prefix && value.size() > prefix.size() + 8) return true;
  // A long run of letters and digits with both: a token, not a name or URL.
  if (value.size() < 32 || value.find_first_of("/:. ") != std::string_view::npos) return false;
  int digits = 0;
  bool lower = false, upper = false;
  for (char c : value) {
    digits += c >= '0' && c <= '9';
    lower |= c >= 'a' && c <= 'z';
    upper |= c >= 'A' && c <= 'Z';
  }
  return digits >= 4 && lower && upper;
}

std::string validateLlmOverrides(const LlmOverrides& llm) {
  if (llm.backend && !llm.backend->empty()) {
    bool known = false;
    for (auto name : kLlmBackends) known |= *llm.backend == name;
    if (!known) return "backend must be one of openai, anthropic, ollama";
  }
  if (llm.apiKeyEnv && !llm.apiKeyEnv->empty()) {
    if (looksLikeSecret(*llm.apiKeyEnv))
      return "api-key-env must be the NAME of an environment variable, and its value looks like an API key";
    if (!isEnvironmentName(*llm.apiKeyEnv)) return "api-key-env must be the name of an environment variable";
  }
  if (llm.baseUrl && !llm.baseUrl->empty() && llm.baseUrl->rfind("http://", 0) != 0 &&
      llm.baseUrl->rfind("https://", 0) != 0)
    return "base-url must start with http:// or https://";
  if (llm.timeout && !(*llm.timeout > 0 && *llm.timeout <= 86400)) return "timeout must be between 0 and 86400 seconds";
  if (llm.maxAttempts && (*llm.maxAttempts < 1 || *llm.maxAttempts > 10)) return "max-attempts must be between 1 and 10";
  if (llm.repairs && (*llm.repairs < 0 || *llm.repairs > 10)) return "repairs must be between 0 and 10";
  if (llm.maxTokens && (*llm.maxTokens < 16 || *llm.maxTokens > 65536)) return "max-tokens must be between 16 and 65536";
  return "";
}

void applyLlmOverrides(LlmSettings& settings, const LlmOverrides& llm) {
  if (llm.backend) settings.backend = *llm.backend;
  if (llm.baseUrl) settings.baseUrl = *llm.baseUrl;
  if (llm.model) settings.model = *llm.model;
  if (llm.apiKeyEnv) settings.apiKeyEnv = *llm.apiKeyEnv;
  if (llm.timeout) settings.timeout = *llm.timeout;
  if (llm.maxAttempts) settings.maxAttempts = *llm.maxAttempts;
  if (llm.repairs) settings.repairs = *llm.repairs;
  if (llm.maxTokens) settings.maxTokens = *llm.maxTokens;
  if (llm.stream) settings.stream = *llm.stream;
}

namespace {


std::string where(const std::string& path, const toml::node& node) {
  return path + ":" + std::to_string(node.source().begin.line) + ": ";
}

support::Expected<std::vector<std::string>> stringList(const toml::node& node, const std::string& path,
                                                       std::string_view key, bool selectors) {
  const toml::array* array = node.as_array();
  if (!array)
    return support::Error{where(path, node) + "'" + std::string(key) + "' must be an array of strings"};
  std::vector<std::string> out;
  for (const auto& item : *array) {
    auto s = item.value<std::string_view>();
    if (!s)
      return support::Error{where(path, item) + "'" + std::string(key) + "' must be an array of strings"};
    if (selectors && !isValidSelector(*s))
      return support::Error{where(path, item) + "'" + std::string(*s) +
                            "' is not a rule code or prefix (expected ALL or SPKnnn)"};
    out.emplace_back(*s);
  }
  return out;
}

// [tool.sparkmigrate.llm]: read into overrides so that the same validation
// serves the file, the command line and the editor.
support::Expected<LlmSettings> parseLlmTable(const toml::node& node, const std::string& path) {
  const toml::table* table = node.as_table();
  if (!table) return support::Error{where(path, node) + "[tool.sparkmigrate.llm] must be a table"};
  LlmOverrides llm;
  for (const auto& [key, value] : *table) {
    std::string_view k = key.str();
    std::string at = path + ":" + std::to_string(key.source().begin.line) + ": ";
    auto text = value.value<std::string_view>();
    if (k == "api-key" || k == "apikey" || k == "api_key" || k == "key" || k == "token")
      return support::Error{at + "[tool.sparkmigrate.llm] " + std::string(k) +
                            ": API keys are never read from pyproject.toml; put the key in an environment "
                            "variable and name that variable with api-key-env"};
    if (text && looksLikeSecret(*text))
      return support::Error{at + "[tool.sparkmigrate.llm] " + std::string(k) +
                            ": the value looks like an API key; keys are never read from pyproject.toml "
                            "(name the environment variable that holds it with api-key-env)"};
    auto needString = [&](std::optional<std::string>& out) -> std::string {
      if (!text) return at + "[tool.sparkmigrate.llm] " + std::string(k) + " must be a string";
      out = std::string(*text);
      return "";
    };
    std::string problem;
    if (k == "backend")
      problem = needString(llm.backend);
    else if (k == "base-url")
      problem = needString(llm.baseUrl);
    else if (k == "model")
      problem = needString(llm.model);
    else if (k == "api-key-env")
      problem = needString(llm.apiKeyEnv);
    else if (k == "timeout") {
      auto number = value.value<double>();
      if (!number) return support::Error{at + "[tool.sparkmigrate.llm] timeout must be a number of seconds"};
      llm.timeout = *number;
    } else if (k == "max-attempts" || k == "repairs" || k == "max-tokens") {
      auto number = value.as_integer();
      if (!number) return support::Error{at + "[tool.sparkmigrate.llm] " + std::string(k) + " must be an integer"};
      (k == "repairs" ? llm.repairs : k == "max-tokens" ? llm.maxTokens : llm.maxAttempts) =
          static_cast<int>(number->get());
    } else if (k == "stream") {
      auto flag = value.value<bool>();
      if (!flag) return support::Error{at + "[tool.sparkmigrate.llm] stream must be true or false"};
      llm.stream = *flag;
    } else {
      return support::Error{at + "unknown key '" + std::string(k) + "' in [tool.sparkmigrate.llm]"};
    }
    if (!problem.empty()) return support::Error{problem};
  }
  if (std::string problem = validateLlmOverrides(llm); !problem.empty())
    return support::Error{where(path, node) + "[tool.sparkmigrate.llm] " + problem};
  LlmSettings settings;
  applyLlmOverrides(settings, llm);
  return settings;
}

support::Expected<Settings> parseSettingsTable(const toml::table& table, const std::string& path) {
  Settings settings;
  for (const auto& [key, node] : table) {
    std::string_view k = key.str();
    std::string at = path + ":" + std::to_string(key.source().begin.line) + ": ";
    if (k == "target-version") {
      auto text = node.value<std::string_view>();
      auto version = text ? parseSparkVersion(*text) : std::nullopt;
      if (!version || !isSupportedTarget(*version)) {
        std::string supported;
        for (const auto& v : supportedTargets()) supported += (supported.empty() ? "" : ", ") + v.str();
        return support::Error{at + "target-version must be one of " + supported};
      }
      settings.target = *version;
    } else if (k == "platform") {
      auto text = node.value<std::string_view>();
      if (text && *text == "databricks")
        settings.platform = Platform::Databricks;
      else if (text && (*text == "oss" || *text == "any"))
        settings.platform = Platform::Any;
      else
        return support::Error{at + "platform must be \"oss\" or \"databricks\""};
    } else if (k == "select" || k == "extend-select" || k == "ignore") {
      auto list = stringList(node, path, k, true);
      if (!list) return list.error();
      (k == "select" ? settings.select : k == "ignore" ? settings.ignore : settings.extendSelect) = *list;
    } else if (k == "exclude" || k == "extend-exclude") {
      auto list = stringList(node, path, k, false);
      if (!list) return list.error();
      (k == "exclude" ? settings.exclude : settings.extendExclude) = *list;
    } else if (k == "per-file-ignores") {
      const toml::table* map = node.as_table();
      if (!map) return support::Error{at + "per-file-ignores must be a table of glob = [codes]"};
      for (const auto& [glob, codes] : *map) {
        auto list = stringList(codes, path, "per-file-ignores", true);
        if (!list) return list.error();
        settings.perFileIgnores.emplace_back(std::string(glob.str()), *list);
      }
    } else if (k == "max-file-size") {
      std::optional<std::uint64_t> size;
      if (auto number = node.as_integer(); number && number->get() >= 0)
        size = static_cast<std::uint64_t>(number->get());
      else if (auto text = node.value_exact<std::string>())
        size = support::parseByteSize(*text);
      if (!size) return support::Error{at + "max-file-size " + std::string(support::kByteSizeHelp)};
      settings.maxFileSize = *size;
    } else if (k == "llm") {
      auto llm = parseLlmTable(node, path);
      if (!llm) return llm.error();
      settings.llm = *llm;
    } else {
      return support::Error{at + "unknown key '" + std::string(k) + "' in [tool.sparkmigrate]"};
    }
  }
  return settings;
}

}  // namespace

support::Expected<std::optional<Settings>> parsePyproject(std::string_view text, const std::string& path) {
  toml::table document;
  try {
    document = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return support::Error{path + ":" + std::to_string(e.source().begin.line) +
                          ": invalid TOML: " + std::string(e.description())};
  }
  const toml::node* tool = document.get("tool");
  if (!tool || !tool->is_table()) return std::optional<Settings>{};
  const toml::node* ours = tool->as_table()->get("sparkmigrate");
  if (!ours) return std::optional<Settings>{};
  if (!ours->is_table()) return support::Error{where(path, *ours) + "[tool.sparkmigrate] must be a table"};
  auto settings = parseSettingsTable(*ours->as_table(), path);
  if (!settings) return settings.error();
  settings->configPath = path;
  settings->root = fs::path(path).parent_path().string();
  return std::optional<Settings>(std::move(*settings));
}

ConfigResolver::ConfigResolver(Overrides overrides) : overrides_(std::move(overrides)) {}

void ConfigResolver::setOverrides(Overrides overrides) {
  std::lock_guard lock(mutex_);
  overrides_ = std::move(overrides);
  cache_.clear();
}

void ConfigResolver::clear() {
  std::lock_guard lock(mutex_);
  cache_.clear();
}

std::shared_ptr<const Settings> ConfigResolver::applyOverrides(Settings base) const {
  if (overrides_.target) base.target = *overrides_.target;
  if (overrides_.platform) base.platform = *overrides_.platform;
  if (overrides_.select) {
    base.select = *overrides_.select;
    base.extendSelect.clear();
  }
  for (const auto& s : overrides_.extendSelect) base.extendSelect.push_back(s);
  if (overrides_.ignore) base.ignore = *overrides_.ignore;
  for (const auto& s : overrides_.extendIgnore) base.ignore.push_back(s);
  for (const auto& s : overrides_.extendExclude) base.extendExclude.push_back(s);
  applyLlmOverrides(base.llm, overrides_.llm);
  if (overrides_.maxFileSize) base.maxFileSize = *overrides_.maxFileSize;
  return std::make_shared<const Settings>(std::move(base));
}

namespace {

support::Expected<std::optional<Settings>> readConfig(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in || in.bad()) return support::Error{path.string() + ": cannot read configuration"};
  return parsePyproject(buffer.str(), path.string());
}

}  // namespace

support::Expected<Settings> loadConfigFile(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return support::Error{path.string() + ": no such configuration file"};
  auto parsed = readConfig(fs::absolute(path, ec).lexically_normal());
  if (!parsed) return parsed.error();
  if (!parsed->has_value()) return support::Error{path.string() + ": has no [tool.sparkmigrate] table"};
  return std::move(**parsed);
}

ConfigResolver::Entry ConfigResolver::resolveDirectory(const fs::path& dir) {
  if (auto it = cache_.find(dir); it != cache_.end()) return it->second;
  Entry entry;
  std::error_code ec;
  if (overrides_.configFile) {  // one file for all: resolved once, under the empty key
    if (auto it = cache_.find(fs::path()); it != cache_.end()) return it->second;
    auto loaded = loadConfigFile(*overrides_.configFile);
    if (loaded) {
      entry.settings = applyOverrides(std::move(*loaded));
    } else {
      entry.problem = loaded.error().message;
      Settings defaults;
      defaults.root = fs::current_path(ec).string();
      entry.settings = applyOverrides(std::move(defaults));
    }
    cache_[fs::path()] = entry;
    return entry;
  }
  fs::path candidate = dir / "pyproject.toml";
  if (!overrides_.isolated && fs::is_regular_file(candidate, ec)) {
    auto parsed = readConfig(candidate);
    if (!parsed || parsed->has_value()) {
      if (!parsed) {
        // Broken: report it and fall back to the defaults for this subtree.
        entry.problem = parsed.error().message;
        Settings defaults;
        defaults.root = dir.string();
        entry.settings = applyOverrides(std::move(defaults));
      } else {
        entry.settings = applyOverrides(std::move(**parsed));
      }
      cache_[dir] = entry;
      return entry;
    }
  }
  fs::path parent = dir.parent_path();
  if (parent.empty() || parent == dir) {
    Settings defaults;
    defaults.root = fs::current_path(ec).string();
    entry.settings = applyOverrides(std::move(defaults));
  } else {
    entry = resolveDirectory(parent);
  }
  cache_[dir] = entry;
  return entry;
}

ResolvedSettings ConfigResolver::forFile(const fs::path& file) {
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec).lexically_normal();
  fs::path dir = fs::is_directory(absolute, ec) ? absolute : absolute.parent_path();
  std::lock_guard lock(mutex_);
  Entry entry = resolveDirectory(dir);
  return {entry.settings, entry.problem};
}

std::string relativeTo(const Settings& settings, const fs::path& file) {
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec).lexically_normal();
  if (!settings.root.empty()) {
    fs::path rel = absolute.lexically_relative(settings.root);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  }
  return absolute.filename().generic_string();
}

}  // namespace sparkmigrate::analysis
