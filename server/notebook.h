// Notebook documents (LSP 3.17 notebookDocument/*): the cells an editor
// sends, in order, each with its text, and the notebook as analysis sees it
// (analysis/notebook.h): one document of its Python code cells, which the
// server holds as an ordinary Document under the notebook's URI, so parsing,
// caching and incremental analysis are those of a file, and the CLI and the
// editor agree on what a notebook's cells define for each other. Findings are
// reported per cell: the document's diagnostics that fall in a cell, moved
// to the cell's own lines.
#pragma once

#include "analysis/checker.h"
#include "analysis/notebook.h"
#include "server/document.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sparkmigrate::server {

struct OpenNotebook {
  struct Cell {
    std::string uri;
    bool code = false;               // kind 2 (code); markup cells are not analysed
    std::string language;            // of its text document
    std::unique_ptr<Document> text;  // null until its text document is opened
  };
  int version = 0;
  std::vector<Cell> cells;
  // The document's layout as last built; codeCells[i] is the URI of layout->cells[i].
  std::shared_ptr<const analysis::Notebook> layout;
  std::vector<std::string> codeCells;

  // Rebuilds layout and codeCells from the Python code cells.
  void rebuild();
  // The index in layout->cells of the code cell `uri`, if it is one.
  std::optional<std::size_t> codeCell(const std::string& uri) const;
};

// The LSP Diagnostic[] of code cell `index` of `layout` (the notebook the
// snapshot's text is the document of): the findings that start in the cell,
// with positions and fix edits in the cell's lines; a fix that would edit
// outside the cell is left out (the CLI's `fix` applies it). The snapshot's
// notAnalysed problem goes to the first cell.
std::string cellDiagnosticsText(const DocumentSnapshot& snap, const analysis::CheckResult& check,
                                const analysis::Notebook& layout, std::size_t index);

}  // namespace sparkmigrate::server
