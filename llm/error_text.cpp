// Implementation of the error-text helpers (redaction, one-line messages,
// UTF-8-safe clipping).
#include "llm/error_text.h"

#include <fmt/format.h>

namespace sparkmigrate::llm {

std::string redactSecret(std::string text, std::string_view secret) {
  if (secret.size() < 4) return text;
  for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
    text.replace(at, secret.size(), "***");
  }
  return text;
}

std::string oneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pendingSpace = false;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte == '\n' || byte == '\r' || byte == '\t' || byte == ' ') {
      pendingSpace = !out.empty();
      continue;
    }
    if (byte < 0x20 || byte == 0x7f) continue;
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += c;
  }
  return out;
}

std::string clipText(std::string_view text, std::size_t maxBytes) {
  if (text.size() <= maxBytes) return std::string(text);
  std::size_t cut = maxBytes;
  // Back up over UTF-8 continuation bytes so that no character is split.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

std::string safeText(std::string_view text, std::string_view secret) {
  // Redact before and after joining lines: a key cannot span a line break,
  // but joining could in theory form one from two halves.
  return redactSecret(oneLine(redactSecret(std::string(text), secret)), secret);
}

}  // namespace sparkmigrate::llm
