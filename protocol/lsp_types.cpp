// JSON conversions for the LSP structures and file URI handling.
#include "protocol/lsp_types.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

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

namespace {

[[noreturn]] void badNumber(const nlohmann::json& value, const char* name, const char* expected) {
  std::string got = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (got.size() > 40) got = got.substr(0, 40) + "...";
  throw nlohmann::json::type_error::create(302, fmt::format("{} must be {} (got {})", name, expected, got),
                                           &value);
}

// The value of a number that must be integral, as a double (exact for every
// integer the callers accept).
double integral(const nlohmann::json& value, const char* name, const char* expected) {
  if (!value.is_number()) badNumber(value, name, expected);
  double d = value.get<double>();
  if (std::isnan(d) || (std::isfinite(d) && d != std::floor(d))) badNumber(value, name, expected);
  return d;
}

}  // namespace

std::uint32_t toUinteger(const nlohmann::json& value, const char* name) {
  constexpr std::uint32_t kMax = std::numeric_limits<std::uint32_t>::max();
  constexpr const char* kExpected = "a non-negative integer";
  if (value.is_number_unsigned())
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(value.get<std::uint64_t>(), kMax));
  if (value.is_number_integer()) {
    std::int64_t n = value.get<std::int64_t>();
    if (n < 0) badNumber(value, name, kExpected);
    return static_cast<std::uint32_t>(std::min<std::int64_t>(n, kMax));
  }
  double d = integral(value, name, kExpected);
  if (d < 0) badNumber(value, name, kExpected);
  return d >= kMax ? kMax : static_cast<std::uint32_t>(d);
}

std::int32_t toInteger(const nlohmann::json& value, const char* name) {
  constexpr auto kMin = std::numeric_limits<std::int32_t>::min();
  constexpr auto kMax = std::numeric_limits<std::int32_t>::max();
  constexpr const char* kExpected = "an integer from -2^31 to 2^31-1";
  if (value.is_number_unsigned()) {
    if (value.get<std::uint64_t>() > static_cast<std::uint64_t>(kMax)) badNumber(value, name, kExpected);
    return static_cast<std::int32_t>(value.get<std::uint64_t>());
  }
  if (value.is_number_integer()) {
    std::int64_t n = value.get<std::int64_t>();
    if (n < kMin || n > kMax) badNumber(value, name, kExpected);
    return static_cast<std::int32_t>(n);
  }
  double d = integral(value, name, kExpected);
  if (!(d >= kMin && d <= kMax)) badNumber(value, name, kExpected);
  return static_cast<std::int32_t>(d);
}

void to_json(nlohmann::json& j, const Position& p) {
  j = {{"line", p.line}, {"character", p.character}};
}
void from_json(const nlohmann::json& j, Position& p) {
  p.line = toUinteger(j.at("line"), "line");
  p.character = toUinteger(j.at("character"), "character");
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
