// Unit tests for the UTF-8 helpers and the line index.
#include "analysis/source.h"
#include "support/utf8.h"

#include <catch2/catch.hpp>

using namespace sparkmigrate;

TEST_CASE("UTF-8 validation") {
  CHECK(support::isValidUtf8("plain ascii"));
  CHECK(support::isValidUtf8("caf\xC3\xA9 \xF0\x9F\x98\x80"));
  CHECK_FALSE(support::isValidUtf8("\xC3"));          // truncated
  CHECK_FALSE(support::isValidUtf8("\xC0\xAF"));      // overlong
  CHECK_FALSE(support::isValidUtf8("\xED\xA0\x80"));  // surrogate
  CHECK(support::firstInvalidUtf8("ab\xFF") == 2);
}

TEST_CASE("UTF-8 validation finds a bad byte wherever it stands among ASCII runs") {
  // ASCII is checked eight bytes at a time: a bad byte or sequence at any
  // offset, before or after valid multi-byte characters, is still found.
  for (std::size_t before = 0; before < 20; ++before)
    for (std::size_t after = 0; after < 12; ++after)
      for (std::string_view bad : {"\xFF", "\xC3", "\xC0\xAF", "\xE2\x82"}) {
        std::string text = std::string(before, 'a') + (before % 3 ? "\xC3\xA9" : "");
        text += std::string(after, 'b');
        std::size_t at = text.size();
        CHECK(support::firstInvalidUtf8(text) == at);
        text += std::string(bad) + std::string(after, 'c');
        CHECK(support::firstInvalidUtf8(text) == at);
      }
}

TEST_CASE("code point and UTF-16 conversions") {
  std::string line = "x = \"\xC3\xA9\xF0\x9F\x98\x80\" + y";  // x = "é😀" + y
  CHECK(support::countCodePoints(line) == 12);
  CHECK(support::countUtf16Units(line) == 13);
  // 'y' is at byte 15, code point 11, UTF-16 unit 12.
  CHECK(support::byteOffsetForCodePoints(line, 11) == 15);
  CHECK(support::byteOffsetForUtf16(line, 12) == 15);
  // A UTF-16 offset inside a surrogate pair never splits the code point.
  CHECK(support::byteOffsetForUtf16(line, 7) == 7);
}

TEST_CASE("line index maps offsets to points and back") {
  std::string text = "a\r\nbc\n\ndef";
  analysis::LineIndex lines(text);
  CHECK(lines.lineCount() == 4);
  CHECK(lines.lineText(text, 0) == "a");
  CHECK(lines.lineText(text, 1) == "bc");
  CHECK(lines.lineText(text, 3) == "def");
  CHECK(lines.pointAt(4) == analysis::TextPoint{1, 1});
  CHECK(lines.offsetAt(text, {3, 2}) == 9);
  CHECK(lines.offsetAt(text, {1, 99}) == 5);
}
