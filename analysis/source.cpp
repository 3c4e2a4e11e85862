// Implementation of the line index. Lines end at "\n"; a preceding "\r" is
// treated as part of the terminator so CRLF files show clean code frames.
#include "analysis/source.h"

#include <algorithm>
#include <cstring>

namespace sparkmigrate::analysis {

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p))); ++p)
    starts_.push_back(static_cast<std::uint32_t>(p - begin + 1));
}

std::string_view LineIndex::lineText(std::string_view text, std::size_t line) const {
  if (line >= starts_.size()) return {};
  std::size_t begin = starts_[line];
  std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text.size();
  if (end > begin && end <= text.size() && text[end - 1] == '\r') --end;
  if (begin > text.size()) return {};
  return text.substr(begin, std::min(end, text.size()) - begin);
}

TextPoint LineIndex::pointAt(std::uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::uint32_t line = static_cast<std::uint32_t>(it - starts_.begin()) - 1;
  return {line, offset - starts_[line]};
}

std::uint32_t LineIndex::offsetAt(std::string_view text, TextPoint point) const {
  if (point.line >= starts_.size()) return static_cast<std::uint32_t>(text.size());
  std::uint32_t begin = starts_[point.line];
  std::uint32_t end =
      point.line + 1 < starts_.size() ? starts_[point.line + 1] - 1 : static_cast<std::uint32_t>(text.size());
  return std::min(begin + point.column, end);
}

}  // namespace sparkmigrate::analysis
