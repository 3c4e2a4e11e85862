// JSON conversions for the LSP structures and file URI handling.
#include "protocol/lsp_types.h"

#include <cctype>

namespace sparkmigrate::protocol {

std::string_view encodingName(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8:
      return "utf-8";
    case PositionEncoding::Utf32:
      return "utf-32";
    case PositionEncoding::Utf16:
      break;
  }
  return "utf-16";
}

void to_json(nlohmann::json& j, const Position& p) {
  j = {{"line", p.line}, {"character", p.character}};
}
void from_json(const nlohmann::json& j, Position& p) {
  p.line = j.at("line").get<std::uint32_t>();
  p.character = j.at("character").get<std::uint32_t>();
}
void to_json(nlohmann::json& j, const Range& r) {
  j = {{"start", r.start}, {"end", r.end}};
}
void from_json(const nlohmann::json& j, Range& r) {
  r.start = j.at("start").get<Position>();
  r.end = j.at("end").get<Position>();
}
void to_json(nlohmann::json& j, const TextEdit& e) {
  j = {{"range", e.range}, {"newText", e.newText}};
}
void from_json(const nlohmann::json& j, TextDocumentContentChangeEvent& c) {
  if (auto r = j.find("range"); r != j.end() && !r->is_null()) c.range = r->get<Range>();
  c.text = j.at("text").get<std::string>();
}

std::string uriToPath(const std::string& uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.compare(0, kScheme.size(), kScheme) != 0) return "";
  std::string rest = uri.substr(kScheme.size());
  // Drop an authority ("file://host/path"); localhost and empty are the same.
  if (!rest.empty() && rest[0] != '/') {
    auto slash = rest.find('/');
    rest = slash == std::string::npos ? "/" : rest.substr(slash);
  }
  std::string out;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && std::isxdigit(static_cast<unsigned char>(rest[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(rest[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(rest.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(rest[i]);
    }
  }
  return out;
}

std::string pathToUri(const std::string& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace sparkmigrate::protocol
