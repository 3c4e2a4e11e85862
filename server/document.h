// An open document as the server holds it: the client's text and version,
// the tree-sitter tree kept in step with incremental edits (ts_tree_edit, then
// a reparse from the old tree), a line index, the settings that govern it and
// the latest analysis result. Owned and mutated by the main loop only; work on
// the pool gets a DocumentSnapshot, which is immutable and self-contained.
#pragma once

#include "analysis/checker.h"
#include "analysis/settings.h"
#include "analysis/source.h"
#include "analysis/syntax.h"
#include "protocol/lsp_types.h"
#include "server/position.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace sparkmigrate::server {

// What an analysis run produced for one (version, settings generation).
struct AnalysisResult {
  int version = 0;
  std::uint64_t generation = 0;
  analysis::CheckResult check;
};

struct DocumentSnapshot {
  std::string uri;
  std::string path;  // "" for non-file URIs
  int version = 0;
  std::shared_ptr<const std::string> text;
  std::shared_ptr<const analysis::LineIndex> lines;
  std::shared_ptr<TSTree> tree;  // a private copy (ts_tree_copy): safe on any thread
  std::shared_ptr<const analysis::Settings> settings;
  std::string relativePath;
  std::uint64_t generation = 0;
  protocol::PositionEncoding encoding = protocol::PositionEncoding::Utf16;
  std::shared_ptr<const AnalysisResult> cached;  // null or for this version and generation
  // The newest analysis of an earlier version with the same settings: its
  // state lets analyze() re-run the rules only where the edits reach.
  std::shared_ptr<const AnalysisResult> previous;

  PositionMapper mapper() const { return PositionMapper(*text, *lines, encoding); }
  // The cached result, or a fresh analysis (on the calling thread).
  std::shared_ptr<const AnalysisResult> analyze(const support::CancellationToken* cancel = nullptr) const;
};

// Text handed to analysis: a leading UTF-8 BOM becomes three spaces so that
// byte offsets stay the same (the CLI does the same).
std::string_view analysisText(const std::string& text, std::string& scratch);

class Document {
 public:
  Document(std::string uri, std::string path, int version, std::string text);

  // Applies LSP content changes in order (positions in `encoding`), editing
  // the tree for each, then reparses incrementally once. Returns false (and
  // leaves the document unchanged) when a change is malformed.
  bool applyChanges(const std::vector<protocol::TextDocumentContentChangeEvent>& changes, int version,
                    protocol::PositionEncoding encoding);

  const std::string& uri() const { return uri_; }
  const std::string& path() const { return path_; }
  int version() const { return version_; }
  const std::string& text() const { return *text_; }
  const TSTree* tree() const { return tree_.get(); }
  const analysis::LineIndex& lines() const { return *lines_; }

  std::shared_ptr<const analysis::Settings> settings;
  std::string relativePath;
  std::uint64_t generation = 0;  // of `settings`
  std::shared_ptr<const AnalysisResult> cached;
  std::shared_ptr<const AnalysisResult> previous;  // the newest result, any version

  // Keeps `result` as the cached analysis (when it is for the current
  // version and settings) and as the base of the next incremental one.
  void remember(std::shared_ptr<const AnalysisResult> result);

  DocumentSnapshot snapshot(protocol::PositionEncoding encoding) const;

 private:
  void reparse(const TSTree* old);

  std::string uri_, path_;
  int version_;
  std::shared_ptr<const std::string> text_;
  std::shared_ptr<const analysis::LineIndex> lines_;
  analysis::TreePtr tree_;
};

}  // namespace sparkmigrate::server
