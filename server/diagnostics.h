// Turning analysis results into LSP: diagnostics (code, docs link, source,
// severity, tags, the fix in `data`), workspace edits from rule fixes, the
// merged safe fix-all edit, and the edit that adds a suppression comment.
// All positions go through PositionMapper.
#pragma once

#include "analysis/checker.h"
#include "server/document.h"
#include "server/session.h"

#include <nlohmann/json.hpp>

namespace sparkmigrate::server {

inline constexpr const char* kSource = "sparkmigrate";

// A diagnostic as JSON text appended to `out`: written directly, since a pull
// or push answer after each keystroke can hold thousands of them.
void appendDiagnostic(std::string& out, const analysis::Diagnostic& d, const PositionMapper& mapper);
// The warning at the start of a document that is not analysed (`why`).
void appendNotAnalysed(std::string& out, const std::string& why);

// A document's report: its diagnostics as the client sees them (the LSP
// Diagnostic[] as JSON text) and a result id, a digest of what the client
// would see (positions in its encoding, codes, messages, fixes), so that a
// pull client sending it back as previousResultId can be answered
// "unchanged". Each diagnostic's text is kept under a digest of its own, so
// that the report of the next version copies the diagnostics that did not
// change rather than writing them again (a keystroke in a 10,000-line file
// changes 2 of its 2,000).
struct DiagnosticsReport {
  struct Piece {
    std::uint64_t digest = 0;
    std::uint32_t offset = 0, size = 0;  // in `items`
  };
  std::string items;
  std::string id;
  protocol::PositionEncoding encoding = protocol::PositionEncoding::Utf16;
  std::vector<Piece> pieces;  // sorted by digest
};
DiagnosticsReport diagnosticsReport(const DocumentSnapshot& snap, const analysis::CheckResult& check,
                                    const DiagnosticsReport* earlier = nullptr);
// The report of `result`, the analysis of `snap`. Made once and kept with the
// result while the document is being edited (the snapshot has an earlier
// result, whose report it starts from); documents only open keep none.
std::shared_ptr<const DiagnosticsReport> diagnosticsReport(const DocumentSnapshot& snap,
                                                           const AnalysisResult& result);
// The diagnostics as JSON values, for answers that embed or compare them.
nlohmann::json diagnosticJson(const analysis::Diagnostic& d, const PositionMapper& mapper);
nlohmann::json diagnosticsJson(const DocumentSnapshot& snap, const analysis::CheckResult& check);

// LSP TextEdits for a list of byte edits.
nlohmann::json textEdits(const std::vector<analysis::Edit>& edits, const PositionMapper& mapper);
// A WorkspaceEdit for one document (documentChanges with the version when the
// client supports them, `changes` otherwise).
nlohmann::json workspaceEdit(const DocumentSnapshot& snap, const nlohmann::json& edits,
                             const ClientCapabilities& client);


// The edit that suppresses `code` on the line diagnostic `d` starts on: adds
// the code to an existing `# noqa: ...` / `# sparkmigrate: ignore[...]`
// comment on that line, or appends `  # noqa: CODE`.
analysis::Edit suppressionEdit(const DocumentSnapshot& snap, const analysis::Diagnostic& d);

}  // namespace sparkmigrate::server

namespace sparkmigrate::server {
// The WorkspaceEdit of the fix loop over a snapshot (safe fixes, and unsafe
// ones too when asked), as `sparkmigrate fix` runs it; fixes applied in `count`.
nlohmann::json fixAllEdit(const DocumentSnapshot& snap, bool includeUnsafe, const ClientCapabilities& client,
                          const support::CancellationToken* cancel, std::size_t& count);
}  // namespace sparkmigrate::server
