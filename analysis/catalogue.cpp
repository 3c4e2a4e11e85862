// Loading the rule catalogue from TOML with toml++: strict schema (unknown
// keys rejected with file:line), value checks, and a compile of each query so
// that a broken query names its own rule file.
#include "analysis/catalogue.h"

#include "analysis/fix.h"
#include "analysis/config.h"
#include "analysis/query.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <type_traits>

namespace sparkmigrate::analysis {

struct EmbeddedRuleFile {
  const char* path;
  const char* text;
};
extern const EmbeddedRuleFile kEmbeddedRuleFiles[];
extern const std::size_t kEmbeddedRuleFileCount;
// The catalogue's serialize() bytes, written by rules_compiler at build time
// (empty in rules_compiler itself, which loads the TOML).
extern const char kCompiledCatalogue[];
extern const std::size_t kCompiledCatalogueSize;

std::string_view severityName(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "info";
  }
  return "error";
}

std::string_view fixSafetyName(FixSafety safety) {
  switch (safety) {
    case FixSafety::Safe:
      return "safe";
    case FixSafety::Unsafe:
      return "unsafe";
    case FixSafety::DisplayOnly:
      return "display-only";
  }
  return "display-only";
}

namespace {

const std::vector<std::string> kGroups = {"meta", "session",   "sparkcontext",   "jvm",
                                          "rdd",  "dataframe", "legacy-context", "streaming",
                                          "ml",   "behaviour", "packaging",      "databricks"};

// The keys a table of a rule file may have ("" for the top level).
std::vector<std::string_view> keysOf(std::string_view table) {
  std::vector<std::string_view> keys;
  for (const auto& k : ruleFileKeys())
    if (k.table == table) keys.push_back(k.key);
  return keys;
}

// Lower-case words of letters and digits joined by single dashes.
bool isKebabCase(std::string_view name) {
  bool previousDash = true;
  for (char c : name) {
    bool dash = c == '-';
    if (dash ? previousDash : !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    previousDash = dash;
  }
  return !previousDash;
}

// The named lists of rules/lists.toml, by name.
using NamedLists = std::map<std::string, std::vector<std::string>, std::less<>>;

// True for the source that holds the named lists rather than a rule.
bool isListsFile(std::string_view path) {
  constexpr std::string_view kName = "lists.toml";
  return path == kName || (path.size() > kName.size() && path.substr(path.size() - kName.size()) == kName &&
                           path[path.size() - kName.size() - 1] == '/');
}

class RuleParser {
 public:
  RuleParser(const RuleSource& source, std::vector<std::string>& errors, const NamedLists& lists = {})
      : source_(source), errors_(errors), lists_(lists) {}

  // rules/lists.toml: `[lists]` of kebab-case names, each an array of strings.
  NamedLists parseLists() {
    NamedLists out;
    toml::table table;
    try {
      table = toml::parse(source_.text, source_.path);
    } catch (const toml::parse_error& e) {
      error(e.source().begin.line, std::string(e.description()));
      return out;
    }
    checkKeys(table, {"lists"}, "");
    if (auto* lists = table["lists"].as_table()) {
      for (const auto& [name, value] : *lists) {
        if (!isKebabCase(name.str())) error(name.source().begin.line, "list name must be kebab-case");
        out[std::string(name.str())] = stringArray(*lists, name.str());
      }
    }
    return out;
  }

  std::optional<Rule> parse() {
    toml::table table;
    try {
      table = toml::parse(source_.text, source_.path);
    } catch (const toml::parse_error& e) {
      error(e.source().begin.line, std::string(e.description()));
      return std::nullopt;
    }
    Rule rule;
    rule.file = source_.path;
    checkKeys(table, keysOf(""), "");
    rule.code = requireString(table, "code");
    rule.name = requireString(table, "name");
    rule.group = requireString(table, "group");
    rule.message = requireString(table, "message");
    std::string severity = optionalString(table, "severity", "error");
    if (severity == "error")
      rule.severity = Severity::Error;
    else if (severity == "warning")
      rule.severity = Severity::Warning;
    else if (severity == "info")
      rule.severity = Severity::Info;
    else
      error(line(table, "severity"), "severity must be error, warning or info");
    if (!rule.code.empty() && (rule.code.size() != 6 || !isValidSelector(rule.code)))
      error(line(table, "code"), "code must look like SPKnnn");
    std::string expected = "rules/" + rule.code + ".toml";
    if (!rule.code.empty() && source_.path.size() >= expected.size() &&
        source_.path.substr(source_.path.size() - expected.size()) != expected)
      error(line(table, "code"), "file name must be " + rule.code + ".toml");
    if (!rule.name.empty() && !isKebabCase(rule.name)) error(line(table, "name"), "name must be kebab-case");
    if (!rule.group.empty() && std::find(kGroups.begin(), kGroups.end(), rule.group) == kGroups.end())
      error(line(table, "group"), "unknown group '" + rule.group + "'");
    if (rule.message.find('\n') != std::string::npos)
      error(line(table, "message"), "message must be one line");
    rule.catalogue = stringArray(table, "catalogue");
    rule.connectSupport = versionField(table, "connect-support");
    rule.appliesFrom = versionField(table, "applies-from");
    rule.enabledByDefault = optionalBool(table, "default", true);
    rule.generic = optionalBool(table, "generic", false);
    std::string platform = optionalString(table, "platform", "any");
    if (platform == "any")
      rule.platform = Platform::Any;
    else if (platform == "databricks")
      rule.platform = Platform::Databricks;
    else
      error(line(table, "platform"), "platform must be any or databricks");
    rule.queryLine = line(table, "query");
    rule.query = expandLists(optionalString(table, "query", ""), rule.queryLine);
    if (rule.query.empty() && rule.group != "meta") error(line(table, "code"), "missing key 'query'");

    if (auto* fix = table["fix"].as_table()) {
      checkKeys(*fix, keysOf("fix"), "fix.");
      std::string safety = optionalString(*fix, "safety", "display-only");
      if (safety == "safe")
        rule.fix.safety = FixSafety::Safe;
      else if (safety == "unsafe")
        rule.fix.safety = FixSafety::Unsafe;
      else if (safety == "display-only")
        rule.fix.safety = FixSafety::DisplayOnly;
      else
        error(line(*fix, "safety"), "fix.safety must be safe, unsafe or display-only");
      rule.fix.transform = optionalString(*fix, "transform", "");
      if (!rule.fix.transform.empty() && !findTransform(rule.fix.transform))
        error(line(*fix, "transform"), "unknown fix transform '" + rule.fix.transform + "'");
      if (!rule.fix.transform.empty() && rule.fix.safety == FixSafety::DisplayOnly)
        error(line(*fix, "transform"), "a fix with a transform must be safe or unsafe");
      rule.fix.message = optionalString(*fix, "message", "");
    }
    if (auto* docs = table["docs"].as_table()) {
      checkKeys(*docs, keysOf("docs"), "docs.");
      rule.docs.what = optionalString(*docs, "what", "");
      rule.docs.why = optionalString(*docs, "why", "");
      rule.docs.example = optionalString(*docs, "example", "");
      rule.docs.instead = optionalString(*docs, "instead", "");
      rule.docs.fixSafety = optionalString(*docs, "fix-safety", "");
      rule.docs.references = stringArray(*docs, "references");
    } else {
      error(line(table, "code"), "missing table [docs]");
    }
    return rule;
  }

  void error(std::uint32_t lineNumber, const std::string& message) {
    errors_.push_back(source_.path + ":" + std::to_string(lineNumber ? lineNumber : 1) + ": " + message);
  }

 private:
  // The query with each `"$name"` string replaced by the strings of the
  // named list (rules/lists.toml), quoted and separated by spaces.
  std::string expandLists(const std::string& query, std::uint32_t queryLine) {
    std::string out;
    std::size_t pos = 0;
    for (std::size_t at = query.find("\"$"); at != std::string::npos; at = query.find("\"$", pos)) {
      std::size_t close = query.find('"', at + 2);
      if (close == std::string::npos) break;
      std::string_view name = std::string_view(query).substr(at + 2, close - at - 2);
      out.append(query, pos, at - pos);
      auto list = lists_.find(name);
      if (list == lists_.end()) {
        // A multi-line query starts on the line after `query = '''`.
        std::uint32_t first = queryLine + (query.find('\n') != std::string::npos ? 1 : 0);
        error(first + static_cast<std::uint32_t>(std::count(query.begin(), query.begin() + at, '\n')), "unknown list '" + std::string(name) + "' (named lists live in rules/lists.toml)");
        out.append(query, at, close + 1 - at);
      } else {
        for (std::size_t i = 0; i < list->second.size(); ++i) out += (i ? " \"" : "\"") + list->second[i] + "\"";
      }
      pos = close + 1;
    }
    out.append(query, pos, std::string::npos);
    return out;
  }

  static std::uint32_t line(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    return node ? node->source().begin.line : table.source().begin.line;
  }

  void checkKeys(const toml::table& table, const std::vector<std::string_view>& allowed,
                 std::string_view prefix) {
    for (const auto& [key, value] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end())
        error(key.source().begin.line, "unknown key '" + std::string(prefix) + std::string(key.str()) + "'");
    }
  }

  std::string requireString(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    if (!node) {
      error(table.source().begin.line, "missing key '" + std::string(key) + "'");
      return {};
    }
    if (!node->is_string()) {
      error(node->source().begin.line, "'" + std::string(key) + "' must be a string");
      return {};
    }
    return std::string(*node->value<std::string_view>());
  }

  std::string optionalString(const toml::table& table, std::string_view key, std::string fallback) {
    if (!table.get(key)) return fallback;
    return requireString(table, key);
  }

  bool optionalBool(const toml::table& table, std::string_view key, bool fallback) {
    const toml::node* node = table.get(key);
    if (!node) return fallback;
    if (!node->is_boolean()) {
      error(node->source().begin.line, "'" + std::string(key) + "' must be true or false");
      return fallback;
    }
    return *node->value<bool>();
  }

  std::vector<std::string> stringArray(const toml::table& table, std::string_view key) {
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (!node) return out;
    const toml::array* array = node->as_array();
    if (!array) {
      error(node->source().begin.line, "'" + std::string(key) + "' must be an array of strings");
      return out;
    }
    for (const auto& item : *array) {
      if (auto s = item.value<std::string_view>())
        out.emplace_back(*s);
      else
        error(item.source().begin.line, "'" + std::string(key) + "' must be an array of strings");
    }
    return out;
  }

  std::optional<SparkVersion> versionField(const toml::table& table, std::string_view key) {
    if (!table.get(key)) return std::nullopt;
    std::string text = requireString(table, key);
    auto version = parseSparkVersion(text);
    if (!version) error(line(table, key), "'" + std::string(key) + "' must be a version like 4.0");
    return version;
  }

  const RuleSource& source_;
  std::vector<std::string>& errors_;
  const NamedLists& lists_;
};

}  // namespace

const std::vector<RuleFileKey>& ruleFileKeys() {
  using T = RuleFileKey::Type;
  static const std::vector<RuleFileKey> keys = {
      {"", "code", T::String, true, {}, "^SPK[0-9]{3}$", "The rule's code, SPK and three digits; the file is named after it."},
      {"", "name", T::String, true, {}, "^[a-z0-9]+(-[a-z0-9]+)*$", "A unique kebab-case name."},
      {"", "group", T::String, true, kGroups, "", "The family the rule belongs to."},
      {"", "severity", T::String, false, {"error", "warning", "info"}, "",
       "error: breaks under Connect (default); warning: behaviour changes or often breaks; info: worth knowing."},
      {"", "message", T::String, true, {}, "^[^\n]*$",
       "One line shown with each finding; {capture} inserts a capture's text."},
      {"", "catalogue", T::StringArray, false, {}, "", "Entries of the Spark Connect catalogue this rule covers."},
      {"", "connect-support", T::String, false, {}, "^[0-9]+\\.[0-9]+$",
       "First Spark version whose Connect client supports the API; targets at or above it drop the rule."},
      {"", "applies-from", T::String, false, {}, "^[0-9]+\\.[0-9]+$",
       "For behaviour changes: the rule reports only for targets at or above this version."},
      {"", "default", T::Boolean, false, {}, "", "false for opt-in rules (selected by exact code or ALL)."},
      {"", "generic", T::Boolean, false, {}, "",
       "true for catch-all rules, dropped when a specific finding on the same chain is at least as severe."},
      {"", "platform", T::String, false, {"any", "databricks"}, "", "databricks for rules that only matter there."},
      {"", "query", T::String, false, {}, "",
       "The tree-sitter query with sparkmigrate's predicates and a @report capture (required except for meta rules)."},
      {"", "fix", T::Table, false, {}, "", "How findings are fixed."},
      {"", "docs", T::Table, true, {}, "", "The rule's documentation page."},
      {"fix", "safety", T::String, false, {"safe", "unsafe", "display-only"}, "",
       "safe fixes apply by default, unsafe ones with --unsafe-fixes, display-only ones never."},
      {"fix", "transform", T::String, false, transformNames(), "", "The registered fix transform that rewrites the code."},
      {"fix", "message", T::String, false, {}, "", "What the fix does, or what to do by hand."},
      {"docs", "what", T::String, false, {}, "", "What the rule finds."},
      {"docs", "why", T::String, false, {}, "", "Why it breaks or changes under Spark Connect."},
      {"docs", "example", T::String, false, {}, "", "Code the rule flags."},
      {"docs", "instead", T::String, false, {}, "", "The Spark Connect way; the rule must not flag it."},
      {"docs", "fix-safety", T::String, false, {}, "", "Why the fix is safe or unsafe."},
      {"docs", "references", T::StringArray, false, {}, "", "Links to documentation."},
  };
  return keys;
}

support::Expected<std::shared_ptr<const Catalogue>> Catalogue::load(const std::vector<RuleSource>& sources,
                                                                    bool validateQueries) {
  std::vector<std::string> errors;
  auto catalogue = std::make_shared<Catalogue>();
  std::set<std::string> codes, names;
  NamedLists lists;
  for (const auto& source : sources)
    if (isListsFile(source.path)) lists = RuleParser(source, errors).parseLists();
  for (const auto& source : sources) {
    if (isListsFile(source.path)) continue;
    RuleParser parser(source, errors, lists);
    auto rule = parser.parse();
    if (!rule) continue;
    if (!rule->code.empty() && !codes.insert(rule->code).second)
      parser.error(1, "code " + rule->code + " is used by another rule");
    if (!rule->name.empty() && !names.insert(rule->name).second)
      parser.error(1, "name " + rule->name + " is used by another rule");
    if (validateQueries && !rule->query.empty()) {
      std::string problem = validateRuleQuery(*rule);
      if (!problem.empty()) errors.push_back(problem);
    }
    catalogue->rules_.push_back(std::move(*rule));
  }
  if (!errors.empty()) {
    std::ostringstream out;
    for (std::size_t i = 0; i < errors.size(); ++i) out << (i ? "\n" : "") << errors[i];
    return support::Error{out.str()};
  }
  std::sort(catalogue->rules_.begin(), catalogue->rules_.end(),
            [](const Rule& a, const Rule& b) { return a.code < b.code; });
  return std::shared_ptr<const Catalogue>(std::move(catalogue));
}

std::vector<RuleSource> Catalogue::builtinSources() {
  std::vector<RuleSource> sources;
  for (std::size_t i = 0; i < kEmbeddedRuleFileCount; ++i)
    sources.push_back({kEmbeddedRuleFiles[i].path, kEmbeddedRuleFiles[i].text});
  return sources;
}

const Catalogue& Catalogue::builtin() {
  static const std::shared_ptr<const Catalogue> catalogue = [] {
    auto compiled = deserialize(std::string_view(kCompiledCatalogue, kCompiledCatalogueSize));
    if (!compiled) {
      std::fprintf(stderr, "sparkmigrate: the built-in rule catalogue is missing or broken (a build defect)\n");
      std::abort();
    }
    return compiled;
  }();
  return *catalogue;
}

// ---- The compiled form: a format tag, the number of rules, then every
// rule's fields in the order ruleFields lists them. Numbers (counts, enums,
// flags) are 32-bit little-endian; a string is its length and its bytes; a
// list its length and its items; an optional version a flag and, when set,
// major and minor.

namespace {

constexpr std::string_view kCompiledFormat = "sparkmigrate-catalogue-1\n";

// Every field of a rule, in the compiled form's order: the one list both
// the writer and the reader go through.
template <typename Archive, typename R>
void ruleFields(Archive& a, R& r) {
  a(r.code), a(r.name), a(r.group), a(r.severity), a(r.message), a(r.catalogue);
  a(r.connectSupport), a(r.appliesFrom), a(r.enabledByDefault), a(r.generic), a(r.platform);
  a(r.query), a(r.queryLine), a(r.file);
  a(r.docs.what), a(r.docs.why), a(r.docs.example), a(r.docs.instead), a(r.docs.fixSafety);
  a(r.docs.references), a(r.fix.safety), a(r.fix.transform), a(r.fix.message);
}

// The largest value of each enum the form holds (the reader refuses others).
constexpr std::uint32_t lastValue(Severity) { return static_cast<std::uint32_t>(Severity::Info); }
constexpr std::uint32_t lastValue(Platform) { return static_cast<std::uint32_t>(Platform::Databricks); }
constexpr std::uint32_t lastValue(FixSafety) { return static_cast<std::uint32_t>(FixSafety::DisplayOnly); }

class ByteWriter {
 public:
  void operator()(std::uint32_t n) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
  }
  void operator()(bool b) { (*this)(std::uint32_t{b}); }
  template <typename Enum, typename = std::enable_if_t<std::is_enum_v<Enum>>>
  void operator()(Enum e) {
    (*this)(static_cast<std::uint32_t>(e));
  }
  void operator()(std::string_view s) {
    (*this)(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void operator()(const std::string& s) { (*this)(std::string_view(s)); }
  void operator()(const std::vector<std::string>& list) {
    (*this)(static_cast<std::uint32_t>(list.size()));
    for (const auto& s : list) (*this)(s);
  }
  void operator()(const std::optional<SparkVersion>& v) {
    (*this)(v.has_value());
    if (v) (*this)(static_cast<std::uint32_t>(v->major)), (*this)(static_cast<std::uint32_t>(v->minor));
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what ByteWriter wrote. A read past the end, or an enum or flag out
// of range, sets failed() and leaves the rest unread.
class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  void operator()(std::uint32_t& n) {
    n = 0;
    if (in_.size() < 4) return fail();
    for (int i = 0; i < 4; ++i) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(in_[i])) << (8 * i);
    in_.remove_prefix(4);
  }
  void operator()(bool& b) {
    std::uint32_t n;
    (*this)(n);
    if (n > 1) fail();
    b = n == 1;
  }
  template <typename Enum, typename = std::enable_if_t<std::is_enum_v<Enum>>>
  void operator()(Enum& e) {
    std::uint32_t n;
    (*this)(n);
    if (n > lastValue(e)) fail();
    e = static_cast<Enum>(n);
  }
  void operator()(std::string& s) {
    std::uint32_t size;
    (*this)(size);
    if (size > in_.size()) return fail();
    s.assign(in_.substr(0, size));
    in_.remove_prefix(size);
  }
  void operator()(std::vector<std::string>& list) {
    std::uint32_t size;
    (*this)(size);
    if (size > in_.size()) return fail();  // each item takes at least 4 bytes
    list.resize(size);
    for (auto& s : list) (*this)(s);
  }
  void operator()(std::optional<SparkVersion>& v) {
    bool set;
    (*this)(set);
    v.reset();
    if (!set) return;
    std::uint32_t major, minor;
    (*this)(major), (*this)(minor);
    v = SparkVersion{static_cast<int>(major), static_cast<int>(minor)};
  }
  bool failed() const { return failed_; }
  bool atEnd() const { return in_.empty(); }

 private:
  void fail() {
    failed_ = true;
    in_ = {};
  }
  std::string_view in_;
  bool failed_ = false;
};

}  // namespace

std::string Catalogue::serialize() const {
  ByteWriter out;
  out(kCompiledFormat);
  out(static_cast<std::uint32_t>(rules_.size()));
  for (const Rule& rule : rules_) ruleFields(out, rule);
  return out.take();
}

std::shared_ptr<const Catalogue> Catalogue::deserialize(std::string_view bytes) {
  ByteReader in(bytes);
  std::string format;
  in(format);
  if (format != kCompiledFormat) return nullptr;
  auto catalogue = std::make_shared<Catalogue>();
  std::uint32_t count = 0;
  in(count);
  for (std::uint32_t i = 0; i < count && !in.failed(); ++i) ruleFields(in, catalogue->rules_.emplace_back());
  if (in.failed() || !in.atEnd()) return nullptr;
  return catalogue;
}

const Rule* Catalogue::find(std::string_view code) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), code,
                             [](const Rule& rule, std::string_view c) { return rule.code < c; });
  if (it == rules_.end() || it->code != code) return nullptr;
  return &*it;
}

}  // namespace sparkmigrate::analysis
