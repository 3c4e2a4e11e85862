// Implementation of checkDocument: semantic model, one matcher pass, message
// templating, suppressions, generic-finding subsumption and ordering.
#include "analysis/checker.h"

#include "analysis/fix.h"
#include "analysis/query.h"
#include "analysis/semantic.h"
#include "analysis/suppression.h"

#include <algorithm>
#include <unordered_map>

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

CheckResult checkDocument(std::string_view text, const TSTree* tree, const Settings& settings,
                          std::string_view relativePath, const support::CancellationToken* cancel) {
  CheckResult result;
  const Catalogue& catalogue = Catalogue::builtin();
  TSNode root = ts_tree_root_node(tree);
  SemanticModel model(text, root);
  result.notebook = model.isNotebook();
  result.syntaxError = firstSyntaxError(root);
  LineIndex lines(text);

  std::vector<char> enabled = enabledRules(catalogue, settings, relativePath, model.isNotebook());
  std::vector<RuleMatch> matches = RuleMatcher::builtin().run(root, model, enabled, cancel);

  std::vector<Diagnostic> found;
  found.reserve(matches.size());
  for (const auto& match : matches) {
    Diagnostic d;
    d.rule = match.rule;
    d.code = match.rule->code;
    d.severity = match.rule->severity;
    d.message = renderMessage(match, text);
    d.range = {ts_node_start_byte(match.report), ts_node_end_byte(match.report)};
    d.start = lines.pointAt(d.range.start);
    d.end = lines.pointAt(d.range.end);
    if (!match.rule->fix.transform.empty()) d.fix = computeFix(match, model, text, root);
    found.push_back(std::move(d));
  }

  // Drop duplicates (several patterns of one rule) and generic findings that a
  // more specific finding on the same code covers.
  std::sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.start != b.range.start) return a.range.start < b.range.start;
    if (a.range.end != b.range.end) return a.range.end > b.range.end;
    return a.code < b.code;
  });
  // A generic finding (`spark.sparkContext`, `df.rdd`) is dropped when a
  // specific finding on the same chain (same start: `spark.sparkContext
  // .parallelize(...)`, or `SparkContext.getOrCreate()` under `.stop`) is at
  // least as severe; a milder finding, or one elsewhere in the expression
  // (a lambda argument), never hides it.
  auto rank = [](Severity s) { return s == Severity::Error ? 2 : s == Severity::Warning ? 1 : 0; };
  std::unordered_map<std::uint32_t, std::vector<const Diagnostic*>> specificByStart;
  for (const auto& d : found)
    if (!d.rule->generic) specificByStart[d.range.start].push_back(&d);
  auto coveredBySpecific = [&](const Diagnostic& g) {
    auto it = specificByStart.find(g.range.start);
    if (it == specificByStart.end()) return false;
    for (const Diagnostic* s : it->second)
      if (rank(s->severity) >= rank(g.severity)) return true;
    return false;
  };
  std::vector<Diagnostic> kept;
  for (auto& d : found) {
    bool duplicate = false;
    for (auto k = kept.rbegin(); k != kept.rend() && k->range.start == d.range.start; ++k)
      if (k->code == d.code && k->range == d.range) duplicate = true;
    if (duplicate || (d.rule->generic && coveredBySpecific(d))) continue;
    kept.push_back(d);
  }

  // Suppressions.
  std::vector<Suppression> suppressions = collectSuppressions(root, text, lines);
  std::unordered_multimap<std::uint32_t, std::size_t> suppressionsByLine;
  for (std::size_t i = 0; i < suppressions.size(); ++i) suppressionsByLine.emplace(suppressions[i].line, i);
  std::vector<Diagnostic> visible;
  for (auto& d : kept) {
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
    if (!suppressed) visible.push_back(std::move(d));
  }
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
        visible.push_back(std::move(d));
      }
    }
  }
  std::sort(visible.begin(), visible.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.start != b.range.start) return a.range.start < b.range.start;
    return a.code < b.code;
  });
  result.diagnostics = std::move(visible);
  return result;
}

CheckResult checkText(std::string_view text, const Settings& settings, std::string_view relativePath,
                      const support::CancellationToken* cancel) {
  TreePtr tree = parsePython(text);
  return checkDocument(text, tree.get(), settings, relativePath, cancel);
}

}  // namespace sparkmigrate::analysis
