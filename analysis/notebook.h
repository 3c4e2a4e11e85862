// Jupyter notebooks (.ipynb, nbformat 4) as analysis sees them: the code
// cells, in order, as one Python document that starts with a marker line
// (as a Databricks source notebook starts with its own), so that the
// notebook globals `spark`, `sc` and `sqlContext` are known, with a
// Databricks cell separator line between cells. IPython syntax that is not
// Python (`%pip`, `%%sql` cells, `!ls`, `x = !ls`, `obj?`) has its first
// character turned into `#`, which keeps every offset; findings map back to
// a cell and a line within it. Markdown and raw cells, outputs and metadata
// are not part of the document. A changed document (fixes, noqa comments)
// is written back into the notebook's JSON by replacing only the `source`
// of the cells that changed, with their IPython lines restored: every other
// byte of the file stays as it was.
#pragma once

#include "support/expected.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sparkmigrate::analysis {

inline constexpr std::string_view kDatabricksNotebookMarker = "# Databricks notebook source";
inline constexpr std::string_view kJupyterNotebookMarker = "# Jupyter notebook (code cells, by sparkmigrate)";
inline constexpr std::string_view kCellSeparator = "# COMMAND ----------";

// True when `text` starts with either notebook marker: the notebook globals apply.
bool startsAsNotebook(std::string_view text);

struct NotebookCell {
  std::size_t number = 0;      // 1-based, counting every cell of the notebook
  std::uint32_t firstLine = 0; // 0-based line of the document where the cell starts
  std::uint32_t lines = 0;     // lines of the cell in the document
  std::string source;          // the cell's code as the notebook has it (IPython lines unmasked)
};

struct Notebook {
  std::string language;  // of its kernel; only a "python" notebook has cells here
  // The marker line, then each code cell (ending with a newline), the cells
  // separated by a kCellSeparator line.
  std::string source;
  std::vector<NotebookCell> cells;  // the code cells, in order
  // The cell that holds 0-based `line` of `source` (the marker line belongs to
  // the first code cell's line 0), and the 0-based line within it.
  struct Place {
    std::size_t cell = 0;  // 1-based cell number
    std::uint32_t line = 0;
  };
  Place locate(std::uint32_t line) const;
};

bool isNotebookPath(std::string_view path);

// The notebook in `json`, or a one-line reason it is not a notebook
// sparkmigrate can read (not JSON, not nbformat 4).
support::Expected<Notebook> readNotebook(std::string_view json);
// The document of a Python notebook whose code cells are `cells`: (1-based
// cell number, code) in order. Editors send cells rather than the file.
Notebook notebookFromCells(std::vector<std::pair<std::size_t, std::string>> cells);

// `json` (the notebook `notebook` was read from) with its code cells replaced
// by those of `document`, a changed version of notebook.source: the cells
// whose code changed get a new `source` in the shape theirs had (a list of
// lines or one string, the same indentation), every other byte is kept. An
// error when the change cannot be put back into cells (a cell separator was
// removed or added, or the result would not read back as `document`).
support::Expected<std::string> writeNotebook(std::string_view json, const Notebook& notebook,
                                             std::string_view document);

}  // namespace sparkmigrate::analysis
