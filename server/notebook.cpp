// Notebook cells and their diagnostics.
#include "server/notebook.h"

#include "server/diagnostics.h"

#include <algorithm>

namespace sparkmigrate::server {

void OpenNotebook::rebuild() {
  std::vector<std::pair<std::size_t, std::string>> code;
  codeCells.clear();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Cell& cell = cells[i];
    if (!cell.code || cell.language != "python") continue;
    code.emplace_back(i + 1, cell.text ? cell.text->text() : std::string());
    codeCells.push_back(cell.uri);
  }
  layout = std::make_shared<const analysis::Notebook>(analysis::notebookFromCells(std::move(code)));
}

std::optional<std::size_t> OpenNotebook::codeCell(const std::string& uri) const {
  auto it = std::find(codeCells.begin(), codeCells.end(), uri);
  if (it == codeCells.end()) return std::nullopt;
  return static_cast<std::size_t>(it - codeCells.begin());
}

std::string cellDiagnosticsText(const DocumentSnapshot& snap, const analysis::CheckResult& check,
                                const analysis::Notebook& layout, std::size_t index) {
  const analysis::NotebookCell& cell = layout.cells.at(index);
  const analysis::LineIndex& lines = *snap.lines;
  const std::string& text = *snap.text;
  auto lineStart = [&](std::size_t line) {
    return line < lines.lineCount() ? lines.lineStart(line) : static_cast<std::uint32_t>(text.size());
  };
  // The marker line is part of the first cell's span, so that nothing is lost.
  const std::uint32_t begin = lineStart(cell.firstLine);
  const std::uint32_t from = index == 0 ? 0 : begin;
  const std::uint32_t end = lineStart(cell.firstLine + cell.lines);
  std::string_view cellText = std::string_view(text).substr(begin, end - begin);
  analysis::LineIndex cellLines(cellText);
  PositionMapper mapper(cellText, cellLines, snap.encoding);
  auto inCell = [&](analysis::ByteRange r) { return r.start >= begin && r.end <= end; };
  auto moved = [&](analysis::ByteRange r) { return analysis::ByteRange{r.start - begin, r.end - begin}; };

  std::string out = "[";
  if (!snap.notAnalysed.empty() && index == 0) appendNotAnalysed(out, snap.notAnalysed);
  for (const auto& d : check.diagnostics) {
    if (d.range.start < from || d.range.start >= end) continue;
    analysis::Diagnostic local = d;
    local.range = inCell(d.range) ? moved(d.range) : analysis::ByteRange{0, 0};
    if (local.fix) {
      bool inside = std::all_of(d.fix->edits.begin(), d.fix->edits.end(), [&](const auto& e) { return inCell(e.range); });
      if (!inside) {
        local.fix.reset();
      } else {
        for (auto& e : local.fix->edits) e.range = moved(e.range);
      }
    }
    if (out.size() > 1) out += ',';
    appendDiagnostic(out, local, mapper);
  }
  out += ']';
  return out;
}

}  // namespace sparkmigrate::server
