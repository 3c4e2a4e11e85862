// JSON text: compact dumps and a direct string writer (see json_text.h).
#include "protocol/json_text.h"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace sparkmigrate::protocol {

namespace {

// The length of the well-formed UTF-8 sequence at s[i] (lead byte >= 0x80),
// or 0 when it is not one (overlong, surrogate, past U+10FFFF, truncated).
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t length;
  unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (s.size() - i < length) return 0;
  auto second = static_cast<unsigned char>(s[i + 1]);
  if (second < low || second > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return length;
}

// True when none of the 8 bytes at p needs attention in a JSON string: no
// control character, quote, backslash or non-ASCII byte (checked a word at a
// time, as most text is plain ASCII).
bool plainWord(const char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, sizeof x);
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  auto zeroByte = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
  std::uint64_t control = (x - ones * 0x20) & ~x & highs;  // a byte below 0x20
  return ((x & highs) | control | zeroByte(x ^ (ones * '"')) | zeroByte(x ^ (ones * '\\'))) == 0;
}

}  // namespace

std::string dumpJson(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void appendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::size_t before = out.size();
  out += '"';
  std::size_t run = 0;  // start of the bytes copied as they are
  for (std::size_t i = 0; i < s.size(); ++i) {
    while (i + 8 <= s.size() && plainWord(s.data() + i)) i += 8;
    if (i == s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::size_t length = utf8SequenceLength(s, i);
      if (length == 0) {  // rare: let the library decide where replacements go
        out.resize(before);
        out += dumpJson(nlohmann::json(std::string(s)));
        return;
      }
      i += length - 1;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void appendJsonNumber(std::string& out, std::int64_t n) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n);
  out.append(buffer, end);
}

std::string responseText(const nlohmann::json& id, std::string_view resultText) {
  std::string out;
  out.reserve(resultText.size() + 64);  // a report can be megabytes: one allocation
  out += R"({"id":)";
  out += dumpJson(id);
  out += R"(,"jsonrpc":"2.0","result":)";
  out += resultText;
  out += '}';
  return out;
}

std::string notificationText(std::string_view method, std::string_view paramsText) {
  std::string out;
  out.reserve(paramsText.size() + method.size() + 64);
  out += R"({"jsonrpc":"2.0","method":)";
  appendJsonString(out, method);
  out += R"(,"params":)";
  out += paramsText;
  out += '}';
  return out;
}

}  // namespace sparkmigrate::protocol
