// LSP diagnostics, fix edits and suppression edits.
#include "server/diagnostics.h"

#include "analysis/fix.h"
#include "analysis/rule_docs.h"
#include "analysis/suppression.h"
#include "protocol/json_text.h"
#include "support/hash.h"

#include <algorithm>
#include <cstdio>

namespace sparkmigrate::server {

using json = nlohmann::json;
using namespace std::string_view_literals;

namespace {

int severityValue(analysis::Severity s) {
  switch (s) {
    case analysis::Severity::Error:
      return protocol::kSeverityError;
    case analysis::Severity::Warning:
      return protocol::kSeverityWarning;
    case analysis::Severity::Info:
      break;
  }
  return protocol::kSeverityInformation;
}

}  // namespace

json textEdits(const std::vector<analysis::Edit>& edits, const PositionMapper& mapper) {
  json out = json::array();
  for (const auto& e : edits) out.push_back(protocol::TextEdit{mapper.toRange(e.range), e.text});
  return out;
}

namespace {

void appendPosition(std::string& out, const protocol::Position& p) {
  out += R"({"character":)"sv;
  protocol::appendJsonNumber(out, p.character);
  out += R"(,"line":)"sv;
  protocol::appendJsonNumber(out, p.line);
  out += '}';
}

void appendRange(std::string& out, const protocol::Range& r) {
  out += R"({"end":)"sv;
  appendPosition(out, r.end);
  out += R"(,"start":)"sv;
  appendPosition(out, r.start);
  out += '}';
}

}  // namespace

void appendDiagnostic(std::string& out, const analysis::Diagnostic& d, const PositionMapper& mapper) {
  out += R"({"code":)"sv;
  protocol::appendJsonString(out, d.code);
  if (d.rule) {
    out += R"(,"codeDescription":{"href":)"sv;
    protocol::appendJsonString(out, analysis::ruleUrl(*d.rule));
    out += '}';
  }
  if (d.fix) {
    out += R"(,"data":{"fix":{"edits":[)"sv;
    bool first = true;
    for (const auto& e : d.fix->edits) {
      out += first ? R"({"newText":)"sv : R"(,{"newText":)"sv;
      first = false;
      protocol::appendJsonString(out, e.text);
      out += R"(,"range":)"sv;
      appendRange(out, mapper.toRange(e.range));
      out += '}';
    }
    out += R"(],"message":)"sv;
    protocol::appendJsonString(out, d.fix->message);
    out += R"(,"safety":)"sv;
    protocol::appendJsonString(out, analysis::fixSafetyName(d.fix->safety));
    out += "}}"sv;
  }
  out += R"(,"message":)"sv;
  protocol::appendJsonString(out, d.message);
  out += R"(,"range":)"sv;
  appendRange(out, mapper.toRange(d.range));
  out += R"(,"severity":)"sv;
  protocol::appendJsonNumber(out, severityValue(d.severity));
  out += R"(,"source":)"sv;
  protocol::appendJsonString(out, kSource);
  if (d.code == analysis::kUnusedSuppressionCode) {
    out += R"(,"tags":[)"sv;
    protocol::appendJsonNumber(out, protocol::kTagUnnecessary);
    out += ']';
  }
  out += '}';
}

void appendNotAnalysed(std::string& out, const std::string& why) {
  out += R"({"message":)"sv;
  protocol::appendJsonString(out, why);
  out += R"(,"range":)"sv;
  appendRange(out, protocol::Range{{0, 0}, {0, 0}});
  out += R"(,"severity":)"sv;
  protocol::appendJsonNumber(out, protocol::kSeverityWarning);
  out += R"(,"source":)"sv;
  protocol::appendJsonString(out, kSource);
  out += '}';
}

namespace {

// What a diagnostic's text depends on, so that equal digests mean equal text.
std::uint64_t diagnosticDigest(const analysis::Diagnostic& d, const PositionMapper& mapper) {
  using support::hashBytes;
  using support::hashCombine;
  auto position = [&](std::uint64_t h, std::uint32_t offset) {
    protocol::Position p = mapper.toPosition(offset);
    return hashCombine(hashCombine(h, p.line), p.character);
  };
  std::uint64_t h = hashCombine(hashBytes(d.code), hashBytes(d.message));
  h = hashCombine(h, static_cast<std::uint64_t>(d.severity) * 2 + (d.rule ? 1 : 0));
  h = position(position(h, d.range.start), d.range.end);
  if (!d.fix) return h;
  h = hashCombine(h, static_cast<std::uint64_t>(d.fix->safety) + 1);
  h = hashCombine(h, hashBytes(d.fix->message));
  for (const auto& e : d.fix->edits)
    h = hashCombine(position(position(h, e.range.start), e.range.end), hashBytes(e.text));
  return h;
}

}  // namespace

DiagnosticsReport diagnosticsReport(const DocumentSnapshot& snap, const analysis::CheckResult& check,
                                    const DiagnosticsReport* earlier) {
  PositionMapper mapper = snap.mapper();
  if (earlier && earlier->encoding != snap.encoding) earlier = nullptr;
  DiagnosticsReport report;
  report.encoding = snap.encoding;
  std::string& out = report.items;
  out.reserve(earlier ? earlier->items.size() + 1024 : 64 + check.diagnostics.size() * 512);
  out += '[';
  if (!snap.notAnalysed.empty()) appendNotAnalysed(out, snap.notAnalysed);
  std::uint64_t id = support::hashCombine(snap.generation, static_cast<std::uint64_t>(snap.encoding));
  id = support::hashCombine(id, support::hashBytes(snap.notAnalysed));
  report.pieces.reserve(check.diagnostics.size());
  auto byDigest = [](const DiagnosticsReport::Piece& p, std::uint64_t digest) { return p.digest < digest; };
  for (const auto& d : check.diagnostics) {
    if (out.size() > 1) out += ',';
    std::uint64_t digest = diagnosticDigest(d, mapper);
    id = support::hashCombine(id, digest);
    auto offset = static_cast<std::uint32_t>(out.size());
    const DiagnosticsReport::Piece* same = nullptr;
    if (earlier) {
      auto it = std::lower_bound(earlier->pieces.begin(), earlier->pieces.end(), digest, byDigest);
      if (it != earlier->pieces.end() && it->digest == digest) same = &*it;
    }
    if (same)
      out.append(earlier->items, same->offset, same->size);
    else
      appendDiagnostic(out, d, mapper);
    report.pieces.push_back({digest, offset, static_cast<std::uint32_t>(out.size() - offset)});
  }
  out += ']';
  std::sort(report.pieces.begin(), report.pieces.end(),
            [](const auto& a, const auto& b) { return a.digest < b.digest; });
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(id));
  report.id = text;
  return report;
}

std::shared_ptr<const DiagnosticsReport> diagnosticsReport(const DocumentSnapshot& snap,
                                                           const AnalysisResult& result) {
  if (auto kept = result.report.load(); kept && kept->encoding == snap.encoding) return kept;
  std::shared_ptr<const DiagnosticsReport> earlier = snap.previous ? snap.previous->report.load() : nullptr;
  auto report =
      std::make_shared<const DiagnosticsReport>(diagnosticsReport(snap, result.check, earlier.get()));
  if (snap.previous) result.report.store(report);
  return report;
}

json diagnosticJson(const analysis::Diagnostic& d, const PositionMapper& mapper) {
  std::string text;
  appendDiagnostic(text, d, mapper);
  return json::parse(text);
}

json diagnosticsJson(const DocumentSnapshot& snap, const analysis::CheckResult& check) {
  return json::parse(diagnosticsReport(snap, check).items);
}

json workspaceEdit(const DocumentSnapshot& snap, const json& edits, const ClientCapabilities& client) {
  if (client.documentChanges)
    return {{"documentChanges",
             json::array(
                 {{{"textDocument", {{"uri", snap.uri}, {"version", snap.version}}}, {"edits", edits}}})}};
  return {{"changes", {{snap.uri, edits}}}};
}

analysis::Edit suppressionEdit(const DocumentSnapshot& snap, const analysis::Diagnostic& d) {
  return analysis::suppressionEdit(ts_tree_root_node(snap.tree.get()), *snap.text, *snap.lines, d.start.line,
                                   {d.code});
}

}  // namespace sparkmigrate::server

namespace sparkmigrate::server {
nlohmann::json fixAllEdit(const DocumentSnapshot& snap, bool includeUnsafe, const ClientCapabilities& client,
                          const support::CancellationToken* cancel, std::size_t& count) {
  // The fix loop, as `sparkmigrate fix` runs it (a fix can enable another:
  // once `sc.setLogLevel` is gone, `sc = spark.sparkContext` can be deleted),
  // sent as one edit over the span that changed.
  if (!snap.tree) {  // not analysed (too large): nothing to fix
    count = 0;
    return workspaceEdit(snap, json::array(), client);
  }
  std::string scratch;
  std::string_view text = analysisText(*snap.text, scratch);
  analysis::FixOptions options;
  options.unsafe = includeUnsafe;
  analysis::ProjectView project = analysis::ProjectView::forFile(snap.project.get(), snap.path);
  if (snap.project) options.project = &project;
  analysis::FixOutcome outcome = analysis::fixDocument(text, *snap.settings, snap.relativePath, options);
  count = static_cast<std::size_t>(outcome.fixed);
  std::vector<analysis::Edit> edits;
  if (outcome.error.empty() && outcome.text != text && !(cancel && cancel->cancelled())) {
    std::string_view after = outcome.text;
    std::size_t prefix = 0;
    while (prefix < text.size() && prefix < after.size() && text[prefix] == after[prefix]) ++prefix;
    while (prefix > 0 && (text[prefix - 1] & 0xC0) == 0x80) --prefix;  // not inside a character
    std::size_t suffix = 0;
    while (suffix < text.size() - prefix && suffix < after.size() - prefix &&
           text[text.size() - 1 - suffix] == after[after.size() - 1 - suffix])
      ++suffix;
    while (suffix > 0 && (text[text.size() - suffix] & 0xC0) == 0x80) --suffix;
    edits.push_back({{static_cast<std::uint32_t>(prefix), static_cast<std::uint32_t>(text.size() - suffix)},
                     std::string(after.substr(prefix, after.size() - prefix - suffix))});
  } else {
    count = 0;
  }
  return workspaceEdit(snap, textEdits(edits, snap.mapper()), client);
}
}  // namespace sparkmigrate::server
