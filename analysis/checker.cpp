// Implementation of checkDocument: semantic model, one matcher pass, message
// templating, suppressions, generic-finding subsumption and ordering.
#include "analysis/checker.h"

#include "analysis/fix.h"
#include "analysis/query.h"
#include "analysis/semantic.h"
#include "analysis/suppression.h"

#include "support/hash.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

namespace sparkmigrate::analysis {
namespace {

std::string renderMessage(const RuleMatch& match, std::string_view text) {
  const std::string& tpl = match.rule->message;
  std::string out;
  for (std::size_t i = 0; i < tpl.size(); ++i) {
    if (tpl[i] == '{') {
      std::size_t close = tpl.find('}', i);
      if (close != std::string::npos) {
        TSNode node = match.capture(std::string_view(tpl).substr(i + 1, close - i - 1));
        if (!ts_node_is_null(node)) {
          std::string_view captured = nodeText(node, text);
          captured = captured.substr(0, captured.find('\n'));
          if (captured.size() > 60)
            out += std::string(captured.substr(0, 57)) + "...";
          else
            out += captured;
          i = close;
          continue;
        }
      }
    }
    out += tpl[i];
  }
  return out;
}

std::optional<TextPoint> firstSyntaxError(TSNode root) {
  if (!ts_node_has_error(root)) return std::nullopt;
  TSNode node = root;
  while (true) {
    if (ts_node_is_error(node) || ts_node_is_missing(node)) {
      TSPoint p = ts_node_start_point(node);
      return TextPoint{p.row, p.column};
    }
    bool descended = false;
    TSTreeCursor cursor = ts_tree_cursor_new(node);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      do {
        TSNode child = ts_tree_cursor_current_node(&cursor);
        if (ts_node_has_error(child) || ts_node_is_missing(child)) {
          node = child;
          descended = true;
          break;
        }
      } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
    if (!descended) {
      TSPoint p = ts_node_start_point(node);
      return TextPoint{p.row, p.column};
    }
  }
}

}  // namespace

namespace {

Diagnostic toDiagnostic(const RuleMatch& match, SemanticModel& model, std::string_view text,
                        const LineIndex& lines) {
  Diagnostic d;
  d.rule = match.rule;
  d.code = match.rule->code;
  d.severity = match.rule->severity;
  d.message = renderMessage(match, text);
  d.range = {ts_node_start_byte(match.report), ts_node_end_byte(match.report)};
  d.start = lines.pointAt(d.range.start);
  d.end = lines.pointAt(d.range.end);
  if (!match.rule->fix.transform.empty()) d.fix = computeFix(match, model, text);
  return d;
}

// From the rules' raw findings to what is reported: duplicates and covered
// generic findings dropped, suppressions applied (unused ones reported as
// SPK000), sorted by position.
std::vector<Diagnostic> finish(std::vector<Diagnostic> found, TSNode root, std::string_view text,
                               const LineIndex& lines, const std::vector<char>& enabled) {
  const Catalogue& catalogue = Catalogue::builtin();
  // Drop duplicates (several patterns of one rule) and generic findings that a
  // more specific finding on the same code covers.
  auto before = [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.start != b.range.start) return a.range.start < b.range.start;
    if (a.range.end != b.range.end) return a.range.end > b.range.end;
    return a.code < b.code;
  };
  // Findings gathered statement by statement mostly come in order already.
  if (!std::is_sorted(found.begin(), found.end(), before))
    std::stable_sort(found.begin(), found.end(), before);
  // A generic finding (`spark.sparkContext`, `df.rdd`) is dropped when a
  // specific finding on the same chain (same start: `spark.sparkContext
  // .parallelize(...)`, or `SparkContext.getOrCreate()` under `.stop`) is at
  // least as severe; a milder finding, or one elsewhere in the expression
  // (a lambda argument), never hides it.
  auto rank = [](Severity s) { return s == Severity::Error ? 2 : s == Severity::Warning ? 1 : 0; };
  // In place: findings on the same start are next to each other.
  std::size_t kept = 0;
  for (std::size_t run = 0, next = 0; run < found.size(); run = next) {
    int specific = -1;  // the highest rank of a specific finding starting here
    for (next = run; next < found.size() && found[next].range.start == found[run].range.start; ++next)
      if (!found[next].rule->generic) specific = std::max(specific, rank(found[next].severity));
    const std::size_t firstKept = kept;
    for (std::size_t i = run; i < next; ++i) {
      Diagnostic& d = found[i];
      bool duplicate = false;
      for (std::size_t k = firstKept; k < kept && !duplicate; ++k)
        duplicate = found[k].code == d.code && found[k].range == d.range;
      if (duplicate || (d.rule->generic && specific >= rank(d.severity))) continue;
      if (kept != i) found[kept] = std::move(d);
      ++kept;
    }
  }
  found.resize(kept);

  // Suppressions.
  std::vector<Suppression> suppressions = collectSuppressions(root, text, lines);
  std::unordered_multimap<std::uint32_t, std::size_t> suppressionsByLine;
  for (std::size_t i = 0; i < suppressions.size(); ++i) suppressionsByLine.emplace(suppressions[i].line, i);
  std::size_t shown = 0;
  for (std::size_t i = 0; i < kept; ++i) {
    Diagnostic& d = found[i];
    bool suppressed = false;
    std::vector<std::size_t> candidates;
    for (std::uint32_t line : {d.start.line, d.end.line}) {
      auto [b, e] = suppressionsByLine.equal_range(line);
      for (auto it = b; it != e; ++it)
        if (std::find(candidates.begin(), candidates.end(), it->second) == candidates.end())
          candidates.push_back(it->second);
    }
    for (std::size_t index : candidates) {
      Suppression& s = suppressions[index];
      if (s.all) {
        s.usedAll = true;
        suppressed = true;
      }
      for (auto& code : s.codes)
        if (selectorMatches(code.code, d.code)) {
          code.used = true;
          suppressed = true;
        }
    }
    if (suppressed) continue;
    if (shown != i) found[shown] = std::move(d);
    ++shown;
  }
  found.resize(shown);
  const Rule* unused = catalogue.find(kUnusedSuppressionCode);
  if (unused && enabled[catalogue.indexOf(unused)]) {
    for (const auto& s : suppressions) {
      for (const auto& code : s.codes) {
        if (code.used) continue;
        // A `# noqa` for another tool's codes is not ours to judge.
        if (!s.ours && code.code.rfind("SPK", 0) != 0) continue;
        Diagnostic d;
        d.rule = unused;
        d.code = unused->code;
        d.severity = unused->severity;
        d.message = catalogue.find(code.code)
                        ? "Unused suppression for " + code.code + " (nothing reported here)"
                        : "Suppression names unknown rule " + code.code;
        d.range = code.range;
        d.start = lines.pointAt(code.range.start);
        d.end = lines.pointAt(code.range.end);
        found.push_back(std::move(d));
      }
    }
  }
  auto byPosition = [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.start != b.range.start) return a.range.start < b.range.start;
    return a.code < b.code;
  };
  if (!std::is_sorted(found.begin(), found.end(), byPosition))
    std::sort(found.begin(), found.end(), byPosition);
  // Fewer than were found are kept (most files lose generic findings), and a
  // result lives as long as its document is open.
  if (found.capacity() > found.size() + found.size() / 4) found.shrink_to_fit();
  return found;
}

// SPK099 where the model stopped descending into deeply nested code, if it
// did and the rule is enabled.
std::optional<Diagnostic> depthDiagnostic(SemanticModel& model, const LineIndex& lines,
                                          const std::vector<char>& enabled) {
  TSNode node = model.tooDeep();
  const Catalogue& catalogue = Catalogue::builtin();
  const Rule* rule = catalogue.find(kNestingTooDeepCode);
  if (ts_node_is_null(node) || !rule || !enabled[catalogue.indexOf(rule)]) return std::nullopt;
  Diagnostic d;
  d.rule = rule;
  d.code = rule->code;
  d.severity = rule->severity;
  d.message = rule->message;
  // The line where the deep part starts: the node itself can span the file.
  std::uint32_t start = ts_node_start_byte(node);
  std::uint32_t line = lines.pointAt(start).line;
  std::uint32_t lineEnd = line + 1 < lines.lineCount() ? lines.lineStart(line + 1) : ts_node_end_byte(node);
  d.range = {start, std::min(ts_node_end_byte(node), std::max(start, lineEnd))};
  d.start = lines.pointAt(d.range.start);
  d.end = lines.pointAt(d.range.end);
  return d;
}

// What both entry points start from: the tree's root, the semantic model (a
// new one, or one made earlier of this tree, adopted for the time of the
// check), the line index and the rules enabled for this file.
struct Prepared {
  TSNode root;
  std::unique_ptr<SemanticModel> made;  // null when an earlier model is adopted
  SemanticModel& model;
  LineIndex lines;
  std::vector<char> enabled;
  Prepared(std::string_view text, const TSTree* tree, const Settings& settings, std::string_view relativePath,
           const ProjectView* project, SemanticModel* earlier = nullptr,
           const SemanticModel::Collected* collected = nullptr)
      : root(ts_tree_root_node(tree)),
        made(earlier ? nullptr : std::make_unique<SemanticModel>(text, root, project, collected)),
        model(earlier ? *earlier : *made),
        lines(text) {
    if (earlier) model.adopt(text, project);
    enabled = enabledRules(Catalogue::builtin(), settings, relativePath, model.isNotebook());
  }
  ~Prepared() {
    if (!made) model.release();
  }
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;
  CheckResult result() const {
    CheckResult r;
    r.notebook = model.isNotebook();
    r.syntaxError = firstSyntaxError(root);
    return r;
  }
};

}  // namespace

CheckResult checkDocument(std::string_view text, const TSTree* tree, const Settings& settings,
                          std::string_view relativePath, const support::CancellationToken* cancel,
                          const ProjectView* project, SemanticModel* earlier) {
  Prepared doc(text, tree, settings, relativePath, project, earlier);
  const TSNode root = doc.root;
  SemanticModel& model = doc.model;
  const LineIndex& lines = doc.lines;
  const std::vector<char>& enabled = doc.enabled;
  CheckResult result = doc.result();
  std::vector<Diagnostic> found;
  for (const auto& match : RuleMatcher::builtin().run(root, model, enabled, cancel))
    found.push_back(toDiagnostic(match, model, text, lines));
  if (auto deep = depthDiagnostic(model, lines, enabled)) found.push_back(std::move(*deep));
  result.diagnostics = finish(std::move(found), root, text, lines, enabled);
  return result;
}

// ---------------------------------------------------------------------------
// Incremental analysis
//
// A statement's findings carry over to the next version of the file when its
// text is unchanged and nothing it depends on changed. Its rules depend on
// the names it reads (through the module-level bindings of those names); its
// fixes also on what they asked the model about the rest of the file, which
// the model records while they run (FileLookups): the references or
// assignments of a name, the sessions in the file, a text search, where
// imports go. Each of those is compared with what the edit changed.

namespace {

// A digest of a module-level name's bindings: how each is made and the value
// inferred for it (kind, qualified name, the kind of expression; the text of
// a def or class). `digest` is 0 when the name is not bound at module level;
// `session` is set when a binding holds a SparkSession (the module-level
// entries of SemanticModel::sessions()).
struct NameDigest {
  std::uint64_t digest = 0;
  bool session = false;
  bool operator==(const NameDigest&) const = default;
};

NameDigest moduleNameDigest(SemanticModel& model, std::string_view name) {
  using support::hashBytes;
  using support::hashCombine;
  using BindingKind = SemanticModel::BindingKind;
  std::vector<SemanticModel::BindingRef> bindings = model.moduleBindings(name);
  if (bindings.empty()) return {};
  std::string_view source = model.source();
  std::uint64_t h = 1;
  bool session = false;
  for (const auto& b : bindings) {
    Value v = model.bindingValue(b.id);
    session = session || v.kind == Kind::SparkSession;
    h = hashCombine(h, static_cast<std::uint64_t>(b.kind));
    h = hashCombine(h, static_cast<std::uint64_t>(v.kind));
    h = hashCombine(h, hashBytes(v.qualname));
    // Definitions are seen through their text (their return values, their
    // bodies); other values through the kind of expression and, for calls,
    // the callee (rules ask whether an outer name holds a list or a dict).
    if (!ts_node_is_null(v.node)) h = hashCombine(h, hashBytes(nodeText(v.node, source)));
    if (!ts_node_is_null(b.value)) {
      h = hashCombine(h, ts_node_symbol(b.value));
      if (isType(b.value, "call")) h = hashCombine(h, hashBytes(nodeText(field(b.value, "function"), source)));
      if (b.kind == BindingKind::Def || b.kind == BindingKind::ClassDef || b.kind == BindingKind::Self)
        h = hashCombine(h, hashBytes(nodeText(b.value, source)));
    }
    if (!ts_node_is_null(b.annotation)) h = hashCombine(h, hashBytes(nodeText(b.annotation, source)));
  }
  return {h, session};
}

// A digest of the facts that hold for the whole file: notebook, pyspark
// import, imported names and aliases, wildcard imports, temp view names.
std::uint64_t documentDigest(const SemanticModel& model) {
  using support::hashBytes;
  using support::hashCombine;
  std::uint64_t h = hashCombine(model.isNotebook() ? 2 : model.hasNotebookGlobals() ? 3 : 1,
                                model.importsPyspark() ? 2 : 1);
  for (const auto& [alias, last] : model.importAliases())
    h = hashCombine(hashCombine(h, hashBytes(alias)), hashBytes(last));
  for (std::string_view n : model.importedNames()) h = hashCombine(h, hashBytes(n));
  for (const auto& m : model.wildcardModules()) h = hashCombine(h, hashBytes(m));
  for (const auto& [view, count] : model.tempViewCounts()) h = hashCombine(hashCombine(h, hashBytes(view)), count);
  if (model.project()) h = hashCombine(h, model.project()->digest(model.importQualnames()));
  return h;
}

}  // namespace

// A document's analysis keeps what its semantic model's walk recorded for
// the next version's model (SemanticModel::Collected) once the document is
// edited (the analysis has a previous result), and from its first analysis
// on from this size: rebuilding the model costs about 9 ms a keystroke in a
// 400 KB file and 1 ms in a 40 KB one, and the record holds about as much
// memory as the model, which documents only open need not hold.
constexpr std::size_t kKeepModelFrom = 64 * 1024;

struct IncrementalState {
  // What the analysis of a statement made: shared, unchanged, by the later
  // versions that carry the statement over. Its positions are those of the
  // version that made it (see Statement::lines).
  struct Findings {
    std::uint32_t start = 0;              // where the statement started then
    std::vector<std::uint64_t> reads;     // sorted hashes of every identifier in it
    std::vector<Diagnostic> found;        // the rules' raw findings in it (before suppressions)
    FileLookups lookups;                  // what its fixes read elsewhere in the file
    bool editsOutside = false;            // a fix edits text outside the statement
  };
  struct Statement {
    std::uint32_t start = 0, end = 0;
    std::uint32_t line = 0;                  // where it starts
    TSSymbol symbol = 0;
    std::vector<std::uint64_t> binds;        // sorted hashes of the names it binds, in any scope
    std::vector<std::string> moduleBinds;    // module-level names it binds
    std::shared_ptr<const Findings> findings;
    // Lines the statement moved down since its findings were made (it moved
    // by start - findings->start bytes; its columns did not change). Findings
    // with an edit outside the statement are always of this version.
    std::int64_t lines = 0;
  };
  std::shared_ptr<const std::string> text;  // the caller's, or a copy
  std::vector<char> enabled;
  std::uint64_t documentDigest = 0;
  TSSymbol rootSymbol = 0;        // `module`, or ERROR when the whole file is broken
  std::uint32_t importPoint = 0;  // where fixes add imports
  std::vector<Statement> statements;
  std::unordered_map<std::uint64_t, NameDigest> nameDigests;  // by name hash
  std::vector<std::int64_t> documentWords;  // occurrences of each RuleMatcher::documentWords()
  // What the semantic model's walk recorded, for the next version's model
  // (see kKeepModelFrom). It keeps a tree alive, so it can be dropped once
  // the document lets its own tree go (forgetModelRecord), while another
  // thread may be reading it.
  mutable std::atomic<std::shared_ptr<const SemanticModel::Collected>> collected;
};

void forgetModelRecord(const CheckResult& result) {
  if (result.incremental) result.incremental->collected.store(nullptr);
}

namespace {

// A statement's findings where its version has them, appended to `out`.
void placeFindings(const IncrementalState::Statement& s, std::vector<Diagnostic>& out) {
  const auto bytes = static_cast<std::int64_t>(s.start) - s.findings->start;
  const auto lines = s.lines;
  auto byte = [bytes](std::uint32_t offset) { return static_cast<std::uint32_t>(offset + bytes); };
  for (const Diagnostic& d : s.findings->found) {
    Diagnostic& placed = out.emplace_back(d);
    if (bytes == 0 && lines == 0) continue;
    placed.range = {byte(d.range.start), byte(d.range.end)};
    placed.start.line = static_cast<std::uint32_t>(d.start.line + lines);
    placed.end.line = static_cast<std::uint32_t>(d.end.line + lines);
    if (placed.fix)  // its edits are inside the statement (see Findings::editsOutside)
      for (auto& e : placed.fix->edits) e.range = {byte(e.range.start), byte(e.range.end)};
  }
}

// Adds `sign` for each occurrence of a word of RuleMatcher::documentWords()
// in `text` (a whole token) to its count.
void countDocumentWords(std::string_view text, int sign, std::vector<std::int64_t>& counts) {
  const auto& words = RuleMatcher::builtin().documentWords();
  counts.resize(words.size());
  forEachToken(text, [&](std::string_view token, std::uint32_t) {
    for (std::size_t i = 0; i < words.size(); ++i)
      if (token == words[i]) counts[i] += sign;
  });
}

// Every identifier in a statement, as sorted name hashes.
std::vector<std::uint64_t> identifiersIn(TSNode node, std::string_view text) {
  static const TSSymbol identifier =
      ts_language_symbol_for_name(pythonLanguage(), "identifier", sizeof("identifier") - 1, true);
  std::vector<std::uint64_t> out;
  forEachDescendant(node, [&](TSNode current) {
    if (ts_node_symbol(current) == identifier) out.push_back(nameHash(nodeText(current, text)));
    return true;
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool contains(const std::vector<std::uint64_t>& sorted, std::uint64_t name) {
  return std::binary_search(sorted.begin(), sorted.end(), name);
}

bool intersects(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

// How the text changed since an earlier analysis: its unchanged prefix and
// suffix in bytes, and where an offset of the earlier text is now.
struct TextChange {
  std::uint32_t oldSize = 0, prefix = 0, suffix = 0;
  std::int64_t delta = 0;  // new size - old size
  std::int64_t lineDelta = 0;     // lines added (or, negative, removed)
  std::uint32_t lastOldLine = 0;  // the earlier line where the changed bytes end

  TextChange(std::string_view before, std::string_view after, const LineIndex& lines) {
    std::size_t common = std::min(before.size(), after.size());
    // Block by block with memcmp first: the texts are mostly equal.
    constexpr std::size_t kBlock = 64;
    std::size_t p = 0;
    while (p + kBlock <= common && std::memcmp(before.data() + p, after.data() + p, kBlock) == 0) p += kBlock;
    while (p < common && before[p] == after[p]) ++p;
    std::size_t q = 0;
    while (q + kBlock <= common - p &&
           std::memcmp(before.data() + before.size() - q - kBlock, after.data() + after.size() - q - kBlock,
                       kBlock) == 0)
      q += kBlock;
    while (q < common - p && before[before.size() - 1 - q] == after[after.size() - 1 - q]) ++q;
    oldSize = static_cast<std::uint32_t>(before.size());
    prefix = static_cast<std::uint32_t>(p);
    suffix = static_cast<std::uint32_t>(q);
    delta = static_cast<std::int64_t>(after.size()) - static_cast<std::int64_t>(before.size());
    auto newlines = [](std::string_view text, std::size_t from, std::size_t to) {
      return static_cast<std::int64_t>(std::count(text.begin() + from, text.begin() + to, '\n'));
    };
    lineDelta = newlines(after, p, after.size() - q) - newlines(before, p, before.size() - q);
    const auto changeEnd = static_cast<std::uint32_t>(after.size() - q);
    lastOldLine = static_cast<std::uint32_t>(lines.pointAt(changeEnd).line - lineDelta);
  }
  // Where `point` of a carried-over statement's finding is now, at
  // `offset`: the same when the statement lies before the change; after it
  // (`shifted`), moved by the lines added unless it is on the line where the
  // change ends, where it is looked up again.
  TextPoint moved(TextPoint point, bool shifted, std::uint32_t offset, const LineIndex& lines) const {
    if (!shifted) return point;
    if (point.line > lastOldLine) return {static_cast<std::uint32_t>(point.line + lineDelta), point.column};
    return lines.pointAt(offset);
  }
  bool inSuffix(std::uint32_t offset) const { return offset >= oldSize - suffix; }
  // The changed bytes of `text` (the earlier or the new version), widened to
  // whole tokens.
  std::string_view changedTokens(std::string_view text) const {
    std::size_t from = prefix, to = text.size() - suffix;
    while (from > 0 && isTokenChar(text[from - 1], false)) --from;
    while (to < text.size() && isTokenChar(text[to], false)) ++to;
    return text.substr(from, to - from);
  }
  // True when the earlier range lies strictly inside unchanged text.
  bool unchanged(ByteRange range) const { return range.end < prefix || range.start > oldSize - suffix; }
  std::uint32_t moved(std::uint32_t offset) const {
    return inSuffix(offset) ? static_cast<std::uint32_t>(offset + delta) : offset;
  }
  // True when `needle` occurs in `text` across the changed bytes.
  bool touches(std::string_view text, std::string_view needle) const {
    std::size_t size = needle.size();
    std::size_t changedEnd = text.size() - suffix;
    std::size_t from = prefix >= size ? prefix - size + 1 : 0;
    std::size_t to = std::min(text.size(), changedEnd + size - 1);
    return from < to && text.substr(from, to - from).find(needle) != std::string_view::npos;
  }
};

// The new version of the file, as planReuse sees it.
struct NewVersion {
  std::string_view text;
  const std::vector<TSNode>& statements;
  const std::vector<std::vector<std::string>>& moduleBinds;  // per statement
  const std::vector<std::vector<std::uint64_t>>& binds;      // per statement, any scope
  std::uint32_t importPoint;
  SemanticModel& model;
};

// Decides which statements of the new text are analysed again: returns, per
// statement, the index of the earlier statement whose findings carry over,
// or -1. Updates `digests` for every name it looks at. In four phases:
class ReusePlan {
 public:
  ReusePlan(const IncrementalState& old, const TextChange& change, const NewVersion& now,
            std::unordered_map<std::uint64_t, NameDigest>& digests)
      : old_(old), before_(old.statements), change_(change), now_(now), digests_(digests),
        match_(now.statements.size(), -1), reanalysed_(now.statements.size(), 0) {}

  std::vector<long> run() {
    alignUnchangedStatements();
    reuse_ = match_;
    keepFixesOfUnchangedText();
    propagateBindingChanges();
    checkFileLookups();
    return reuse_;
  }

  // The identifiers of new statement k when run() scanned it (it changed),
  // handed over once; empty otherwise.
  std::vector<std::uint64_t> takeReads(std::size_t k) {
    if (k < p_ || k >= newEnd_) return {};
    return std::move(changedReads_[k - p_]);
  }
  bool scanned(std::size_t k) const { return k >= p_ && k < newEnd_; }

 private:
  // 1. Statements in the unchanged prefix and suffix of the text, at the same
  //    place; the others (old [p, oldEnd), new [p, newEnd)) changed.
  void alignUnchangedStatements() {
    auto same = [&](const IncrementalState::Statement& s, TSNode n, std::int64_t shift) {
      return s.start + shift == ts_node_start_byte(n) && s.end + shift == ts_node_end_byte(n) &&
             s.symbol == ts_node_symbol(n) && !ts_node_has_error(n);
    };
    const auto& statements = now_.statements;
    while (p_ < before_.size() && p_ < statements.size() && before_[p_].end <= change_.prefix &&
           same(before_[p_], statements[p_], 0)) {
      match_[p_] = static_cast<long>(p_);
      ++p_;
    }
    oldEnd_ = before_.size();
    newEnd_ = statements.size();
    while (oldEnd_ > p_ && newEnd_ > p_ && change_.inSuffix(before_[oldEnd_ - 1].start) &&
           same(before_[oldEnd_ - 1], statements[newEnd_ - 1], change_.delta)) {
      --oldEnd_;
      --newEnd_;
      match_[newEnd_] = static_cast<long>(oldEnd_);
    }
    for (std::size_t k = p_; k < newEnd_; ++k) {
      reanalysed_[k] = 1;
      changedReads_.push_back(identifiersIn(statements[k], now_.text));
    }
  }

  // 2. A reused fix must only edit text that did not change.
  void keepFixesOfUnchangedText() {
    for (std::size_t k = 0; k < match_.size(); ++k) {
      if (match_[k] < 0) continue;
      const auto& s = before_[match_[k]];
      if (!s.findings->editsOutside) continue;
      for (const auto& d : s.findings->found)
        if (d.fix)
          for (const auto& e : d.fix->edits)
            if ((e.range.start < s.start || e.range.end > s.end) && !change_.unchanged(e.range)) reuse_[k] = -1;
    }
  }

  // 3. Names whose module-level bindings changed, the statements that read
  //    them, then the names those bind, and so on: all analysed again.
  void propagateBindingChanges() {
    std::vector<std::string> changed;
    std::unordered_set<std::uint64_t> seen;
    auto compare = [&](const std::string& name) {
      if (seen.insert(nameHash(name)).second && update(name)) changed.push_back(name);
    };
    for (std::size_t i = p_; i < oldEnd_; ++i)
      for (const auto& name : before_[i].moduleBinds) compare(name);
    for (std::size_t k = p_; k < newEnd_; ++k)
      for (const auto& name : now_.moduleBinds[k]) compare(name);
    for (std::size_t w = 0; w < changed.size(); ++w) {
      std::uint64_t h = nameHash(changed[w]);
      for (std::size_t k = 0; k < match_.size(); ++k) {
        if (reanalysed_[k] || !contains(before_[match_[k]].findings->reads, h)) continue;
        reanalysed_[k] = 1;
        reuse_[k] = -1;
        for (const auto& name : now_.moduleBinds[k])
          if (seen.insert(nameHash(name)).second) {
            update(name);
            changed.push_back(name);
          }
      }
    }
  }

  // 4. A reused statement's fixes asked the model about the rest of the file:
  //    analysed again when the code analysed again (changed or reached by a
  //    binding change, before and after the edit) can give another answer.
  void checkFileLookups() {
    std::vector<std::uint64_t> reads, binds;
    auto add = [](std::vector<std::uint64_t>& to, const std::vector<std::uint64_t>& from) {
      to.insert(to.end(), from.begin(), from.end());
    };
    for (std::size_t i = p_; i < oldEnd_; ++i) {
      add(reads, before_[i].findings->reads);
      add(binds, before_[i].binds);
    }
    std::vector<std::string_view> propagatedText;
    for (std::size_t k = 0; k < reanalysed_.size(); ++k) {
      if (!reanalysed_[k]) continue;
      bool changedStatement = k >= p_ && k < newEnd_;
      if (changedStatement) {
        add(reads, changedReads_[k - p_]);
      } else {
        add(reads, before_[match_[k]].findings->reads);
        add(binds, before_[match_[k]].binds);
        TSNode n = now_.statements[k];
        propagatedText.push_back(
            now_.text.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n)));
      }
      add(binds, now_.binds[k]);
    }
    for (auto* list : {&reads, &binds}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    // Sessions are bound and used through module-level names that hold one.
    bool sessionsTouched = false;
    auto holdsSession = [](const auto& digests, std::uint64_t h) {
      auto it = digests.find(h);
      return it != digests.end() && it->second.session;
    };
    for (std::uint64_t h : reads)
      if (holdsSession(old_.nameDigests, h) || holdsSession(digests_, h)) sessionsTouched = true;
    // Where an import goes depends on the leading imports above that point.
    bool importPointMoved = change_.moved(old_.importPoint) != now_.importPoint ||
                            !change_.unchanged({0, old_.importPoint});
    auto textTouched = [&](const std::string& needle) {
      if (change_.touches(*old_.text, needle) || change_.touches(now_.text, needle)) return true;
      for (std::string_view t : propagatedText)
        if (t.find(needle) != std::string_view::npos) return true;
      return false;
    };
    for (std::size_t k = 0; k < reuse_.size(); ++k) {
      if (reuse_[k] < 0) continue;
      const FileLookups& asked = before_[reuse_[k]].findings->lookups;
      if (asked.empty()) continue;
      bool stale = intersects(asked.references, reads) || intersects(asked.bindings, binds) ||
                   (asked.sessions && sessionsTouched) || (asked.importPoint && importPointMoved) ||
                   std::any_of(asked.texts.begin(), asked.texts.end(), textTouched);
      if (stale) reuse_[k] = -1;
    }
  }

  // Compares a module-level name's bindings with the earlier version's.
  bool update(const std::string& name) {
    std::uint64_t h = nameHash(name);
    auto it = old_.nameDigests.find(h);
    NameDigest was = it == old_.nameDigests.end() ? NameDigest{} : it->second;
    NameDigest is = moduleNameDigest(now_.model, name);
    digests_[h] = is;
    return !(was == is);
  }

  const IncrementalState& old_;
  const std::vector<IncrementalState::Statement>& before_;
  const TextChange& change_;
  const NewVersion& now_;
  std::unordered_map<std::uint64_t, NameDigest>& digests_;
  std::vector<long> match_, reuse_;
  std::vector<char> reanalysed_;                     // changed, or reads a name whose bindings changed
  std::vector<std::vector<std::uint64_t>> changedReads_;  // identifiers of new [p, newEnd)
  std::size_t p_ = 0, oldEnd_ = 0, newEnd_ = 0;
};

}  // namespace

CheckResult checkDocumentIncremental(std::string_view text, const TSTree* tree, const Settings& settings,
                                     std::string_view relativePath, const CheckResult* previous,
                                     const support::CancellationToken* cancel, const ProjectView* project,
                                     std::shared_ptr<const std::string> owner) {
  std::shared_ptr<const SemanticModel::Collected> earlier =
      previous && previous->incremental ? previous->incremental->collected.load() : nullptr;
  Prepared doc(text, tree, settings, relativePath, project, nullptr, earlier.get());
  const TSNode root = doc.root;
  SemanticModel& model = doc.model;
  const LineIndex& lines = doc.lines;
  const std::vector<char>& enabled = doc.enabled;
  CheckResult result = doc.result();
  auto state = std::make_shared<IncrementalState>();
  const bool owned = owner && owner->data() == text.data() && owner->size() == text.size();
  state->text = owned ? std::move(owner) : std::make_shared<const std::string>(text);
  state->enabled = enabled;
  state->documentDigest = documentDigest(model);
  state->rootSymbol = ts_node_symbol(root);
  state->importPoint = importInsertionPoint(root, text);

  const std::vector<TSNode>& statements = model.topLevel();
  std::vector<std::uint32_t> starts;
  for (TSNode n : statements) starts.push_back(ts_node_start_byte(n));
  auto statementAt = [&](std::uint32_t offset) -> std::size_t {
    auto it = std::upper_bound(starts.begin(), starts.end(), offset);
    return it == starts.begin() ? 0 : static_cast<std::size_t>(it - starts.begin()) - 1;
  };
  // Per statement: the module-level names it binds, and the names it binds in
  // any scope (hashed, sorted).
  const std::vector<SemanticModel::BindingSite> sites = model.bindingSites();
  std::vector<std::vector<std::string>> moduleBinds(statements.size());
  std::vector<std::vector<std::uint64_t>> binds(statements.size());
  for (const auto& site : sites) {
    if (statements.empty()) break;
    std::size_t k = statementAt(site.pos);
    binds[k].push_back(nameHash(site.name));
    if (site.module && std::find(moduleBinds[k].begin(), moduleBinds[k].end(), site.name) == moduleBinds[k].end())
      moduleBinds[k].emplace_back(site.name);
  }
  for (auto& list : binds) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }

  const IncrementalState* old = previous ? previous->incremental.get() : nullptr;
  if (old && (old->enabled != state->enabled || old->documentDigest != state->documentDigest ||
              old->rootSymbol != state->rootSymbol))
    old = nullptr;
  std::vector<long> reuse(statements.size(), -1);
  std::optional<TextChange> change;
  NewVersion now{text, statements, moduleBinds, binds, state->importPoint, model};
  std::optional<ReusePlan> plan;
  if (old) {
    change.emplace(*old->text, text, lines);
    state->nameDigests = old->nameDigests;
    plan.emplace(*old, *change, now, state->nameDigests);
    reuse = plan->run();
  } else {
    for (const auto& site : sites) {
      if (!site.module) continue;
      auto [it, added] = state->nameDigests.emplace(nameHash(site.name), NameDigest{});
      if (added) it->second = moduleNameDigest(model, site.name);
    }
  }

  std::vector<TSNode> toAnalyse;
  for (std::size_t k = 0; k < statements.size(); ++k)
    if (reuse[k] < 0) toAnalyse.push_back(statements[k]);
  // The words some rules look for anywhere in the file, counted again only
  // where the text changed.
  if (old) {
    state->documentWords = old->documentWords;
    countDocumentWords(change->changedTokens(*old->text), -1, state->documentWords);
    countDocumentWords(change->changedTokens(text), 1, state->documentWords);
  } else {
    countDocumentWords(text, 1, state->documentWords);
  }
  std::vector<char> present;
  for (std::int64_t count : state->documentWords) present.push_back(count > 0);
  std::vector<RuleMatch> matches;
  if (!toAnalyse.empty())
    matches = RuleMatcher::builtin().run(root, model, state->enabled, cancel, toAnalyse, &present);

  // Statements carried over share their findings with the earlier version;
  // the others get new ones, which the matches fill.
  using Findings = IncrementalState::Findings;
  std::vector<std::shared_ptr<Findings>> made(statements.size());
  state->statements.resize(statements.size());
  for (std::size_t k = 0; k < statements.size(); ++k) {
    auto& s = state->statements[k];
    s.end = ts_node_end_byte(statements[k]);
    if (reuse[k] >= 0) {
      const auto& was = old->statements[reuse[k]];
      s.start = change->moved(was.start);
      s.symbol = was.symbol;
      s.findings = was.findings;
      s.lines = was.lines;
      s.line = was.line;
      // After the change, the statement moved by the lines it added, unless
      // it shares the line where the change ends (its columns moved too).
      const bool shifted = change->inSuffix(was.start);
      if (shifted && was.line > change->lastOldLine && !was.findings->editsOutside) {
        s.lines += change->lineDelta;
        s.line = static_cast<std::uint32_t>(was.line + change->lineDelta);
      } else if (shifted || was.findings->editsOutside) {
        // Findings of this version: what lies in the statement moves with it
        // (an offset at its end is not moved by text typed just after it), an
        // edit elsewhere (in unchanged text, see ReusePlan) by the change.
        auto now = std::make_shared<Findings>(*was.findings);
        now->found.clear();
        placeFindings(was, now->found);
        auto moved = [&](ByteRange r) -> ByteRange {
          if (r.start < was.start || r.end > was.end) return {change->moved(r.start), change->moved(r.end)};
          return {r.start - was.start + s.start, r.end - was.start + s.start};
        };
        for (auto& d : now->found) {
          d.range = moved(d.range);
          d.start = change->moved(d.start, shifted, d.range.start, lines);
          d.end = change->moved(d.end, shifted, d.range.end, lines);
          if (d.fix)
            for (auto& e : d.fix->edits) e.range = moved(e.range);
        }
        now->start = s.start;
        s.findings = std::move(now);
        s.lines = 0;
        s.line = lines.pointAt(s.start).line;
      }
    } else {
      s.start = ts_node_start_byte(statements[k]);
      s.line = lines.pointAt(s.start).line;
      s.symbol = ts_node_symbol(statements[k]);
      made[k] = std::make_shared<Findings>();
      made[k]->start = s.start;
      made[k]->reads = plan && plan->scanned(k) ? plan->takeReads(k) : identifiersIn(statements[k], text);
      s.findings = made[k];
    }
    s.moduleBinds = std::move(moduleBinds[k]);
    s.binds = std::move(binds[k]);
  }
  for (const auto& match : matches) {
    std::size_t k = statementAt(ts_node_start_byte(match.report));
    Findings& into = *made[k];
    SemanticModel::Recording recording(model, into.lookups);
    const Diagnostic& d = into.found.emplace_back(toDiagnostic(match, model, text, lines));
    const std::uint32_t end = state->statements[k].end;
    if (d.fix)
      for (const auto& e : d.fix->edits)
        into.editsOutside = into.editsOutside || e.range.start < into.start || e.range.end > end;
  }

  std::vector<Diagnostic> found;
  for (const auto& s : state->statements) placeFindings(s, found);
  if (auto deep = depthDiagnostic(model, lines, enabled)) found.push_back(std::move(*deep));
  result.diagnostics = finish(std::move(found), root, text, lines, state->enabled);
  result.statements = statements.size();
  result.analysedStatements = toAnalyse.size();
  result.definitionsReused = model.definitionsReused();
  if (!(cancel && cancel->cancelled())) {
    // The last use of the model: what its walk recorded goes to the next version's.
    if (previous || text.size() >= kKeepModelFrom) state->collected.store(model.takeCollected(tree));
    result.incremental = std::move(state);
  }
  return result;
}

CheckResult checkText(std::string_view text, const Settings& settings, std::string_view relativePath,
                      const support::CancellationToken* cancel, const ProjectView* project) {
  // Most Python files of a repository never touch Spark. One that does not
  // mention it, that the project gives no Spark object to, that contains no
  // trigger word of any rule and no suppression comment (which could be
  // reported unused) has no finding to report: it is not parsed.
  if (!mentionsSpark(text) && !(project && project->analysed()) && text.find("noqa") == std::string_view::npos &&
      text.find("sparkmigrate") == std::string_view::npos && !RuleMatcher::builtin().mentionsTrigger(text))
    return {};
  TreePtr tree = parsePython(text);
  return checkDocument(text, tree.get(), settings, relativePath, cancel, project);
}

}  // namespace sparkmigrate::analysis
