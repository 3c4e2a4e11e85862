// Keeps the LLM API key out of everything the extension writes to its output
// channel: the language client's trace (which, at "verbose", prints the
// initialize params and the workspace/configuration answers, both of which
// carry the key), the server's stderr and window/logMessage. Pure.

export const MASK = "***";

/** The forms in which `secret` can appear in text: as is and JSON-escaped. */
function forms(secret: string): string[] {
  const out = new Set<string>([secret]);
  const json = JSON.stringify(secret).slice(1, -1);
  out.add(json);
  // JSON.stringify inside JSON.stringify (a traced string holding JSON).
  out.add(JSON.stringify(json).slice(1, -1));
  return [...out].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of each secret replaced by ***. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue; // nothing sensible to hide; avoids masking every "a"
    for (const form of forms(secret)) out = out.split(form).join(MASK);
  }
  return out;
}
