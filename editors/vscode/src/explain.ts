// "Migrate from exception": turns the answer of the server's
// `sparkmigrate.explainException` (the JSON of `sparkmigrate explain
// --output-format json`) into what the user sees: a one-line summary, the
// place to jump to, and a markdown page with the details. Pure.

export interface ExplainPoint {
  row: number; // 1-based
  column: number; // 1-based, in code points
}

export interface ExplainFinding {
  code: string;
  message: string;
  filename: string;
  location: ExplainPoint;
  end_location: ExplainPoint;
  url?: string | null;
  severity?: string;
  fix?: { applicability?: string; message?: string } | null;
}

export interface ExplainResult {
  error_condition?: string | null;
  exception?: string | null;
  message?: string;
  subject?: string | null;
  recognised?: boolean;
  why?: string | null;
  frames?: { filename: string; line: number; function: string; in_project: boolean }[];
  findings?: ExplainFinding[];
  fix?: { source?: string | null; safety?: string | null; diff?: string | null; guidance?: string } | null;
}

/** A 1-based code-point column on `line` as a 0-based UTF-16 offset (VS Code's). */
export function utf16Column(line: string, codePointColumn: number): number {
  let units = 0;
  let points = 1;
  for (const ch of line) {
    if (points >= codePointColumn) break;
    units += ch.length;
    points += 1;
  }
  return units;
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** The one-line summary for the notification. */
export function summary(result: ExplainResult): string {
  const what = result.error_condition || result.exception || "The error";
  const first = result.findings?.[0];
  const why = result.why ? ` ${result.why}` : "";
  if (first) {
    const fix = result.fix?.guidance || first.fix?.message || "";
    return `${what}: ${first.code} ${sentence(first.message)}${why}${fix ? ` Fix: ${sentence(fix)}` : ""}`;
  }
  if (result.recognised) return `${what}:${why || " recognised"} No cause was found in this workspace's files.`;
  return `Not a Spark Connect error sparkmigrate recognises${result.message ? `: ${result.message}` : ""}.`;
}

// The preview refuses file: links, so places are shown as text.
function place(f: { filename: string }, row: number): string {
  return "`" + `${f.filename}:${row}`.replace(/`/g, "'") + "`";
}

/** The details page (markdown). */
export function markdown(result: ExplainResult): string {
  const lines: string[] = [];
  const title = result.error_condition || result.exception || "Exception";
  lines.push(`# Spark Connect: ${title}`, "");
  if (result.message) lines.push("```text", result.message, "```", "");
  if (result.why) lines.push(`**Why:** ${result.why}`, "");
  if (!result.recognised) lines.push("sparkmigrate does not recognise this error as a Spark Connect one.", "");
  const findings = result.findings ?? [];
  if (findings.length) {
    lines.push("## Causes", "");
    for (const f of findings) {
      const docs = f.url ? ` ([${f.code}](${f.url}))` : "";
      lines.push(`- ${place(f, f.location.row)}: **${f.code}**${docs} ${f.message}`);
      if (f.fix?.message) lines.push(`  - fix (${f.fix.applicability ?? "fix"}): ${f.fix.message}`);
    }
    lines.push("");
  } else if (result.recognised) {
    lines.push("No cause was found in this workspace's files.", "");
  }
  if (result.fix) {
    lines.push("## Fix", "");
    if (result.fix.guidance) lines.push(result.fix.guidance, "");
    if (result.fix.diff) lines.push("```diff", result.fix.diff.replace(/\n$/, ""), "```", "");
  }
  const frames = (result.frames ?? []).filter((f) => f.in_project);
  if (frames.length) {
    lines.push("## Frames in this workspace", "");
    for (const f of frames) lines.push(`- ${place(f, f.line)} in \`${f.function}\``);
    lines.push("");
  }
  return lines.join("\n");
}
