// Session state owned by the main loop: what the client can do, the open
// documents, configuration (pyproject.toml resolution plus editor settings),
// workspace folders and lifecycle. Only sync handlers on the main loop touch
// it; background work sees DocumentSnapshots instead.
#pragma once

#include "analysis/config.h"
#include "protocol/lsp_types.h"
#include "server/document.h"
#include "server/notebook.h"
#include "support/cancel.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sparkmigrate::server {

struct ClientCapabilities {
  protocol::PositionEncoding encoding = protocol::PositionEncoding::Utf16;
  bool offsetEncodingExtension = false;  // clangd's pre-3.17 `offsetEncoding`
  bool pullDiagnostics = false;
  bool diagnosticRefresh = false;
  bool workspaceConfiguration = false;
  bool watchedFilesDynamic = false;
  bool codeActionLiterals = false;
  bool codeActionResolveEdit = false;
  bool documentChanges = false;
  bool applyEdit = false;
  bool tagSupport = false;
  bool codeDescription = true;
  bool hoverMarkdown = true;
  bool workDoneProgress = false;
};

// Editor settings (initializationOptions.settings, workspace/configuration
// section "sparkmigrate", didChangeConfiguration).
struct EditorSettings {
  analysis::Overrides overrides;  // overrides.llm: the `llm` object (backend, baseUrl, model, ...)
  // `llm.apiKey`: a key from the editor's secret storage. Held only here and
  // in the backend that uses it; never logged, echoed or written anywhere.
  std::string llmApiKey;
  int debounceMs = -1;  // -1: the server default
};

// Parses editor settings; unknown keys are ignored, bad values are reported
// in `problem` and leave the previous value.
EditorSettings parseEditorSettings(const nlohmann::json& value, const EditorSettings& previous,
                                   std::string& problem);

enum class Lifecycle { Uninitialized, Running, ShutDown };

struct Session {
  Lifecycle lifecycle = Lifecycle::Uninitialized;
  ClientCapabilities client;
  std::vector<std::string> workspaceFolders;                   // absolute paths
  std::map<std::string, std::unique_ptr<Document>> documents;  // by URI
  analysis::ConfigResolver resolver;
  EditorSettings editorSettings;
  std::uint64_t generation = 1;  // bumped whenever settings may have changed
  std::set<std::string> reportedProblems;
  // Open documents whose text had invalid UTF-8 or lone surrogates replaced
  // (the user is told once per document).
  std::set<std::string> repairedText;
  std::map<std::string, long long> configStamps;  // pyproject.toml in use -> mtime
  // Per folder of an open document: what the modules in it export (on disk).
  std::map<std::string, std::shared_ptr<const analysis::ProjectIndex>> projects;
  std::string trace = "off";
  // Work-done progress tokens of running model requests -> their cancellation
  // (window/workDoneProgress/cancel).
  std::map<std::string, support::CancellationToken> progressTokens;

  // Open notebooks (notebookDocument/*) by URI; each one's document is in
  // `documents` under the same URI (server/notebook.h).
  std::map<std::string, OpenNotebook> notebooks;

  Document* find(const std::string& uri) {
    auto it = documents.find(uri);
    return it == documents.end() ? nullptr : it->second.get();
  }

  // Where a notebook cell's findings come from: the notebook's document and,
  // for a Python code cell, its index in the layout. None when `uri` is not a
  // cell of an open notebook.
  struct CellPlace {
    std::string notebook;
    std::shared_ptr<const analysis::Notebook> layout;
    std::optional<std::size_t> index;  // none: a markdown cell, or one in another language
  };
  std::optional<CellPlace> findCell(const std::string& uri) const {
    for (const auto& [notebookUri, notebook] : notebooks)
      for (const auto& cell : notebook.cells)
        if (cell.uri == uri) return CellPlace{notebookUri, notebook.layout, notebook.codeCell(uri)};
    return std::nullopt;
  }
};

}  // namespace sparkmigrate::server
