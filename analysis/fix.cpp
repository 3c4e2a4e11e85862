// The fix engine: turns a transform's output into a diagnostic's Fix (adding
// the imports it needs as insertion edits), composes the fixes of a document
// without overlapping edits, re-parses and re-checks until nothing applicable
// is left, refuses any step whose result does not parse, and finally drops
// SparkContext/SQLContext/py4j imports that the fixes left unused. Also
// `check --add-noqa`: suppression comments kept only where a re-check agrees.
#include "analysis/fix.h"

#include "analysis/checker.h"
#include "analysis/suppression.h"

#include <algorithm>
#include <map>
#include <set>

namespace sparkmigrate::analysis {

namespace fixutil {

TSNode ancestorOfType(TSNode node, std::initializer_list<std::string_view> types) {
  for (TSNode n = node; !ts_node_is_null(n); n = parentOf(n))
    for (auto t : types)
      if (nodeType(n) == t) return n;
  return TSNode{};
}

Edit deleteStatement(TSNode statement, std::string_view text) {
  std::uint32_t start = ts_node_start_byte(statement), end = ts_node_end_byte(statement);
  TSNode block = parentOf(statement);
  if (isType(block, "block")) {
    int statements = 0;
    forEachNamedChild(block, [&](TSNode child) {
      if (nodeType(child) != "comment") ++statements;
    });
    if (statements == 1) return Edit{{start, end}, "pass"};
  }
  std::uint32_t lineStart = start;
  while (lineStart > 0 && (text[lineStart - 1] == ' ' || text[lineStart - 1] == '\t')) --lineStart;
  bool aloneBefore = lineStart == 0 || text[lineStart - 1] == '\n';
  std::uint32_t lineEnd = end;
  while (lineEnd < text.size() && (text[lineEnd] == ' ' || text[lineEnd] == '\t')) ++lineEnd;
  bool aloneAfter = lineEnd == text.size() || text[lineEnd] == '\n' || text[lineEnd] == '\r';
  if (aloneBefore && aloneAfter) {
    if (lineEnd < text.size() && text[lineEnd] == '\r') ++lineEnd;
    if (lineEnd < text.size() && text[lineEnd] == '\n') ++lineEnd;
    // The blank lines around it join: keep as many as the larger side had
    // (none at the top of the file), not both.
    auto blankLineAt = [&](std::uint32_t from) -> std::uint32_t {  // its length, or 0
      std::uint32_t i = from;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) ++i;
      return i < text.size() && text[i] == '\n' ? i + 1 - from : 0;
    };
    std::size_t before = 0;
    for (std::uint32_t at = lineStart; at > 0;) {
      std::uint32_t prev = at - 1;  // the '\n' ending the line above
      std::uint32_t start = prev;
      while (start > 0 && text[start - 1] != '\n') --start;
      if (blankLineAt(start) != prev + 1 - start) break;
      ++before;
      at = start;
    }
    std::vector<std::uint32_t> after;  // lengths of the blank lines that follow
    for (std::uint32_t at = lineEnd, n; (n = blankLineAt(at)) > 0; at += n) after.push_back(n);
    std::size_t drop = lineStart == 0 ? after.size() : std::min(before, after.size());
    for (std::size_t i = 0; i < drop; ++i) lineEnd += after[i];
    return Edit{{lineStart, lineEnd}, ""};
  }
  // Followed by a comment only: drop the statement, keep the comment where it was.
  if (aloneBefore && lineEnd < text.size() && text[lineEnd] == '#') {
    return Edit{{start, lineEnd}, ""};
  }
  // Shares its line: `a(); b()` -> drop the statement and one `;` after it.
  if (lineEnd < text.size() && text[lineEnd] == ';') {
    ++lineEnd;
    while (lineEnd < text.size() && text[lineEnd] == ' ') ++lineEnd;
    return Edit{{start, lineEnd}, ""};
  }
  return Edit{{start, end}, "pass"};
}

}  // namespace fixutil

namespace {

// By position; an insertion before a replacement that starts where it is.
bool editOrder(const Edit& a, const Edit& b) {
  return a.range.start != b.range.start ? a.range.start < b.range.start : a.range.end < b.range.end;
}

bool overlaps(const Edit& a, const Edit& b) {
  if (a.range == b.range && a.range.start == a.range.end) return false;  // two insertions at one point
  if (a.range.start == a.range.end) return b.range.start < a.range.start && a.range.start < b.range.end;
  if (b.range.start == b.range.end) return a.range.start < b.range.start && b.range.start < a.range.end;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

// True when the binding of a name at `id` is visible where the fix applies
// (and so can stand for, or shadow, a module-level import of it): it is at
// module level, or inside a function or class that contains the finding or
// one of the edits.
bool bindingReaches(TSNode id, TSNode report, const std::vector<Edit>& edits) {
  TSNode scope = fixutil::ancestorOfType(id, {"function_definition", "lambda", "class_definition"});
  if (ts_node_is_null(scope)) return true;
  std::uint32_t from = ts_node_start_byte(scope), to = ts_node_end_byte(scope);
  auto inside = [&](std::uint32_t a, std::uint32_t b) { return from <= a && b <= to; };
  if (inside(ts_node_start_byte(report), ts_node_end_byte(report))) return true;
  for (const auto& e : edits)
    if (inside(e.range.start, e.range.end)) return true;
  return false;
}

}  // namespace

std::optional<Fix> computeFix(const RuleMatch& match, SemanticModel& model, std::string_view text) {
  if (!match.rule || match.rule->fix.transform.empty()) return std::nullopt;
  FixTransform transform = findTransform(match.rule->fix.transform);
  if (!transform) return std::nullopt;
  FixContext context{match, model, text};
  std::optional<TransformOutput> out = transform(context);
  if (!out || (out->edits.empty() && out->imports.empty())) return std::nullopt;
  Fix fix;
  fix.safety = out->safe ? FixSafety::Safe : match.rule->fix.safety;
  fix.message = match.rule->fix.message;
  fix.edits = std::move(out->edits);
  std::set<std::string> added;
  for (const auto& need : out->imports) {
    if (!added.insert(need.line).second) continue;
    // Present: bound to the same thing before the first edit (an import
    // further down does not help module-level code above it).
    bool present = false, conflict = false;
    std::uint32_t firstEdit =
        fix.edits.empty() ? ts_node_start_byte(match.report) : fix.edits.front().range.start;
    for (const auto& e : fix.edits) firstEdit = std::min(firstEdit, e.range.start);
    for (TSNode id : model.references(need.name)) {
      if (model.qualifiedName(id) == need.qualname)
        present =
            present || (ts_node_start_byte(id) < firstEdit && bindingReaches(id, match.report, fix.edits));
      else if (!model.isUnboundName(id))
        conflict = conflict || bindingReaches(id, match.report, fix.edits);
    }
    if (present) continue;
    if (conflict) return std::nullopt;
    ImportInsertion place = model.placeImport(need.line);
    fix.edits.push_back(Edit{{place.at, place.at}, std::move(place.text)});
  }
  if (fix.edits.empty()) return std::nullopt;
  std::stable_sort(fix.edits.begin(), fix.edits.end(), editOrder);
  for (std::size_t i = 1; i < fix.edits.size(); ++i)
    if (overlaps(fix.edits[i - 1], fix.edits[i])) return std::nullopt;
  // Placeholder edits that change nothing are no fix.
  bool changes = false;
  for (const auto& e : fix.edits)
    if (text.substr(e.range.start, e.range.end - e.range.start) != e.text) changes = true;
  if (!changes) return std::nullopt;
  return fix;
}

std::string applyEdits(std::string_view text, std::vector<Edit> edits) {
  std::stable_sort(edits.begin(), edits.end(), editOrder);
  std::string out;
  out.reserve(text.size());
  std::uint32_t pos = 0;
  for (const auto& e : edits) {
    if (e.range.start < pos || e.range.end > text.size()) continue;  // overlapping: skipped
    out.append(text.substr(pos, e.range.start - pos));
    out += e.text;
    pos = e.range.end;
  }
  out.append(text.substr(pos));
  return out;
}

bool isApplicable(const Fix& fix, const FixOptions& options) {
  if (fix.edits.empty()) return false;
  if (fix.safety == FixSafety::Safe) return true;
  return fix.safety == FixSafety::Unsafe && options.unsafe;
}

namespace {

// Names whose import goes once the fixes removed their last use.
constexpr std::string_view kDroppableImports[] = {"SparkContext", "SparkConf", "SQLContext", "HiveContext",
                                                  "Py4JJavaError"};

}  // namespace

int fixutil::usesOutsideImports(const std::vector<TSNode>& references) {
  int n = 0;
  for (TSNode id : references)
    if (ts_node_is_null(fixutil::ancestorOfType(id, {"import_from_statement", "import_statement"}))) ++n;
  return n;
}

std::vector<Edit> fixutil::removeImportedName(const std::vector<TSNode>& references, std::string_view text,
                                              std::string_view name) {
  std::vector<Edit> edits;
  for (TSNode id : references) {
    TSNode statement = fixutil::ancestorOfType(id, {"import_from_statement"});
    if (ts_node_is_null(statement)) continue;
    std::vector<TSNode> names;
    TSFieldId nameField = fieldId("name");
    TSTreeCursor cursor = ts_tree_cursor_new(statement);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      do {
        if (ts_tree_cursor_current_field_id(&cursor) == nameField)
          names.push_back(ts_tree_cursor_current_node(&cursor));
      } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
    std::size_t index = names.size();
    for (std::size_t i = 0; i < names.size(); ++i) {
      TSNode bound = names[i];
      if (isType(bound, "aliased_import")) bound = field(bound, "alias");
      if (ts_node_start_byte(bound) <= ts_node_start_byte(id) &&
          ts_node_end_byte(id) <= ts_node_end_byte(bound) && nodeText(bound, text) == name)
        index = i;
    }
    if (index == names.size()) continue;
    if (names.size() == 1) {
      edits.push_back(fixutil::deleteStatement(statement, text));
    } else if (index + 1 < names.size()) {
      edits.push_back(Edit{{ts_node_start_byte(names[index]), ts_node_start_byte(names[index + 1])}, ""});
    } else {
      edits.push_back(Edit{{ts_node_end_byte(names[index - 1]), ts_node_end_byte(names[index])}, ""});
    }
  }
  return edits;
}

namespace {

std::string dropUnusedImports(std::string_view original, std::string_view fixed) {
  using fixutil::removeImportedName;
  using fixutil::usesOutsideImports;
  TreePtr before = parsePython(original);
  std::string current(fixed);
  ParentIndex beforeIndex(ts_tree_root_node(before.get()));
  for (std::string_view name : kDroppableImports) {
    if (usesOutsideImports(beforeIndex.references(original, name)) == 0) continue;
    TreePtr tree = parsePython(current);
    ParentIndex index(ts_tree_root_node(tree.get()));
    const std::vector<TSNode>& references = index.references(current, name);
    if (usesOutsideImports(references) != 0) continue;
    std::vector<Edit> edits = removeImportedName(references, current, name);
    if (edits.empty()) continue;
    current = applyEdits(current, std::move(edits));
  }
  return current;
}

bool parses(std::string_view text) {
  TreePtr tree = parsePython(text);
  return !ts_node_has_error(ts_tree_root_node(tree.get()));
}

}  // namespace

FixOutcome fixDocument(std::string_view text, const Settings& settings, std::string_view relativePath,
                       const FixOptions& options) {
  FixOutcome outcome;
  outcome.text = std::string(text);
  bool originalParses = parses(text);
  if (!originalParses) {
    // Never write a result that does not parse: a broken file is not fixed at all.
    outcome.error = "has a syntax error; not fixed";
    outcome.remaining = checkText(outcome.text, settings, relativePath, nullptr, options.project).diagnostics;
    return outcome;
  }
  for (int iteration = 0; iteration < options.maxIterations; ++iteration) {
    CheckResult result = checkText(outcome.text, settings, relativePath, nullptr, options.project);
    std::vector<Edit> accepted;
    std::vector<std::string> codes;
    for (const auto& d : result.diagnostics) {
      if (!d.fix || !isApplicable(*d.fix, options)) continue;
      bool clash = false;
      std::vector<const Edit*> fresh;
      for (const auto& e : d.fix->edits) {
        bool duplicate = false;
        for (const auto& a : accepted) {
          if (a.range == e.range && a.text == e.text)
            duplicate = true;
          else if (overlaps(a, e))
            clash = true;
        }
        if (!duplicate) fresh.push_back(&e);
      }
      if (clash) continue;  // applied on a later iteration
      for (const Edit* e : fresh) accepted.push_back(*e);
      codes.push_back(d.code);
    }
    if (accepted.empty()) break;
    std::string next = applyEdits(outcome.text, accepted);
    if (next == outcome.text) break;
    if (!parses(next)) {
      outcome.error = "the fixes produced code that does not parse; stopped before applying them";
      break;
    }
    outcome.text = std::move(next);
    for (const auto& code : codes) {
      ++outcome.fixedByCode[code];
      ++outcome.fixed;
    }
  }
  if (outcome.fixed > 0) {
    std::string cleaned = dropUnusedImports(text, outcome.text);
    if (cleaned != outcome.text && parses(cleaned)) outcome.text = std::move(cleaned);
  }
  outcome.remaining = checkText(outcome.text, settings, relativePath, nullptr, options.project).diagnostics;
  return outcome;
}

namespace {

// (line, code) of each finding: what a comment appended to a line (which
// moves nothing to another line) may change only by suppressing.
std::multiset<std::pair<std::uint32_t, std::string>> findingKeys(const std::vector<Diagnostic>& diagnostics) {
  std::multiset<std::pair<std::uint32_t, std::string>> keys;
  for (const auto& d : diagnostics) keys.emplace(d.start.line, d.code);
  return keys;
}

}  // namespace

NoqaOutcome addNoqaDirectives(std::string_view text, const Settings& settings, std::string_view relativePath,
                              const ProjectView* project) {
  NoqaOutcome out;
  out.text = std::string(text);
  CheckResult first = checkText(text, settings, relativePath, nullptr, project);
  if (first.diagnostics.empty()) return out;
  const bool brokenBefore = first.syntaxError.has_value();

  // The findings to suppress with one comment on `line`.
  struct Group {
    std::uint32_t line;
    std::vector<const Diagnostic*> findings;
  };
  auto codesOf = [](const Group& g) {
    std::set<std::string> codes;
    for (const Diagnostic* d : g.findings) codes.insert(d->code);
    return std::vector<std::string>(codes.begin(), codes.end());
  };
  // The current text with `group`'s comment added, when the re-check shows
  // exactly its findings gone and no new syntax error.
  auto tryGroups = [&](const std::string& current, const std::vector<Diagnostic>& before,
                       const std::vector<Group>& groups) -> std::optional<std::pair<std::string, CheckResult>> {
    TreePtr tree = parsePython(current);
    LineIndex lines(current);
    std::vector<Edit> edits;
    auto expected = findingKeys(before);
    for (const Group& g : groups) {
      edits.push_back(suppressionEdit(ts_tree_root_node(tree.get()), current, lines, g.line, codesOf(g)));
      for (const Diagnostic* d : g.findings)
        if (auto it = expected.find({d->start.line, d->code}); it != expected.end()) expected.erase(it);
    }
    std::string next = applyEdits(current, edits);
    CheckResult after = checkText(next, settings, relativePath, nullptr, project);
    if (after.syntaxError && !brokenBefore) return std::nullopt;
    if (findingKeys(after.diagnostics) != expected) return std::nullopt;
    return std::make_pair(std::move(next), std::move(after));
  };

  std::map<std::uint32_t, Group> lines;
  for (const auto& d : first.diagnostics)
    lines.try_emplace(d.start.line, Group{d.start.line, {}}).first->second.findings.push_back(&d);
  std::vector<Group> byStart;
  for (auto& [line, g] : lines) byStart.push_back(g);
  // Usually every comment is fine at once; else one line at a time.
  if (auto done = tryGroups(out.text, first.diagnostics, byStart)) {
    out.text = std::move(done->first);
    out.suppressed = static_cast<int>(first.diagnostics.size());
    out.comments = static_cast<int>(byStart.size());
    return out;
  }
  std::vector<Diagnostic> current = first.diagnostics;
  std::set<std::uint32_t> commented;
  auto attempt = [&](const Group& g) {
    auto done = tryGroups(out.text, current, {g});
    if (!done) return false;
    out.text = std::move(done->first);
    current = std::move(done->second.diagnostics);
    out.suppressed += static_cast<int>(g.findings.size());
    commented.insert(g.line);
    return true;
  };
  for (const Group& g : byStart) {
    if (attempt(g)) continue;
    for (const Diagnostic* d : g.findings)  // alone, then on the line it ends on
      if (!attempt(Group{d->start.line, {d}}) && (d->end.line == d->start.line || !attempt(Group{d->end.line, {d}})))
        out.unsuppressed.push_back(*d);
  }
  out.comments = static_cast<int>(commented.size());
  return out;
}

}  // namespace sparkmigrate::analysis
