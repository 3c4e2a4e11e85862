// Editor settings parsing: the keys a client may send and their validation.
#include "server/session.h"

#include "analysis/version.h"

namespace sparkmigrate::server {

using json = nlohmann::json;

namespace {

bool selectorList(const json& value, std::vector<std::string>& out, std::string& problem, const char* key) {
  if (!value.is_array()) {
    problem = std::string(key) + " must be a list of rule codes";
    return false;
  }
  std::vector<std::string> list;
  for (const auto& v : value) {
    if (!v.is_string() || !analysis::isValidSelector(v.get<std::string>())) {
      problem = std::string(key) + ": " + v.dump() + " is not a rule code or prefix (expected ALL or SPKnnn)";
      return false;
    }
    list.push_back(v);
  }
  out = std::move(list);
  return true;
}

}  // namespace

EditorSettings parseEditorSettings(const json& value, const EditorSettings& previous, std::string& problem) {
  EditorSettings next = previous;
  if (!value.is_object()) return next;
  const json& s =
      value.contains("sparkmigrate") && value["sparkmigrate"].is_object() ? value["sparkmigrate"] : value;
  auto get = [&](const char* a, const char* b) -> const json* {
    if (s.contains(a) && !s[a].is_null()) return &s[a];
    if (b && s.contains(b) && !s[b].is_null()) return &s[b];
    return nullptr;
  };
  if (const json* v = get("targetVersion", "target-version")) {
    auto version = v->is_string() ? analysis::parseSparkVersion(v->get<std::string>()) : std::nullopt;
    if (version && analysis::isSupportedTarget(*version))
      next.overrides.target = version;
    else
      problem = "targetVersion must be one of 3.4, 3.5, 4.0, 4.1, 4.2, 4.3 (got " + v->dump() + ")";
  }
  if (const json* v = get("platform", nullptr)) {
    if (*v == "databricks")
      next.overrides.platform = analysis::Platform::Databricks;
    else if (*v == "oss")
      next.overrides.platform = analysis::Platform::Any;
    else
      problem = "platform must be \"oss\" or \"databricks\"";
  }
  std::vector<std::string> list;
  if (const json* v = get("select", nullptr); v && selectorList(*v, list, problem, "select"))
    next.overrides.select = list;
  if (const json* v = get("ignore", nullptr); v && selectorList(*v, list, problem, "ignore"))
    next.overrides.ignore = list;
  if (const json* v = get("extendSelect", "extend-select");
      v && selectorList(*v, list, problem, "extendSelect"))
    next.overrides.extendSelect = list;
  if (const json* v = get("extendIgnore", "extend-ignore");
      v && selectorList(*v, list, problem, "extendIgnore"))
    next.overrides.extendIgnore = list;
  if (const json* v = get("isolated", nullptr); v && v->is_boolean())
    next.overrides.isolated = v->get<bool>();
  if (const json* v = get("llm", nullptr)) {
    if (!v->is_object()) {
      problem = "llm must be an object {backend, baseUrl, model, apiKeyEnv, timeout, maxAttempts, repairs, stream}";
    } else {
      analysis::LlmOverrides llm;
      std::string apiKey;
      std::string bad;
      for (const auto& [key, item] : v->items()) {
        auto text = [&](std::optional<std::string>& out) {
          if (item.is_string()) out = item.get<std::string>();
          else bad = "llm." + key + " must be a string";
        };
        if (key == "backend") text(llm.backend);
        else if (key == "baseUrl") text(llm.baseUrl);
        else if (key == "model") text(llm.model);
        else if (key == "apiKeyEnv") text(llm.apiKeyEnv);
        else if (key == "apiKey") {
          if (item.is_string()) apiKey = item.get<std::string>();
          else bad = "llm.apiKey must be a string";  // never echo the value
        } else if (key == "timeout" && item.is_number()) llm.timeout = item.get<double>();
        else if (key == "maxAttempts" && item.is_number_integer()) llm.maxAttempts = item.get<int>();
        else if (key == "repairs" && item.is_number_integer()) llm.repairs = item.get<int>();
        else if (key == "maxTokens" && item.is_number_integer()) llm.maxTokens = item.get<int>();
        else if (key == "stream" && item.is_boolean()) llm.stream = item.get<bool>();
        else if (key == "timeout" || key == "maxAttempts" || key == "repairs" || key == "maxTokens" ||
                 key == "stream")
          bad = "llm." + key + " has the wrong type";
      }
      if (bad.empty()) bad = analysis::validateLlmOverrides(llm);
      if (!bad.empty()) {
        problem = bad;
      } else {
        next.overrides.llm = llm;
        next.llmApiKey = apiKey;
      }
    }
  }
  if (const json* v = get("debounceMs", nullptr); v && v->is_number_integer())
    next.debounceMs = v->get<int>();
  return next;
}

}  // namespace sparkmigrate::server
