// `sparkmigrate rule`: print one rule's documentation, list the catalogue,
// and write or verify the generated docs/rules/ pages.
#include "analysis/catalogue.h"
#include "analysis/rule_docs.h"
#include "cli/args.h"
#include "cli/commands.h"

#include <fmt/format.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace sparkmigrate::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* kUsage = R"(usage: sparkmigrate rule SPKnnn [--output-format text|markdown] [--color WHEN]
                                    print a rule's documentation (default: text on a
                                    terminal, the Markdown page otherwise)
       sparkmigrate rule --list [--output-format text|json]
       sparkmigrate rule --write-docs DIR  regenerate DIR/SPKnnn.md and DIR/README.md
       sparkmigrate rule --check-docs DIR  exit 1 if DIR is stale
       sparkmigrate rule --schema          print the JSON schema of rule files)";

std::map<std::string, std::string> expectedPages() {
  std::map<std::string, std::string> pages;
  const auto& rules = analysis::Catalogue::builtin().rules();
  for (const auto& rule : rules) pages[rule.code + ".md"] = analysis::renderRulePage(rule);
  pages["README.md"] = analysis::renderRuleIndex(rules);
  return pages;
}

std::string readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool writeAtomically(const fs::path& path, const std::string& text) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    if (!out) return false;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  return !ec;
}

// The JSON schema of a rule file (TOML read as JSON), from the loader's own
// key table, so that editors complete and check rules/SPKnnn.toml.
nlohmann::ordered_json ruleFileSchema() {
  using Type = analysis::RuleFileKey::Type;
  auto table = [](std::string_view name) {
    nlohmann::ordered_json object = {{"type", "object"}, {"additionalProperties", false}};
    nlohmann::ordered_json properties = nlohmann::ordered_json::object(), required = nlohmann::ordered_json::array();
    for (const auto& k : analysis::ruleFileKeys()) {
      if (k.table != name) continue;
      nlohmann::ordered_json property = {{"description", k.description}};
      switch (k.type) {
        case Type::String:
          property["type"] = "string";
          break;
        case Type::Boolean:
          property["type"] = "boolean";
          break;
        case Type::StringArray:
          property["type"] = "array";
          property["items"] = {{"type", "string"}};
          break;
        case Type::Table:
          property["type"] = "object";
          break;
      }
      if (!k.values.empty()) property["enum"] = k.values;
      if (!k.pattern.empty()) property["pattern"] = k.pattern;
      properties[std::string(k.key)] = property;
      if (k.required) required.push_back(k.key);
    }
    object["properties"] = properties;
    if (!required.empty()) object["required"] = required;
    return object;
  };
  nlohmann::ordered_json schema = {{"$schema", "http://json-schema.org/draft-07/schema#"},
                                   {"title", "sparkmigrate rule file (rules/SPKnnn.toml)"}};
  schema.update(table(""));
  for (const char* nested : {"fix", "docs"}) {
    nlohmann::ordered_json inner = table(nested);
    inner["description"] = schema["properties"][nested]["description"];
    schema["properties"][nested] = inner;
  }
  return schema;
}

// A rule page's Markdown as plain text for a terminal: headings bold, the
// facts table as aligned `name: value` lines, code blocks indented, inline
// code and emphasis without their marks, links as `text (url)`.
std::string markdownToText(std::string_view markdown, bool color) {
  auto bold = [color](std::string_view text) {
    return color ? fmt::format("\x1b[1m{}\x1b[0m", text) : std::string(text);
  };
  auto inlineText = [](std::string_view line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (c == '`' || (c == '*' && i + 1 < line.size() && line[i + 1] == '*')) {
        if (c == '*') ++i;
        continue;
      }
      if (c == '[') {  // [text](url)
        std::size_t close = line.find("](", i);
        std::size_t end = close == std::string_view::npos ? close : line.find(')', close);
        if (end != std::string_view::npos) {
          out += std::string(line.substr(i + 1, close - i - 1)) + " (" +
                 std::string(line.substr(close + 2, end - close - 2)) + ")";
          i = end;
          continue;
        }
      }
      out += c;
    }
    return out;
  };
  std::string out;
  bool code = false;
  std::size_t at = 0;
  while (at <= markdown.size()) {
    std::size_t end = markdown.find('\n', at);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(at, end - at);
    at = end + 1;
    if (line.rfind("```", 0) == 0) {
      code = !code;
      continue;
    }
    if (code) {
      out += "    " + std::string(line) + "\n";
    } else if (line.rfind("<!--", 0) == 0) {
      continue;
    } else if (line.rfind("# ", 0) == 0) {
      out += bold(inlineText(line.substr(2))) + "\n";
    } else if (line.rfind("## ", 0) == 0) {
      out += bold(inlineText(line.substr(3))) + "\n";
    } else if (line.rfind("|", 0) == 0) {  // | name | value |
      std::vector<std::string> cells;
      std::size_t pos = 1;
      while (pos < line.size()) {
        std::size_t bar = line.find('|', pos);
        if (bar == std::string_view::npos) break;
        std::string cell(line.substr(pos, bar - pos));
        cell.erase(0, cell.find_first_not_of(' '));
        cell.erase(cell.find_last_not_of(' ') + 1);
        cells.push_back(cell);
        pos = bar + 1;
      }
      if (cells.size() == 2 && !cells[0].empty() && cells[0].find_first_not_of("-") != std::string::npos)
        out += fmt::format("  {:<20}{}\n", inlineText(cells[0]) + ":", inlineText(cells[1]));
    } else {
      out += inlineText(line) + "\n";
    }
    if (end == markdown.size()) break;
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace

int runRule(int argc, char** argv) {
  Args args;
  if (!args.parse(argc, argv, 2,
                  {{"list", false},
                   {"all", false},
                   {"output-format", true},
                   {"write-docs", true},
                   {"check-docs", true},
                   {"schema", false},
                   {"color", true},
                   {"help", false},
                   {"h", false}})) {
    fmt::print(stderr, "sparkmigrate rule: {}\n{}\n", args.error(), kUsage);
    return kExitUsage;
  }
  if (args.has("help") || args.has("h")) {
    fmt::print("{}\n", kUsage);
    return kExitClean;
  }
  const auto& catalogue = analysis::Catalogue::builtin();
  if (args.has("schema")) {
    fmt::print("{}\n", ruleFileSchema().dump(2));
    return kExitClean;
  }
  if (auto dir = args.value("write-docs")) {
    std::error_code ec;
    fs::create_directories(*dir, ec);
    auto pages = expectedPages();
    for (const auto& entry : fs::directory_iterator(*dir, ec))
      if (entry.path().extension() == ".md" && !pages.count(entry.path().filename().string()))
        fs::remove(entry.path(), ec);
    for (const auto& [name, text] : pages)
      if (!writeAtomically(fs::path(*dir) / name, text)) {
        fmt::print(stderr, "sparkmigrate rule: cannot write {}\n", (fs::path(*dir) / name).string());
        return kExitFindings;
      }
    fmt::print("wrote {} pages to {}\n", pages.size(), *dir);
    return kExitClean;
  }
  if (auto dir = args.value("check-docs")) {
    auto pages = expectedPages();
    std::vector<std::string> stale;
    for (const auto& [name, text] : pages)
      if (readAll(fs::path(*dir) / name) != text) stale.push_back(name);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(*dir, ec))
      if (entry.path().extension() == ".md" && !pages.count(entry.path().filename().string()))
        stale.push_back(entry.path().filename().string() + " (no such rule)");
    for (const auto& name : stale) fmt::print(stderr, "stale: {}/{}\n", *dir, name);
    if (!stale.empty()) {
      fmt::print(stderr, "{} is out of date: run `make docs`\n", *dir);
      return kExitFindings;
    }
    fmt::print("{} is up to date ({} pages)\n", *dir, pages.size());
    return kExitClean;
  }
  if (args.has("list") || args.has("all")) {
    std::string format = args.value("output-format").value_or("text");
    if (format == "json") {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& rule : catalogue.rules())
        array.push_back({{"code", rule.code},
                         {"name", rule.name},
                         {"group", rule.group},
                         {"severity", std::string(analysis::severityName(rule.severity))},
                         {"message", rule.message},
                         {"connect_support", rule.connectSupport ? rule.connectSupport->str() : ""},
                         {"applies_from", rule.appliesFrom ? rule.appliesFrom->str() : ""},
                         {"default", rule.enabledByDefault},
                         {"fix", std::string(analysis::fixSafetyName(rule.fix.safety))},
                         {"url", analysis::ruleUrl(rule)}});
      fmt::print("{}\n", array.dump(2));
    } else if (format == "text") {
      for (const auto& rule : catalogue.rules())
        fmt::print("{}  {:<36} {:<8} {}\n", rule.code, rule.name, analysis::severityName(rule.severity),
                   rule.connectSupport ? "Connect " + rule.connectSupport->str() + "+" : "");
    } else {
      fmt::print(stderr, "sparkmigrate rule: --output-format must be text or json\n");
      return kExitUsage;
    }
    return kExitClean;
  }
  if (args.positionals().size() != 1) {
    fmt::print(stderr, "{}\n", kUsage);
    return kExitUsage;
  }
  const analysis::Rule* rule = catalogue.find(args.positionals()[0]);
  if (!rule) {
    fmt::print(stderr, "sparkmigrate rule: no rule {} (see `sparkmigrate rule --list`)\n",
               args.positionals()[0]);
    return kExitUsage;
  }
  const bool terminal = isatty(STDOUT_FILENO);
  std::string format = args.value("output-format").value_or(terminal ? "text" : "markdown");
  auto color = colorOption(args);
  if (!color) {
    fmt::print(stderr, "sparkmigrate rule: --color must be auto, always or never\n");
    return kExitUsage;
  }
  if (format == "markdown") {
    fmt::print("{}", analysis::renderRulePage(*rule));
  } else if (format == "text") {
    fmt::print("{}", markdownToText(analysis::renderRulePage(*rule), *color));
  } else {
    fmt::print(stderr, "sparkmigrate rule: --output-format must be text or markdown\n");
    return kExitUsage;
  }
  return kExitClean;
}

}  // namespace sparkmigrate::cli
