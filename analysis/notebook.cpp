// Reading a Jupyter notebook into the document analysis checks.
#include "analysis/notebook.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>

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

// A cell's code as the document has it: IPython masked, ending with a newline.
std::string documentText(const std::string& source) {
  std::string text = maskIPython(source);
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

// `changed`, a changed version of documentText(source), with the IPython
// lines that are still there (in order) given back their original text.
std::string unmask(const std::string& source, std::string_view changed) {
  std::vector<std::pair<std::string_view, std::string_view>> masked;  // (as masked, as written)
  const std::string maskedSource = maskIPython(source);
  for (std::size_t at = 0; at < source.size();) {
    std::size_t end = std::min(source.find('\n', at), source.size());
    if (source.compare(at, end - at, maskedSource, at, end - at) != 0)
      masked.emplace_back(std::string_view(maskedSource).substr(at, end - at),
                          std::string_view(source).substr(at, end - at));
    at = end + 1;
  }
  std::string out;
  std::size_t next = 0;  // masked lines before it are used or passed
  for (std::size_t at = 0; at < changed.size();) {
    std::size_t end = std::min(changed.find('\n', at), changed.size());
    std::string_view line = changed.substr(at, end - at);
    auto found = std::find_if(masked.begin() + static_cast<std::ptrdiff_t>(next), masked.end(),
                              [&](const auto& m) { return m.first == line; });
    if (found != masked.end()) {
      line = found->second;
      next = static_cast<std::size_t>(found - masked.begin()) + 1;
    }
    out += line;
    if (end < changed.size()) out += '\n';
    at = end + 1;
  }
  return out;
}

struct ByteSpan {
  std::size_t begin = 0, end = 0;
};

// Just enough of a JSON reader to find where values are in text that is
// known to be valid JSON (nlohmann has parsed it), so that one value can be
// replaced and every other byte kept.
class JsonScanner {
 public:
  explicit JsonScanner(std::string_view text) : text_(text) {}
  std::size_t at() const { return at_; }
  char peek() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r'))
      ++at_;
    return at_ < text_.size() ? text_[at_] : '\0';
  }
  bool take(char c) {
    if (peek() != c) return false;
    ++at_;
    return true;
  }
  // A string at the cursor, decoded.
  std::string string() {
    std::size_t start = at_;
    skipValue();
    return nlohmann::json::parse(text_.substr(start, at_ - start)).get<std::string>();
  }
  void skipValue() {
    char c = peek();
    if (c == '"') {
      for (++at_; at_ < text_.size() && text_[at_] != '"'; ++at_)
        if (text_[at_] == '\\') ++at_;
      ++at_;
    } else if (c == '{' || c == '[') {
      int depth = 0;
      do {
        c = peek();
        if (c == '"') {
          skipValue();
          continue;
        }
        if (c == '{' || c == '[') ++depth;
        if (c == '}' || c == ']') --depth;
        ++at_;
      } while (depth > 0 && at_ < text_.size());
    } else {
      while (at_ < text_.size() && std::string_view(",]} \t\r\n").find(text_[at_]) == std::string_view::npos) ++at_;
    }
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

// Where each cell's `source` value is in the notebook's JSON, by cell index
// (the last one, when a key is repeated, as the parser keeps).
std::vector<std::optional<ByteSpan>> sourceSpans(std::string_view json) {
  std::vector<std::optional<ByteSpan>> spans;
  JsonScanner scan(json);
  auto members = [&](auto&& onKey) {  // the members of the object at the cursor
    if (!scan.take('{')) {
      scan.skipValue();
      return;
    }
    if (scan.take('}')) return;
    do {
      std::string key = scan.string();
      scan.take(':');
      onKey(key);
    } while (scan.take(','));
    scan.take('}');
  };
  members([&](const std::string& key) {
    if (key != "cells" || scan.peek() != '[') return scan.skipValue();
    spans.clear();
    scan.take('[');
    if (scan.take(']')) return;
    do {
      std::optional<ByteSpan>& span = spans.emplace_back();
      members([&](const std::string& cellKey) {
        std::size_t start = (scan.peek(), scan.at());
        scan.skipValue();
        if (cellKey == "source") span = ByteSpan{start, scan.at()};
      });
    } while (scan.take(','));
    scan.take(']');
  });
  return spans;
}

// The JSON for a cell's new `source`, in the shape of the old value at
// `span`: one string, or a list of lines laid out as the old list was.
std::string sourceJson(std::string_view json, ByteSpan span, const std::string& source) {
  auto quoted = [](std::string_view text) {
    return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  };
  std::string_view old = json.substr(span.begin, span.end - span.begin);
  if (old.front() != '[') return quoted(source);
  if (source.empty()) return "[]";
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < source.size();) {
    std::size_t end = std::min(source.find('\n', at), source.size() - 1) + 1;
    lines.push_back(std::string_view(source).substr(at, end - at));
    at = end;
  }
  // The white space that opened, separated and closed the old list; for an
  // empty list, nbformat's layout one step deeper than the key's line.
  auto space = [&](std::size_t from) {
    std::size_t end = json.find_first_not_of(" \t\r\n", from);
    return json.substr(from, end - from);
  };
  std::string open, separator, close;
  std::size_t first = old.find_first_not_of(" \t\r\n", 1);
  if (old[first] == ']') {
    std::size_t lineStart = json.rfind('\n', span.begin);
    lineStart = lineStart == std::string_view::npos ? 0 : lineStart + 1;
    std::string_view indent = space(lineStart);
    if (indent.size() > span.begin - lineStart) indent = indent.substr(0, span.begin - lineStart);
    open = separator = "\n" + std::string(indent) + " ";
    close = "\n" + std::string(indent);
  } else {
    open = std::string(space(span.begin + 1));
    JsonScanner scan(old);
    scan.take('[');
    scan.skipValue();
    separator = scan.take(',') ? std::string(space(span.begin + scan.at())) : open;
    std::size_t last = old.find_last_not_of(" \t\r\n", old.size() - 2);
    close = std::string(old.substr(last + 1, old.size() - 2 - last));
  }
  std::string out = "[" + open;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "," + separator : "") + quoted(lines[i]);
  return out + close + "]";
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
  if (language == "python") {
    std::vector<std::pair<std::size_t, std::string>> code;
    for (std::size_t i = 0; i < cells->size(); ++i) {
      const auto& cell = (*cells)[i];
      if (cell.is_object() && cell.value("cell_type", "") == "code")
        code.emplace_back(i + 1, cellSource(cell.value("source", nlohmann::json())));
    }
    notebook = notebookFromCells(std::move(code));
  }
  notebook.language = language;
  return notebook;
}

Notebook notebookFromCells(std::vector<std::pair<std::size_t, std::string>> cells) {
  Notebook notebook;
  notebook.language = "python";
  notebook.source = std::string(kJupyterNotebookMarker) + "\n";
  std::uint32_t line = 1;
  for (auto& [number, source] : cells) {
    if (!notebook.cells.empty()) {
      notebook.source += kCellSeparator;
      notebook.source += '\n';
      ++line;
    }
    std::string text = documentText(source);
    auto lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
    notebook.cells.push_back({number, line, lines, std::move(source)});
    notebook.source += text;
    line += lines;
  }
  return notebook;
}

support::Expected<std::string> writeNotebook(std::string_view json, const Notebook& notebook,
                                             std::string_view document) {
  if (document == notebook.source) return std::string(json);
  const support::Error crossed{"the change could not be put back into the notebook's cells; left as it is"};
  // The document's cells: after the marker line, between separator lines.
  std::string marker = std::string(kJupyterNotebookMarker) + "\n";
  if (!document.starts_with(marker)) return crossed;
  std::vector<std::string_view> parts;
  std::size_t begin = marker.size(), at = begin;
  while (at < document.size()) {
    std::size_t end = document.find('\n', at);
    end = end == std::string_view::npos ? document.size() : end + 1;
    std::string_view line = document.substr(at, end - at);
    if (line.substr(0, line.find_last_not_of("\r\n") + 1) == kCellSeparator) {
      parts.push_back(document.substr(begin, at - begin));
      begin = end;
    }
    at = end;
  }
  parts.push_back(document.substr(begin));
  if (notebook.cells.empty() ? document.size() != marker.size() : parts.size() != notebook.cells.size())
    return crossed;

  std::vector<std::pair<std::size_t, std::string>> sources(notebook.cells.size());  // cell index, new source
  std::vector<std::size_t> changed;
  for (std::size_t c = 0; c < notebook.cells.size(); ++c) {
    const NotebookCell& cell = notebook.cells[c];
    if (parts[c] == documentText(cell.source)) continue;
    std::string source = unmask(cell.source, parts[c]);
    if (!cell.source.ends_with('\n') && source.ends_with('\n')) source.pop_back();
    sources[c] = {cell.number - 1, std::move(source)};
    changed.push_back(c);
  }
  if (changed.empty()) return std::string(json);

  std::vector<std::optional<ByteSpan>> spans = sourceSpans(json);
  std::string out(json);
  for (auto c = changed.rbegin(); c != changed.rend(); ++c) {  // back to front: earlier spans stay valid
    const auto& [index, source] = sources[*c];
    if (index >= spans.size() || !spans[index]) return crossed;
    const ByteSpan span = *spans[index];
    std::string value;
    try {
      value = sourceJson(json, span, source);
    } catch (const nlohmann::json::exception&) {
      return support::Error{"the changed code is not valid UTF-8; the notebook is left as it is"};
    }
    out.replace(span.begin, span.end - span.begin, value);
  }
  auto reread = readNotebook(out);
  if (!reread || reread->source != document) return crossed;
  return out;
}

}  // namespace sparkmigrate::analysis
