// The findings count of the status bar, and which pushed diagnostics to keep.
// Pure.
//
// VS Code keeps pulled diagnostics (textDocument/diagnostic,
// workspace/diagnostic) and pushed ones (textDocument/publishDiagnostics) in
// two collections and shows both. The server pulls for VS Code, but pushes the
// causes of an explained exception (sparkmigrate.explainException) too: on a
// file it also pulls, that shows each cause twice, and the pushed copy stays
// after the code is fixed, since nothing pushes again. So a push for a file
// the pulled diagnostics already cover is dropped.

export const SOURCE = "sparkmigrate";

interface Position {
  line: number;
  character: number;
}

export interface DiagnosticLike {
  source?: string;
  code?: string | number | { value: string | number };
  message: string;
  range: { start: Position; end: Position };
}

function codeOf(code: DiagnosticLike["code"]): string {
  if (code === undefined) return "";
  return typeof code === "object" ? String(code.value) : String(code);
}

/** The sparkmigrate findings among `diagnostics`, each counted once. */
export function countFindings(diagnostics: readonly DiagnosticLike[]): number {
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const r = d.range;
    seen.add(`${codeOf(d.code)}|${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}|${d.message}`);
  }
  return seen.size;
}

export interface PushContext {
  /** The server answers textDocument/diagnostic (diagnosticProvider). */
  pull: boolean;
  /** ... and workspace/diagnostic (diagnosticProvider.workspaceDiagnostics). */
  workspacePull: boolean;
  /** The file is open in an editor (so it is pulled). */
  open: boolean;
  /** The file is in a workspace folder (so workspace/diagnostic covers it). */
  inWorkspace: boolean;
}

/** True when a pushed report for this file would duplicate the pulled one. */
export function pushIsRedundant(c: PushContext): boolean {
  if (!c.pull) return false;
  return c.open || (c.workspacePull && c.inWorkspace);
}
