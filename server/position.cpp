// Byte offset <-> LSP position conversion for UTF-8, UTF-16 and UTF-32.
#include "server/position.h"

#include "support/utf8.h"

#include <algorithm>

namespace sparkmigrate::server {

protocol::Position PositionMapper::toPosition(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  analysis::TextPoint point = lines_.pointAt(offset);
  std::string_view line = lines_.lineText(text_, point.line);
  std::string_view prefix = line.substr(0, std::min<std::size_t>(point.column, line.size()));
  std::size_t character = prefix.size();
  if (encoding_ == protocol::PositionEncoding::Utf16)
    character = support::countUtf16Units(prefix);
  else if (encoding_ == protocol::PositionEncoding::Utf32)
    character = support::countCodePoints(prefix);
  // An offset after the line's text (inside "\r\n") keeps its byte distance.
  if (point.column > line.size()) character += point.column - line.size();
  return {point.line, static_cast<std::uint32_t>(character)};
}

protocol::Range PositionMapper::toRange(analysis::ByteRange range) const {
  return {toPosition(range.start), toPosition(range.end)};
}

std::uint32_t PositionMapper::toOffset(protocol::Position position) const {
  if (position.line >= lines_.lineCount()) return static_cast<std::uint32_t>(text_.size());
  std::string_view line = lines_.lineText(text_, position.line);
  std::size_t bytes;
  switch (encoding_) {
    case protocol::PositionEncoding::Utf16:
      bytes = support::byteOffsetForUtf16(line, position.character);
      break;
    case protocol::PositionEncoding::Utf32:
      bytes = support::byteOffsetForCodePoints(line, position.character);
      break;
    default:
      bytes = std::min<std::size_t>(position.character, line.size());
      while (bytes > 0 && bytes < line.size() && (static_cast<unsigned char>(line[bytes]) & 0xC0) == 0x80)
        --bytes;
  }
  return lines_.lineStart(position.line) + static_cast<std::uint32_t>(bytes);
}

analysis::ByteRange PositionMapper::toByteRange(const protocol::Range& range) const {
  std::uint32_t start = toOffset(range.start), end = toOffset(range.end);
  if (end < start) std::swap(start, end);
  return {start, end};
}

}  // namespace sparkmigrate::server
