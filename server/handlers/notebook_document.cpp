// `notebookDocument/didOpen`, `didChange`, `didSave` and `didClose` (LSP
// 3.17 notebook synchronisation), in one file as they share one piece of
// state: the cells of an open notebook (server/notebook.h). After each, the
// notebook's document (its Python code cells, analysed as one file) is
// brought up to date with one edit covering what changed, so the tree is
// reparsed incrementally, and diagnostics are scheduled; push clients get
// each code cell's findings under the cell's URI. Also the place that states
// the capability: every notebook type, its Python cells.
#include "server/handlers/handlers.h"

#include "protocol/lsp_types.h"
#include "server/notebook.h"

#include <algorithm>
#include <set>

namespace sparkmigrate::server {
namespace {

const json& notebookField(const json& params) {
  const json& notebook = requireField(params, "notebookDocument");
  if (!notebook.is_object() || !notebook.contains("uri") || !notebook["uri"].is_string())
    throw InvalidParams("notebookDocument.uri must be a string");
  return notebook;
}

// NotebookCell[] as the client sends them (kind 2 is code).
std::vector<OpenNotebook::Cell> cellsOf(const json& cells) {
  if (!cells.is_array()) throw InvalidParams("notebook cells must be an array");
  std::vector<OpenNotebook::Cell> out;
  for (const auto& c : cells) {
    const json& document = requireField(c, "document");
    if (!document.is_string()) throw InvalidParams("a notebook cell's document must be a URI");
    OpenNotebook::Cell cell;
    cell.uri = document.get<std::string>();
    cell.code = protocol::toInteger(requireField(c, "kind"), "kind") == 2;
    out.push_back(std::move(cell));
  }
  return out;
}

// Gives the cells named by TextDocumentItem[] their text and language.
void openTexts(Server& server, OpenNotebook& notebook, const json& items) {
  if (items.is_null()) return;
  if (!items.is_array()) throw InvalidParams("cell text documents must be an array");
  for (const auto& item : items) {
    std::string uri = requireField(item, "uri").get<std::string>();
    auto cell = std::find_if(notebook.cells.begin(), notebook.cells.end(), [&](const auto& c) { return c.uri == uri; });
    if (cell == notebook.cells.end()) continue;  // a text for a cell the notebook does not have
    cell->language = item.value("languageId", "");
    cell->text = std::make_unique<Document>(uri, "", versionField(item, 0), requireField(item, "text").get<std::string>(),
                                            server.lifetime());
  }
}

// Brings the notebook's document up to date with its cells: created on the
// first call, else changed by one edit spanning what differs. Code cells
// that are gone get an empty report (push clients).
void sync(Server& server, const std::string& uri, OpenNotebook& notebook) {
  Session& session = server.session();
  const std::vector<std::string> before = notebook.codeCells;
  notebook.rebuild();
  const std::string& text = notebook.layout->source;
  Document* doc = session.find(uri);
  if (!doc) {
    auto created = std::make_unique<Document>(uri, protocol::uriToPath(uri), notebook.version, text, server.lifetime());
    server.resolveSettings(*created);
    session.documents[uri] = std::move(created);
  } else {
    const std::string& old = doc->text();
    std::size_t prefix = 0;
    while (prefix < old.size() && prefix < text.size() && old[prefix] == text[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < old.size() - prefix && suffix < text.size() - prefix &&
           old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
      ++suffix;
    // Positions in bytes (utf-8), whatever the client's encoding.
    auto position = [&](std::uint32_t offset) {
      analysis::TextPoint p = doc->lines().pointAt(offset);
      return protocol::Position{p.line, p.column};
    };
    protocol::TextDocumentContentChangeEvent change;
    change.range = protocol::Range{position(static_cast<std::uint32_t>(prefix)),
                                   position(static_cast<std::uint32_t>(old.size() - suffix))};
    change.text = text.substr(prefix, text.size() - suffix - prefix);
    if (!doc->applyChanges({change}, notebook.version, protocol::PositionEncoding::Utf8))
      throw InvalidParams("the notebook's cells could not be brought up to date");
  }
  for (const auto& cell : before)
    if (std::find(notebook.codeCells.begin(), notebook.codeCells.end(), cell) == notebook.codeCells.end())
      server.clearDiagnostics(cell);
  server.scheduleDiagnostics(uri);
}

OpenNotebook& requireNotebook(Server& server, const json& params) {
  std::string uri = notebookField(params)["uri"].get<std::string>();
  auto it = server.session().notebooks.find(uri);
  if (it == server.session().notebooks.end()) throw InvalidParams("notebook is not open: " + uri);
  return it->second;
}

}  // namespace

void notebookDocumentSyncCapability(const ClientCapabilities&, json& caps) {
  caps["notebookDocumentSync"] = {
      {"notebookSelector", json::array({{{"notebook", "*"}, {"cells", json::array({{{"language", "python"}}})}}})},
      {"save", false}};
}

void notebookDidOpen(Server& server, const json& params) {
  const json& item = notebookField(params);
  std::string uri = item["uri"].get<std::string>();
  OpenNotebook notebook;
  notebook.version = versionField(item, 0);
  notebook.cells = cellsOf(requireField(item, "cells"));
  openTexts(server, notebook, params.value("cellTextDocuments", json()));
  server.session().documents.erase(uri);  // a notebook opened again starts afresh
  sync(server, uri, server.session().notebooks[uri] = std::move(notebook));
}

void notebookDidChange(Server& server, const json& params) {
  OpenNotebook& open = requireNotebook(server, params);
  std::string uri = notebookField(params)["uri"].get<std::string>();
  // The change is applied to a copy of the cells, so one that does not apply leaves the notebook as it was.
  OpenNotebook next;
  next.version = versionField(notebookField(params), open.version + 1);
  for (auto& cell : open.cells) {
    OpenNotebook::Cell copy{cell.uri, cell.code, cell.language, nullptr};
    if (cell.text)
      copy.text = std::make_unique<Document>(cell.uri, "", cell.text->version(), cell.text->text(), server.lifetime());
    next.cells.push_back(std::move(copy));
  }
  const json& change = requireField(params, "change");
  const json cells = change.is_object() ? change.value("cells", json()) : json();
  if (cells.is_object()) {
    if (const json structure = cells.value("structure", json()); structure.is_object()) {
      const json& array = requireField(structure, "array");
      auto start = static_cast<std::size_t>(protocol::toInteger(requireField(array, "start"), "start"));
      auto count = static_cast<std::size_t>(protocol::toInteger(requireField(array, "deleteCount"), "deleteCount"));
      if (start > next.cells.size() || count > next.cells.size() - start)
        throw InvalidParams("a notebook change's cell range is outside the notebook");
      auto inserted = cellsOf(array.value("cells", json::array()));
      auto at = next.cells.erase(next.cells.begin() + static_cast<std::ptrdiff_t>(start),
                                 next.cells.begin() + static_cast<std::ptrdiff_t>(start + count));
      next.cells.insert(at, std::make_move_iterator(inserted.begin()), std::make_move_iterator(inserted.end()));
      openTexts(server, next, structure.value("didOpen", json()));
    }
    if (const json data = cells.value("data", json()); data.is_array()) {
      for (const auto& updated : cellsOf(data))
        for (auto& cell : next.cells)
          if (cell.uri == updated.uri) cell.code = updated.code;
    }
    if (const json contents = cells.value("textContent", json()); contents.is_array()) {
      for (const auto& content : contents) {
        const json& document = requireField(content, "document");
        std::string cellUri = requireField(document, "uri").get<std::string>();
        auto cell = std::find_if(next.cells.begin(), next.cells.end(), [&](const auto& c) { return c.uri == cellUri; });
        if (cell == next.cells.end() || !cell->text) throw InvalidParams("a change to a cell that is not open: " + cellUri);
        auto events = requireField(content, "changes").get<std::vector<protocol::TextDocumentContentChangeEvent>>();
        if (!cell->text->applyChanges(events, versionField(document, cell->text->version() + 1),
                                      server.session().client.encoding))
          throw InvalidParams("a change to a notebook cell does not apply: " + cellUri);
      }
    }
  }
  next.codeCells = open.codeCells;
  open = std::move(next);
  sync(server, uri, open);
}

void notebookDidSave(Server&, const json& params) {
  notebookField(params);  // nothing to do: the cells are analysed as they are edited
}

void notebookDidClose(Server& server, const json& params) {
  std::string uri = notebookField(params)["uri"].get<std::string>();
  Session& session = server.session();
  auto it = session.notebooks.find(uri);
  if (it == session.notebooks.end()) return;
  std::vector<std::string> cells = it->second.codeCells;
  session.notebooks.erase(it);
  session.documents.erase(uri);
  for (const auto& cell : cells) server.clearDiagnostics(cell);
}

}  // namespace sparkmigrate::server
