// Reading a Jupyter notebook into the document analysis checks.
#include "analysis/notebook.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace sparkmigrate::analysis {
namespace {

std::string_view trimmed(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
  return line;
}

// `name = !cmd` or `name = %magic`: IPython's capture of a shell or magic.
bool capturesShell(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == '.' ||
                             line[i] == ',' || line[i] == ' '))
    ++i;
  if (i == 0 || i >= line.size() || line[i] != '=' || (i + 1 < line.size() && line[i + 1] == '=')) return false;
  ++i;
  while (i < line.size() && line[i] == ' ') ++i;
  return i < line.size() && (line[i] == '!' || line[i] == '%');
}

// `name?`, `obj.attr??`: IPython's help.
bool asksHelp(std::string_view line) {
  std::size_t end = line.size();
  while (end > 0 && line[end - 1] == '?') --end;
  if (end == line.size() || end == 0) return false;
  return std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(end), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
  });
}

// A cell's text with its IPython-only lines turned into comments in place.
std::string maskIPython(std::string cell) {
  std::size_t start = 0;
  bool cellMagic = trimmed(cell.substr(0, cell.find('\n'))).starts_with("%%");
  while (start < cell.size()) {
    std::size_t end = cell.find('\n', start);
    if (end == std::string::npos) end = cell.size();
    std::string_view line(cell.data() + start, end - start);
    std::string_view code = trimmed(line);
    bool ipython = cellMagic || code.starts_with('%') || code.starts_with('!') || code.starts_with('?') ||
                   asksHelp(code) || capturesShell(code);
    if (ipython && !code.empty()) cell[start + (code.data() - line.data())] = '#';
    start = end + 1;
  }
  return cell;
}

std::string cellSource(const nlohmann::json& source) {
  if (source.is_string()) return source.get<std::string>();
  std::string text;
  if (source.is_array())
    for (const auto& piece : source)
      if (piece.is_string()) text += piece.get<std::string>();
  return text;
}

}  // namespace

bool startsAsNotebook(std::string_view text) {
  return text.starts_with(kDatabricksNotebookMarker) || text.starts_with(kJupyterNotebookMarker);
}

bool isNotebookPath(std::string_view path) { return path.ends_with(".ipynb"); }

Notebook::Place Notebook::locate(std::uint32_t line) const {
  auto after = std::upper_bound(cells.begin(), cells.end(), line,
                                [](std::uint32_t l, const NotebookCell& c) { return l < c.firstLine; });
  if (after == cells.begin()) return {cells.empty() ? 0 : cells.front().number, 0};
  const NotebookCell& cell = *(after - 1);
  return {cell.number, line - cell.firstLine};
}

support::Expected<Notebook> readNotebook(std::string_view json) {
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return support::Error{"not a notebook (the file is not JSON)"};
  auto format = doc.find("nbformat");
  if (format == doc.end() || !format->is_number_integer() || format->get<int>() != 4)
    return support::Error{"not a notebook sparkmigrate reads (nbformat 4 only)"};
  auto cells = doc.find("cells");
  if (cells == doc.end() || !cells->is_array()) return support::Error{"not a notebook (no cells)"};
  std::string language = "python";
  if (auto meta = doc.find("metadata"); meta != doc.end() && meta->is_object()) {
    if (auto info = meta->find("language_info"); info != meta->end() && info->is_object() &&
                                                  info->contains("name") && (*info)["name"].is_string())
      language = (*info)["name"].get<std::string>();
    else if (auto spec = meta->find("kernelspec"); spec != meta->end() && spec->is_object() &&
                                                   spec->contains("language") && (*spec)["language"].is_string())
      language = (*spec)["language"].get<std::string>();
  }
  std::transform(language.begin(), language.end(), language.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  Notebook notebook;
  notebook.language = language;
  if (language != "python") return notebook;
  notebook.source = std::string(kJupyterNotebookMarker) + "\n";
  std::uint32_t line = 1;
  for (std::size_t i = 0; i < cells->size(); ++i) {
    const auto& cell = (*cells)[i];
    if (!cell.is_object() || cell.value("cell_type", "") != "code") continue;
    std::string text = maskIPython(cellSource(cell.value("source", nlohmann::json())));
    if (!text.empty() && text.back() != '\n') text += '\n';
    auto lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
    notebook.cells.push_back({i + 1, line, lines});
    notebook.source += text;
    line += lines;
  }
  return notebook;
}

}  // namespace sparkmigrate::analysis
