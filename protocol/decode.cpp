// Message decoding: one scan for nesting depth and bad text, then the parse;
// and a SAX reader for the envelope of a refused message.
#include "protocol/decode.h"

#include "support/utf8.h"

#include <fmt/format.h>

#include <vector>

namespace sparkmigrate::protocol {
namespace {

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kReplacementEscape = "\\uFFFD";

// The code unit of the `\uXXXX` escape whose hex digits start at text[i], or
// -1 when there are not four hex digits there.
int hex4(std::string_view text, std::size_t i) {
  if (i + 4 > text.size()) return -1;
  int value = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    char c = text[k];
    int digit = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

bool isHighSurrogate(int unit) {
  return unit >= 0xD800 && unit <= 0xDBFF;
}
bool isLowSurrogate(int unit) {
  return unit >= 0xDC00 && unit <= 0xDFFF;
}

// SAX handler that records the id, method and params.textDocument.uri it
// meets, and nothing else.
class EnvelopeReader : public nlohmann::json_sax<json> {
 public:
  explicit EnvelopeReader(Envelope& out) : out_(out) {}

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t value) override { return scalar(json(value)); }
  bool number_unsigned(number_unsigned_t value) override { return scalar(json(value)); }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t& value) override { return scalar(json(value)); }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    path_.push_back({});
    return true;
  }
  bool key(string_t& name) override {
    if (!path_.empty()) path_.back() = name;
    return true;
  }
  bool end_object() override { return pop(); }
  bool start_array(std::size_t) override {
    path_.push_back("[]");
    return true;
  }
  bool end_array() override { return pop(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool pop() {
    if (!path_.empty()) path_.pop_back();
    return true;
  }
  bool scalar(const json& value) {
    if (path_.size() == 1 && path_[0] == "id" && (value.is_number_integer() || value.is_string()))
      out_.id = value;
    else if (path_.size() == 1 && path_[0] == "method" && value.is_string())
      out_.method = value.get<std::string>();
    else if (path_.size() == 3 && path_[0] == "params" && path_[1] == "textDocument" && path_[2] == "uri" &&
             value.is_string())
      out_.uri = value.get<std::string>();
    return true;
  }

  Envelope& out_;
  std::vector<std::string> path_;  // per open object: the current key ("[]" for arrays)
};

}  // namespace

Decoded decode(std::string body, std::size_t maxDepth) {
  Decoded out;
  std::string repaired;    // the body with its replacements, built once one is needed
  std::size_t copied = 0;  // body[0, copied) is in `repaired` already
  auto replace = [&](std::size_t from, std::size_t to, std::string_view with) {
    if (!out.repairedText) repaired.reserve(body.size() + 64);
    out.repairedText = true;
    repaired.append(body, copied, from - copied);
    repaired.append(with);
    copied = to;
  };
  const std::string_view text = body;
  std::size_t nextBad = support::firstInvalidUtf8(text);  // the next byte that is not UTF-8
  std::size_t depth = 0;
  bool inString = false;
  for (std::size_t i = 0; i < text.size();) {
    if (i >= nextBad) {
      if (i == nextBad) {
        replace(i, i + 1, kReplacementUtf8);
        ++i;
      }
      nextBad = i + support::firstInvalidUtf8(text.substr(i));
      continue;
    }
    char c = text[i];
    if (!inString) {
      if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        if (maxDepth && ++depth > maxDepth) {
          std::string why =
              fmt::format("the message is nested deeper than {} levels (--max-json-depth)", maxDepth);
          out.error = ResponseError{error::kInvalidRequest, std::move(why), nullptr};
          out.envelope = peekEnvelope(text);
          return out;
        }
      } else if ((c == ']' || c == '}') && depth > 0) {
        --depth;
      }
      ++i;
      continue;
    }
    if (c == '"') {
      inString = false;
      ++i;
      continue;
    }
    if (c != '\\') {
      ++i;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == 'u') {
      int unit = hex4(text, i + 2);
      if (isHighSurrogate(unit)) {
        if (text.substr(i + 6, 2) == "\\u" && isLowSurrogate(hex4(text, i + 8))) {
          i += 12;
          continue;
        }
        replace(i, i + 6, kReplacementEscape);
        i += 6;
        continue;
      }
      if (isLowSurrogate(unit)) {
        replace(i, i + 6, kReplacementEscape);
        i += 6;
        continue;
      }
    }
    i += 2;  // any other escape (bad ones are left to the parser)
  }
  if (out.repairedText) {
    repaired.append(body, copied, std::string::npos);
    body = std::move(repaired);
  }
  try {
    out.value = json::parse(body);
  } catch (const json::exception& e) {
    out.error = ResponseError{error::kParseError, e.what(), nullptr};
    out.envelope = peekEnvelope(body);
    out.value = nullptr;
  }
  return out;
}

Envelope peekEnvelope(std::string_view head) {
  Envelope out;
  head = head.substr(0, kEnvelopeBytes);
  EnvelopeReader reader(out);
  json::sax_parse(head.begin(), head.end(), &reader, json::input_format_t::json, /*strict=*/false);
  return out;
}

}  // namespace sparkmigrate::protocol
