// Implementation of the UTF-8 helpers: a strict decoder following RFC 3629.
#include "support/utf8.h"

#include <cstdint>
#include <cstring>

namespace sparkmigrate::support {
namespace {

// Length in bytes of the sequence starting at text[i], or 0 if invalid.
std::size_t sequenceLength(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t len;
  std::uint32_t cp;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return 0;
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// Length of the (assumed valid) sequence from its lead byte.
std::size_t leadLength(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

}  // namespace

std::size_t firstInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Source is mostly ASCII: eight bytes without a high bit are valid.
    for (std::uint64_t word; i + 8 <= text.size(); i += 8) {
      std::memcpy(&word, text.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
    }
    if (i == text.size()) break;
    std::size_t len = sequenceLength(text, i);
    if (len == 0) return i;
    i += len;
  }
  return text.size();
}

bool isValidUtf8(std::string_view text) {
  return firstInvalidUtf8(text) == text.size();
}

std::size_t countCodePoints(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::size_t countUtf16Units(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) == 0x80) continue;
    n += (c & 0xF8) == 0xF0 ? 2 : 1;
  }
  return n;
}

std::size_t byteOffsetForUtf16(std::string_view line, std::size_t units) {
  std::size_t i = 0, used = 0;
  while (i < line.size()) {
    std::size_t len = leadLength(static_cast<unsigned char>(line[i]));
    std::size_t cost = len == 4 ? 2 : 1;
    if (used + cost > units) break;
    used += cost;
    i += len;
  }
  return i < line.size() ? i : line.size();
}

std::size_t byteOffsetForCodePoints(std::string_view line, std::size_t points) {
  std::size_t i = 0, used = 0;
  while (i < line.size() && used < points) {
    i += leadLength(static_cast<unsigned char>(line[i]));
    ++used;
  }
  return i < line.size() ? i : line.size();
}

}  // namespace sparkmigrate::support
