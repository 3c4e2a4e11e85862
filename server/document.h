// An open document as the server holds it: the client's text and version,
// the tree-sitter tree kept in step with incremental edits (ts_tree_edit, then
// a reparse from the old tree), a line index, the settings that govern it and
// the latest analysis result. Owned and mutated by the main loop only; work on
// the pool gets a DocumentSnapshot, which is immutable and self-contained.
//
// A document larger than its settings' maxFileSize keeps its text (a later
// change may shrink it) but has no tree and is not analysed: its snapshots
// say why in `notAnalysed`, which becomes its one diagnostic.
#pragma once

#include "analysis/checker.h"
#include "analysis/project.h"
#include "analysis/settings.h"
#include "analysis/source.h"
#include "analysis/syntax.h"
#include "protocol/lsp_types.h"
#include "server/position.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sparkmigrate::server {

struct DiagnosticsReport;  // server/diagnostics.h

// What an analysis run produced for one (version, settings generation), and
// its report once one is made and kept (see diagnosticsReport).
struct AnalysisResult {
  int version = 0;
  std::uint64_t generation = 0;
  analysis::CheckResult check;
  mutable std::atomic<std::shared_ptr<const DiagnosticsReport>> report;
};

// Trees made from a document's tree (ts_tree_copy, incremental reparses)
// share subtrees with it, whose reference counts tree-sitter changes
// atomically but reads plainly (ts_tree_edit and reparsing make a subtree
// mutable in place when its count is 1). So these trees are copied, edited,
// reparsed and deleted on the main loop only; pool work just reads them, and
// a snapshot dropped on a pool thread hands its tree to the TreeReleaser,
// which deletes it on the main loop.
class TreeReleaser {
 public:
  // `wake` asks the main loop to call drain() soon; it is called from any
  // thread, at most once per batch of released trees.
  explicit TreeReleaser(std::function<void()> wake) : wake_(std::move(wake)) {}
  ~TreeReleaser();
  TreeReleaser(const TreeReleaser&) = delete;
  TreeReleaser& operator=(const TreeReleaser&) = delete;

  // Any thread: the tree is deleted by the next drain() (at once after stop()).
  void release(TSTree* tree);
  // Main loop: deletes the released trees.
  void drain();
  // Once no other thread can touch trees any more (the server's pools have
  // stopped): deletes what is queued, and later releases delete at once.
  void stop();

 private:
  std::mutex mutex_;
  std::vector<TSTree*> queue_;
  std::function<void()> wake_;  // empty after stop()
};

struct DocumentSnapshot {
  std::string uri;
  std::string path;  // "" for non-file URIs
  int version = 0;
  std::shared_ptr<const std::string> text;
  std::shared_ptr<const analysis::LineIndex> lines;
  // A copy (ts_tree_copy) to read on any thread; null when notAnalysed.
  std::shared_ptr<TSTree> tree;
  std::string notAnalysed;  // why the document is not analysed ("" when it is)
  std::shared_ptr<const analysis::Settings> settings;
  std::string relativePath;
  // What the modules beside it export (null: none known); part of `generation`.
  std::shared_ptr<const analysis::ProjectIndex> project;
  std::uint64_t generation = 0;
  protocol::PositionEncoding encoding = protocol::PositionEncoding::Utf16;
  std::shared_ptr<const AnalysisResult> cached;  // null or for this version and generation
  // The newest analysis of an earlier version with the same settings: its
  // state lets analyze() re-run the rules only where the edits reach.
  std::shared_ptr<const AnalysisResult> previous;

  PositionMapper mapper() const { return PositionMapper(*text, *lines, encoding); }
  // The cached result, or a fresh analysis (on the calling thread); no
  // findings when notAnalysed.
  std::shared_ptr<const AnalysisResult> analyze(const support::CancellationToken* cancel = nullptr) const;
};

// Why a text of `size` bytes is not analysed under `maxSize` (0: no limit),
// or "" when it is within the limit.
std::string sizeLimitProblem(std::uint64_t size, std::uint64_t maxSize);

// Text handed to analysis: a leading UTF-8 BOM becomes three spaces so that
// byte offsets stay the same (the CLI does the same).
std::string_view analysisText(const std::string& text, std::string& scratch);

class Document {
 public:
  // Parsed when first needed (snapshot), once the size limit is known.
  // Parsing stops when `cancel` is cancelled (the server is exiting), and
  // the document is left without a tree.
  Document(std::string uri, std::string path, int version, std::string text,
           support::CancellationToken cancel);

  // Applies LSP content changes in order (positions in `encoding`), editing
  // the tree for each, then reparses incrementally once (without a tree, or
  // after a whole-text change, the next snapshot parses afresh; over the size
  // limit the tree is dropped). Returns false (and leaves the document
  // unchanged) when a change is malformed.
  bool applyChanges(const std::vector<protocol::TextDocumentContentChangeEvent>& changes, int version,
                    protocol::PositionEncoding encoding);
  // The largest text analysed, in bytes (0: no limit): drops the tree when
  // the text does not fit.
  void setSizeLimit(std::uint64_t maxSize);
  // Frees the tree (the server keeps trees only for the documents used most
  // recently); the next snapshot parses the text again.
  void releaseTree();
  // Why the document is not analysed, or "" (see DocumentSnapshot).
  std::string notAnalysed() const;

  const std::string& uri() const { return uri_; }
  const std::string& path() const { return path_; }
  int version() const { return version_; }
  const std::string& text() const { return *text_; }
  const TSTree* tree() const { return tree_.get(); }
  const analysis::LineIndex& lines() const { return *lines_; }

  std::shared_ptr<const analysis::Settings> settings;
  std::string relativePath;
  std::shared_ptr<const analysis::ProjectIndex> project;  // its folder's (Server::projectFor)
  std::uint64_t generation = 0;  // of `settings` and `project`
  std::shared_ptr<const AnalysisResult> cached;
  std::shared_ptr<const AnalysisResult> previous;  // the newest result, any version

  // Keeps `result` as the cached analysis (when it is for the current
  // version and settings) and as the base of the next incremental one.
  void remember(std::shared_ptr<const AnalysisResult> result);

  // A snapshot whose tree goes back to `trees` when dropped (parsing the
  // text first when the document has no tree and fits the size limit).
  DocumentSnapshot snapshot(protocol::PositionEncoding encoding, const std::shared_ptr<TreeReleaser>& trees);

 private:
  void reparse(const TSTree* old);
  bool fits() const { return maxSize_ == 0 || text_->size() <= maxSize_; }

  std::string uri_, path_;
  int version_;
  std::uint64_t maxSize_ = 0;
  support::CancellationToken cancel_;
  std::shared_ptr<const std::string> text_;
  std::shared_ptr<const analysis::LineIndex> lines_;
  analysis::TreePtr tree_;
};

}  // namespace sparkmigrate::server
