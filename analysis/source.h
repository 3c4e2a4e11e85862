// Source text with a line index: converts UTF-8 byte offsets (what tree-sitter
// and the rule engine speak) to 0-based (line, byte column) positions and back,
// and gives each line's text for code frames. Immutable once built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::analysis {

// 0-based line and UTF-8 byte column.
struct TextPoint {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend bool operator==(const TextPoint&, const TextPoint&) = default;
};

struct ByteRange {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  bool contains(const ByteRange& other) const { return start <= other.start && other.end <= end; }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  std::size_t lineCount() const { return starts_.size(); }
  std::uint32_t lineStart(std::size_t line) const { return starts_[line]; }
  // Line text without its terminator.
  std::string_view lineText(std::string_view text, std::size_t line) const;
  TextPoint pointAt(std::uint32_t offset) const;
  // Byte offset of a point; columns past the end of a line clamp to it.
  std::uint32_t offsetAt(std::string_view text, TextPoint point) const;

 private:
  std::vector<std::uint32_t> starts_;
};

}  // namespace sparkmigrate::analysis
