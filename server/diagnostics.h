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

// A diagnostic as JSON text appended to `out`, and a document's report (the
// LSP Diagnostic[]) as JSON text: written directly, since a pull or push
// answer after each keystroke can hold thousands of them.
void appendDiagnostic(std::string& out, const analysis::Diagnostic& d, const PositionMapper& mapper);
std::string diagnosticsText(const DocumentSnapshot& snap, const analysis::CheckResult& check);
// The warning at the start of a document that is not analysed (`why`).
void appendNotAnalysed(std::string& out, const std::string& why);
// The same as JSON values, for answers that embed or compare them.
nlohmann::json diagnosticJson(const analysis::Diagnostic& d, const PositionMapper& mapper);
nlohmann::json diagnosticsJson(const DocumentSnapshot& snap, const analysis::CheckResult& check);

// An id for the report diagnosticsText would make (a digest of what the
// client would see: positions in its encoding, codes, messages, fixes), so
// that a pull client sending it back as previousResultId can be answered
// "unchanged" without encoding the report again.
std::string diagnosticsResultId(const DocumentSnapshot& snap, const analysis::CheckResult& check);

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
