// Implementation of the migration loop: backend configuration, the answer
// format, tolerant reply parsing, ask-validate-repair, and the answer cache.
#include "migrate/migrate.h"

#include "analysis/syntax.h"
#include "support/log.h"
#include "support/sha256.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace sparkmigrate::migrate {
namespace {

using json = nlohmann::json;

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// The first fenced block: its info string and body.
std::optional<std::pair<std::string, std::string>> firstFence(std::string_view text) {
  std::size_t open = text.find("```");
  if (open == std::string_view::npos) return std::nullopt;
  std::size_t infoEnd = text.find('\n', open);
  if (infoEnd == std::string_view::npos) return std::nullopt;
  std::string info = trim(text.substr(open + 3, infoEnd - open - 3));
  std::size_t close = text.find("```", infoEnd + 1);
  std::string_view body =
      text.substr(infoEnd + 1, close == std::string_view::npos ? std::string_view::npos : close - infoEnd - 1);
  return std::make_pair(info, std::string(body));
}

// Code without the fence a model may have put around it inside a JSON string.
std::string unfence(const std::string& code) {
  std::string t = trim(code);
  if (t.rfind("```", 0) == 0)
    if (auto fence = firstFence(t)) return fence->second;
  return code;
}

std::optional<analysis::ProposedRewrite> fromJson(const json& value) {
  if (!value.is_object()) return std::nullopt;
  analysis::ProposedRewrite rewrite;
  auto code = value.find("code");
  if (code != value.end() && code->is_string()) {
    rewrite.code = code->get<std::string>();
  } else {
    // Another string field: the longest one that is not prose-like metadata.
    for (const auto& [key, field] : value.items())
      if (field.is_string() && key != "imports" && key != "explanation" &&
          field.get_ref<const std::string&>().size() > rewrite.code.size())
        rewrite.code = field.get<std::string>();
  }
  if (trim(rewrite.code).empty()) return std::nullopt;
  rewrite.code = unfence(rewrite.code);
  if (auto imports = value.find("imports"); imports != value.end()) {
    if (imports->is_array()) {
      for (const auto& line : *imports)
        if (line.is_string()) rewrite.imports.push_back(line.get<std::string>());
    } else if (imports->is_string()) {
      std::istringstream lines(imports->get<std::string>());
      for (std::string line; std::getline(lines, line);)
        if (!trim(line).empty()) rewrite.imports.push_back(trim(line));
    }
  }
  return rewrite;
}

// A JSON object in the text (the whole text, or from its first `{` to its
// last `}`): nullopt when there is none, else what it holds (maybe no code).
std::optional<std::optional<analysis::ProposedRewrite>> tryJson(std::string_view text) {
  json value = json::parse(text, nullptr, false);
  if (value.is_discarded()) {
    std::size_t open = text.find('{'), close = text.rfind('}');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::nullopt;
    value = json::parse(text.substr(open, close - open + 1), nullptr, false);
  }
  if (value.is_discarded() || !value.is_object()) return std::nullopt;
  return fromJson(value);
}

bool parsesAsPython(const std::string& code) {
  analysis::TreePtr tree = analysis::parsePython(code);
  TSNode root = ts_tree_root_node(tree.get());
  return !ts_node_has_error(root) && ts_node_named_child_count(root) > 0;
}

std::string cacheKey(const llm::BackendConfig& config, const analysis::MigrationTask& task) {
  std::string material = fmt::format("prompt-version {}\n{}\n{}\n{}\n{}\n{}", analysis::kPromptVersion,
                                     llm::providerName(config.provider), config.model, task.system, task.user,
                                     answerSchema());
  return support::sha256Hex(material);
}

std::optional<analysis::ProposedRewrite> readCached(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  json value = json::parse(buffer.str(), nullptr, false);
  if (value.is_discarded() || value.value("prompt_version", 0) != analysis::kPromptVersion) return std::nullopt;
  return fromJson(value);
}

// Written through a temporary file and a rename, so a reader never sees half
// an answer. Holds the answer and what it answered, never a key.
void writeCached(const std::filesystem::path& file, const std::string& model, const analysis::ProposedRewrite& r) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) return;
  json value = {{"prompt_version", analysis::kPromptVersion}, {"model", model}, {"code", r.code},
                {"imports", r.imports}};
  std::string tmp = file.string() + fmt::format(".{}.tmp", ::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << value.dump(2) << "\n";
    if (!out) {
      std::filesystem::remove(tmp, ec);
      return;
    }
  }
  std::filesystem::rename(tmp, file, ec);
  if (ec) std::filesystem::remove(tmp, ec);
}

}  // namespace

support::Expected<llm::BackendConfig> backendConfig(const analysis::LlmSettings& settings, const std::string& apiKey,
                                                    bool needKey) {
  if (settings.backend.empty())
    return support::Error{"no model backend is configured (set --llm-backend, [tool.sparkmigrate.llm] backend, or "
                          "the editor's sparkmigrate.llm.backend)"};
  auto provider = llm::parseProvider(settings.backend);
  if (!provider) return support::Error{"unknown model backend '" + settings.backend + "' (openai, anthropic, ollama)"};
  if (settings.model.empty())
    return support::Error{"no model is configured for the " + settings.backend +
                          " backend (set --llm-model or [tool.sparkmigrate.llm] model)"};
  llm::BackendConfig config;
  config.provider = *provider;
  config.baseUrl = settings.baseUrl;
  config.model = settings.model;
  config.timeoutSeconds = settings.timeout;
  config.maxAttempts = settings.maxAttempts;
  config.stream = settings.stream;
  if (!apiKey.empty()) {
    config.apiKey = apiKey;
  } else if (!settings.apiKeyEnv.empty() && needKey) {
    const char* value = std::getenv(settings.apiKeyEnv.c_str());
    if (!value || !*value)
      return support::Error{"the environment variable " + settings.apiKeyEnv +
                            " (named by api-key-env) is not set or empty"};
    config.apiKey = value;
  }
  return config;
}

const std::string& answerSchema() {
  static const std::string schema = json{
      {"type", "object"},
      {"properties",
       {{"code", {{"type", "string"}, {"description", "the complete rewritten region"}}},
        {"imports",
         {{"type", "array"},
          {"items", {{"type", "string"}}},
          {"description", "full import statements the new code needs that the file lacks, such as "
                          "\"from pyspark.sql import functions as F\""}}}}},
      {"required", json::array({"code", "imports"})},
      {"additionalProperties", false}}.dump();
  return schema;
}

std::optional<analysis::ProposedRewrite> parseAnswer(std::string_view reply, std::string& problem) {
  std::string text = trim(reply);
  if (text.empty()) {
    problem = "the answer is empty";
    return std::nullopt;
  }
  if (auto fence = firstFence(text)) {
    const auto& [info, body] = *fence;
    if (info == "json" || trim(body).rfind("{", 0) == 0) {
      if (auto r = tryJson(body); r && *r) return *r;
    } else if (info.empty() || info == "python" || info == "py" || info == "python3") {
      // A JSON object outside the fence wins; else the fenced code.
      if (text.front() == '{')
        if (auto r = tryJson(text); r && *r) return *r;
      return analysis::ProposedRewrite{body, {}};
    }
  }
  if (auto r = tryJson(text)) {
    if (*r) return *r;
    problem = "the JSON answer has no code";
    return std::nullopt;
  }
  if (parsesAsPython(text)) return analysis::ProposedRewrite{text, {}};
  problem = "the answer is neither JSON with a \"code\" field nor a ```python block";
  return std::nullopt;
}

std::filesystem::path defaultCacheDir() {
  std::filesystem::path base;
  if (const char* dir = std::getenv("SPARKMIGRATE_CACHE_DIR"); dir && *dir)
    base = dir;
  else if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    base = std::filesystem::path(xdg) / "sparkmigrate";
  else if (const char* home = std::getenv("HOME"); home && *home)
    base = std::filesystem::path(home) / ".cache" / "sparkmigrate";
  else
    return {};
  return base / "llm";
}

bool needsJudgement(const analysis::Diagnostic& d) {
  if (d.code == analysis::kUnusedSuppressionCode) return false;
  return !d.fix || d.fix->edits.empty() || d.fix->safety == analysis::FixSafety::DisplayOnly;
}

Outcome migrateFinding(llm::Backend& backend, std::string_view text, const TSTree* tree,
                       const analysis::CheckResult& check,
                       const analysis::Diagnostic& target, const analysis::Settings& settings,
                       std::string_view relativePath, std::string_view displayPath, const Options& options) {
  Outcome outcome;
  outcome.task = analysis::buildMigrationTask(text, tree, check, target, settings, displayPath);
  const llm::BackendConfig& config = backend.config();
  auto accept = [&](const analysis::Validation& v) {
    outcome.validated = true;
    outcome.verdict = analysis::Verdict::Validated;
    outcome.edits = v.edits;
    outcome.patched = v.patched;
    outcome.fixed = v.fixed;
    return outcome;
  };
  auto say = [&](const std::string& message) {
    if (options.progress) options.progress(message);
  };

  std::filesystem::path cacheFile;
  if (!options.cacheDir.empty()) {
    cacheFile = options.cacheDir / (cacheKey(config, outcome.task) + ".json");
    if (auto cached = readCached(cacheFile)) {
      auto v = analysis::validateRewrite(text, tree, check, outcome.task, *cached, settings, relativePath,
                                           options.project);
      if (v.verdict == analysis::Verdict::Validated) {
        outcome.fromCache = true;
        say("answer from the cache");
        return accept(v);
      }
    }
  }
  if (options.cachedOnly) {
    outcome.reasonKind = "not-cached";
    outcome.reason = "no validated answer in the cache";
    return outcome;
  }

  llm::Request request;
  request.messages = {{llm::Message::Role::System, outcome.task.system},
                      {llm::Message::Role::User, outcome.task.user}};
  request.jsonSchema = answerSchema();
  request.schemaName = "rewrite";
  // Room for the rewritten region (about 4 bytes a token) and some slack.
  std::size_t regionBytes = outcome.task.region.range.end - outcome.task.region.range.start;
  request.maxTokens = settings.llm.maxTokens > 0
                          ? settings.llm.maxTokens
                          : static_cast<int>(std::clamp<std::size_t>(regionBytes / 2 + 512, 1024, 8192));
  llm::CallOptions call;
  call.cancel = options.cancel;
  call.onDelta = options.onDelta;
  call.onRetry = [&](int attempt, double wait, const std::string& reason) {
    say(fmt::format("{}; retrying in {:.1f} s (attempt {})", reason, wait, attempt));
  };

  const int asks = 1 + std::max(0, options.repairs);
  for (int ask = 1; ask <= asks; ++ask) {
    if (options.cancel && options.cancel->cancelled()) {
      outcome.reasonKind = "cancelled";
      outcome.reason = "cancelled";
      return outcome;
    }
    say(ask == 1 ? fmt::format("asking {}", config.model)
                 : fmt::format("asking {} again ({} of {}): {}", config.model, ask, asks, outcome.reason));
    ++outcome.attempts;
    auto completion = backend.complete(request, call);
    if (!completion) {
      bool cancelled = completion.error().message == llm::kCancelledMessage ||
                       (options.cancel && options.cancel->cancelled());
      outcome.reasonKind = cancelled ? "cancelled" : "backend-error";
      outcome.reason = cancelled ? "cancelled" : completion.error().message;
      return outcome;
    }
    std::string problem;
    auto proposed = parseAnswer(completion->text, problem);
    analysis::Validation v;
    if (!proposed) {
      v.verdict = analysis::Verdict::NoCode;
      v.complaint = problem;
    } else {
      v = analysis::validateRewrite(text, tree, check, outcome.task, *proposed, settings, relativePath, options.project);
    }
    if (v.verdict == analysis::Verdict::Validated) {
      if (!cacheFile.empty()) writeCached(cacheFile, config.model, *proposed);
      say("validated");
      return accept(v);
    }
    if (completion->finishReason == "length" || completion->finishReason == "max_tokens")
      v.complaint += " (the answer was cut off at the token limit)";
    outcome.verdict = v.verdict;
    outcome.reasonKind = std::string(analysis::verdictName(v.verdict));
    outcome.reason = v.complaint;
    support::log(support::LogLevel::Debug, "llm answer rejected ({}): {}", outcome.reasonKind, outcome.reason);
    std::string previous = completion->text.size() > 16384 ? completion->text.substr(0, 16384) : completion->text;
    request.messages.push_back({llm::Message::Role::Assistant, previous});
    request.messages.push_back({llm::Message::Role::User, analysis::repairMessage(v.complaint)});
  }
  return outcome;
}

}  // namespace sparkmigrate::migrate
