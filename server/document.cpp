// Incremental text sync for open documents, kept in step with the tree.
#include "server/document.h"

namespace sparkmigrate::server {

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
  std::string scratch;
  const analysis::CheckResult* before = previous ? &previous->check : nullptr;
  result->check = analysis::checkDocumentIncremental(analysisText(*text, scratch), tree.get(), *settings,
                                                     relativePath, before, cancel);
  return result;
}

Document::Document(std::string uri, std::string path, int version, std::string text)
    : uri_(std::move(uri)), path_(std::move(path)), version_(version) {
  text_ = std::make_shared<const std::string>(std::move(text));
  lines_ = std::make_shared<const analysis::LineIndex>(*text_);
  reparse(nullptr);
}

void Document::reparse(const TSTree* old) {
  std::string scratch;
  tree_ = analysis::parsePython(analysisText(*text_, scratch), old);
}

bool Document::applyChanges(const std::vector<protocol::TextDocumentContentChangeEvent>& changes, int version,
                            protocol::PositionEncoding encoding) {
  auto text = std::make_shared<std::string>(*text_);
  auto lines = lines_;
  analysis::TreePtr tree(ts_tree_copy(tree_.get()));
  bool full = false;
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
  reparse(full ? nullptr : tree.get());
  cached.reset();
  return true;
}

DocumentSnapshot Document::snapshot(protocol::PositionEncoding encoding) const {
  DocumentSnapshot s;
  s.uri = uri_;
  s.path = path_;
  s.version = version_;
  s.text = text_;
  s.lines = lines_;
  s.tree = std::shared_ptr<TSTree>(ts_tree_copy(tree_.get()), [](TSTree* t) { ts_tree_delete(t); });
  s.settings = settings;
  s.relativePath = relativePath;
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
