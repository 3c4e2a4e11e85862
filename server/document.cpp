// Incremental text sync for open documents, kept in step with the tree.
#include "server/document.h"

#include "support/size.h"

#include <fmt/format.h>

namespace sparkmigrate::server {
TreeReleaser::~TreeReleaser() {
  for (TSTree* tree : queue_) ts_tree_delete(tree);
}

void TreeReleaser::release(TSTree* tree) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!wake_) {
    lock.unlock();
    ts_tree_delete(tree);
    return;
  }
  queue_.push_back(tree);
  if (queue_.size() == 1) wake_();
}

void TreeReleaser::drain() {
  std::vector<TSTree*> batch;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batch.swap(queue_);
  }
  for (TSTree* tree : batch) ts_tree_delete(tree);
}

void TreeReleaser::stop() {
  std::vector<TSTree*> batch;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    wake_ = nullptr;
    batch.swap(queue_);
  }
  for (TSTree* tree : batch) ts_tree_delete(tree);
}

std::string_view analysisText(const std::string& text, std::string& scratch) {
  if (text.rfind("\xEF\xBB\xBF", 0) != 0) return text;
  scratch = text;
  scratch.replace(0, 3, "   ");
  return scratch;
}

std::shared_ptr<const AnalysisResult> DocumentSnapshot::analyze(
    const support::CancellationToken* cancel) const {
  if (cached) return cached;
  auto result = std::make_shared<AnalysisResult>();
  result->version = version;
  result->generation = generation;
  if (!tree) return result;
  std::string scratch;
  const analysis::CheckResult* before = previous ? &previous->check : nullptr;
  analysis::ProjectView view = analysis::ProjectView::forFile(project.get(), path);
  result->check = analysis::checkDocumentIncremental(analysisText(*text, scratch), tree.get(), *settings,
                                                     relativePath, before, cancel, project ? &view : nullptr,
                                                     text);
  return result;
}

Document::Document(std::string uri, std::string path, int version, std::string text,
                   support::CancellationToken cancel)
    : uri_(std::move(uri)), path_(std::move(path)), version_(version), cancel_(std::move(cancel)) {
  text_ = std::make_shared<const std::string>(std::move(text));
  lines_ = std::make_shared<const analysis::LineIndex>(*text_);
}

void Document::reparse(const TSTree* old) {
  std::string scratch;
  tree_ = analysis::parsePython(analysisText(*text_, scratch), old, &cancel_);
}

void Document::setSizeLimit(std::uint64_t maxSize) {
  maxSize_ = maxSize;
  if (!fits()) {
    tree_.reset();
    cached.reset();
  }
}

void Document::releaseTree() {
  tree_.reset();
  // The next snapshot parses afresh: what the last analysis kept of its model
  // (with the tree it was made from) would only hold memory.
  if (previous) analysis::forgetModelRecord(previous->check);
  if (cached) analysis::forgetModelRecord(cached->check);
}

std::string sizeLimitProblem(std::uint64_t size, std::uint64_t maxSize) {
  if (maxSize == 0 || size <= maxSize) return "";
  return fmt::format("sparkmigrate does not check this file: it is {}, over the limit of {} (max-file-size)",
                     support::describeSize(size), support::describeSize(maxSize));
}

std::string Document::notAnalysed() const {
  return sizeLimitProblem(text_->size(), maxSize_);
}

bool Document::applyChanges(const std::vector<protocol::TextDocumentContentChangeEvent>& changes, int version,
                            protocol::PositionEncoding encoding) {
  auto text = std::make_shared<std::string>(*text_);
  auto lines = lines_;
  analysis::TreePtr tree(tree_ ? ts_tree_copy(tree_.get()) : nullptr);
  bool full = !tree;  // no tree to edit: parse when next needed
  for (const auto& change : changes) {
    if (!change.range) {
      *text = change.text;
      full = true;
    } else {
      PositionMapper mapper(*text, *lines, encoding);
      analysis::ByteRange range = mapper.toByteRange(*change.range);
      if (range.end > text->size()) return false;
      if (!full) {
        TSInputEdit edit = analysis::inputEdit(*lines, range, change.text);
        ts_tree_edit(tree.get(), &edit);
      }
      text->replace(range.start, range.end - range.start, change.text);
    }
    lines = std::make_shared<const analysis::LineIndex>(*text);
  }
  text_ = std::move(text);
  lines_ = std::move(lines);
  version_ = version;
  if (fits() && !full)
    reparse(tree.get());
  else
    tree_.reset();
  cached.reset();
  return true;
}

DocumentSnapshot Document::snapshot(protocol::PositionEncoding encoding,
                                    const std::shared_ptr<TreeReleaser>& trees) {
  if (!tree_ && fits()) reparse(nullptr);
  DocumentSnapshot s;
  s.uri = uri_;
  s.path = path_;
  s.version = version_;
  s.text = text_;
  s.lines = lines_;
  if (tree_)
    s.tree = std::shared_ptr<TSTree>(ts_tree_copy(tree_.get()), [trees](TSTree* t) { trees->release(t); });
  else
    s.notAnalysed = notAnalysed();
  s.settings = settings;
  s.relativePath = relativePath;
  s.project = project;
  s.generation = generation;
  s.encoding = encoding;
  if (cached && cached->version == version_ && cached->generation == generation) s.cached = cached;
  if (previous && previous->generation == generation) s.previous = previous;
  return s;
}

void Document::remember(std::shared_ptr<const AnalysisResult> result) {
  if (result->generation != generation || !result->check.incremental) return;
  if (result->version == version_) cached = result;
  if (!previous || previous->generation != generation || previous->version <= result->version)
    previous = std::move(result);
}

}  // namespace sparkmigrate::server
