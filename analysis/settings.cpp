// Rule selection and glob matching for settings.h.
#include "analysis/settings.h"

namespace sparkmigrate::analysis {

bool selectorMatches(std::string_view selector, std::string_view code) {
  if (selector == "ALL") return true;
  return code.substr(0, selector.size()) == selector;
}

namespace {

bool matchHere(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.substr(0, 2) == "**") {
      std::string_view rest = p.substr(2);
      if (!rest.empty() && rest[0] == '/') rest.remove_prefix(1);
      for (std::size_t i = 0; i <= s.size(); ++i)
        if ((i == 0 || s[i - 1] == '/') && matchHere(rest, s.substr(i))) return true;
      return rest.empty();
    }
    if (p[0] == '*') {
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (matchHere(p.substr(1), s.substr(i))) return true;
        if (i < s.size() && s[i] == '/') break;
      }
      return false;
    }
    if (s.empty()) return false;
    if (p[0] == '?') {
      if (s[0] == '/') return false;
    } else if (p[0] == '[') {
      std::size_t close = p.find(']', 1);
      if (close == std::string_view::npos) {
        if (s[0] != '[') return false;
      } else {
        std::string_view set = p.substr(1, close - 1);
        bool negate = !set.empty() && (set[0] == '!' || set[0] == '^');
        if (negate) set.remove_prefix(1);
        bool in = false;
        for (std::size_t i = 0; i < set.size(); ++i) {
          if (i + 2 < set.size() && set[i + 1] == '-') {
            in = in || (s[0] >= set[i] && s[0] <= set[i + 2]);
            i += 2;
          } else {
            in = in || s[0] == set[i];
          }
        }
        if (in == negate) return false;
        p.remove_prefix(close + 1);
        s.remove_prefix(1);
        continue;
      }
    } else if (p[0] == '\\' && p.size() > 1) {  // an escaped character stands for itself
      if (p[1] != s[0]) return false;
      p.remove_prefix(1);
    } else if (p[0] != s[0]) {
      return false;
    }
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

}  // namespace

bool globMatchWhole(std::string_view pattern, std::string_view path) {
  return matchHere(pattern, path);
}

bool globMatch(std::string_view pattern, std::string_view path) {
  if (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  if (!pattern.empty() && pattern.back() == '/') pattern.remove_suffix(1);
  if (pattern.find('/') == std::string_view::npos) {
    // Match against every path component (a file or directory name).
    std::size_t start = 0;
    while (start <= path.size()) {
      std::size_t end = path.find('/', start);
      if (end == std::string_view::npos) end = path.size();
      if (matchHere(pattern, path.substr(start, end - start))) return true;
      start = end + 1;
    }
    return false;
  }
  if (pattern[0] == '/') pattern.remove_prefix(1);
  if (matchHere(pattern, path)) return true;
  // A directory pattern also matches everything below it.
  for (std::size_t i = 0; i < path.size(); ++i)
    if (path[i] == '/' && matchHere(pattern, path.substr(0, i))) return true;
  return false;
}

std::vector<char> enabledRules(const Catalogue& catalogue, const Settings& settings,
                               std::string_view relativePath, bool notebook) {
  const auto& rules = catalogue.rules();
  std::vector<char> enabled(rules.size(), 0);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    bool on, named = false;
    for (const auto* list : {&settings.select, &settings.extendSelect})
      for (const auto& s : *list)
        if (s != "ALL" && selectorMatches(s, rule.code)) named = true;
    if (settings.select.empty()) {
      on = rule.enabledByDefault;
    } else {
      on = false;
      for (const auto& s : settings.select)
        if (selectorMatches(s, rule.code) && (rule.enabledByDefault || s == rule.code || s == "ALL"))
          on = true;
    }
    for (const auto& s : settings.extendSelect)
      if (selectorMatches(s, rule.code) && (rule.enabledByDefault || s == rule.code || s == "ALL")) on = true;
    for (const auto& s : settings.ignore)
      if (selectorMatches(s, rule.code)) on = false;
    for (const auto& [glob, codes] : settings.perFileIgnores)
      if (globMatch(glob, relativePath))
        for (const auto& s : codes)
          if (selectorMatches(s, rule.code)) on = false;
    if (rule.platform == Platform::Databricks && settings.platform != Platform::Databricks && !notebook &&
        !named)
      on = false;
    if (!rule.appliesTo(settings.target)) on = false;
    enabled[i] = on;
  }
  return enabled;
}

}  // namespace sparkmigrate::analysis
