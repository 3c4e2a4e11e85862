// UTF-8 helpers shared by the CLI (columns in characters) and the language
// server (UTF-16 / UTF-8 / UTF-32 position encodings). Analysis works in
// UTF-8 byte offsets; these functions convert at the edges.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sparkmigrate::support {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates).
bool isValidUtf8(std::string_view text);
// Index of the first invalid byte, or text.size() when valid.
std::size_t firstInvalidUtf8(std::string_view text);

// Number of code points in `text` (assumed valid UTF-8).
std::size_t countCodePoints(std::string_view text);
// Number of UTF-16 code units needed for `text` (assumed valid UTF-8).
std::size_t countUtf16Units(std::string_view text);

// Byte offset within `line` that corresponds to `units` UTF-16 code units
// (clamped to the line length; never splits a code point).
std::size_t byteOffsetForUtf16(std::string_view line, std::size_t units);
// Byte offset within `line` for `points` code points (clamped).
std::size_t byteOffsetForCodePoints(std::string_view line, std::size_t points);

}  // namespace sparkmigrate::support
