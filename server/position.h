// The one place where UTF-8 byte offsets (what analysis speaks) and LSP
// positions (line, character in the negotiated encoding) are converted. Every
// handler that reads or writes a position goes through a PositionMapper built
// for the document text it is talking about.
#pragma once

#include "analysis/source.h"
#include "protocol/lsp_types.h"

#include <string_view>

namespace sparkmigrate::server {

class PositionMapper {
 public:
  // `text` and `lines` must outlive the mapper; `lines` indexes `text`.
  PositionMapper(std::string_view text, const analysis::LineIndex& lines, protocol::PositionEncoding encoding)
      : text_(text), lines_(lines), encoding_(encoding) {}

  protocol::Position toPosition(std::uint32_t offset) const;
  protocol::Range toRange(analysis::ByteRange range) const;
  // Byte offset for an LSP position. Lines past the end map to the end of the
  // text; characters past the end of a line map to the end of that line
  // (before its terminator); a position inside a character snaps to its start.
  std::uint32_t toOffset(protocol::Position position) const;
  analysis::ByteRange toByteRange(const protocol::Range& range) const;
  // The (line, byte column) point tree-sitter wants for a byte offset.
  analysis::TextPoint toPoint(std::uint32_t offset) const { return lines_.pointAt(offset); }
  protocol::PositionEncoding encoding() const { return encoding_; }

 private:
  std::string_view text_;
  const analysis::LineIndex& lines_;
  protocol::PositionEncoding encoding_;
};

}  // namespace sparkmigrate::server
