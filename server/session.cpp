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
  if (const json* v = get("llm", nullptr)) next.llm = *v;
  if (const json* v = get("debounceMs", nullptr); v && v->is_number_integer())
    next.debounceMs = v->get<int>();
  return next;
}

}  // namespace sparkmigrate::server
