// The extension's settings (`sparkmigrate.*` in VS Code) shaped the way the
// server reads them (server/session.cpp parseEditorSettings):
//   {targetVersion, select, ignore, platform, llm: {backend, baseUrl, model, apiKey}}
// Pure functions with no `vscode` import, so node:test can check them.
//
// An empty value means "not set here": it is left out, so `pyproject.toml`
// (which the server reads per file) decides. The server merges what it
// receives into what it had, so a value that disappears can only be undone
// by a restart: settingsChangeAction() says when.

export const SECTION = "sparkmigrate";

export const TARGET_VERSIONS = ["3.4", "3.5", "4.0", "4.1", "4.2", "4.3"] as const;
export const PLATFORMS = ["oss", "databricks"] as const;
export const LLM_BACKENDS = ["openai", "anthropic", "ollama"] as const;
export const TRACE_LEVELS = ["off", "messages", "verbose"] as const;

/** What the server receives (initializationOptions.settings, workspace/configuration). */
export interface ServerSettings {
  targetVersion?: string;
  select?: string[];
  ignore?: string[];
  platform?: string;
  llm?: {
    backend?: string;
    baseUrl?: string;
    model?: string;
    apiKey?: string;
  };
}

/** The settings as VS Code holds them (without `path` and `trace`). */
export interface RawSettings {
  targetVersion?: unknown;
  select?: unknown;
  ignore?: unknown;
  platform?: unknown;
  llm?: { backend?: unknown; baseUrl?: unknown; model?: unknown };
}

/** The part of `vscode.WorkspaceConfiguration` the reader needs. */
export interface ConfigurationLike {
  get<T>(key: string): T | undefined;
}

/** Reads the `sparkmigrate` section. The key is not a setting and is never read from here. */
export function readRawSettings(config: ConfigurationLike): RawSettings {
  return {
    targetVersion: config.get("targetVersion"),
    select: config.get("select"),
    ignore: config.get("ignore"),
    platform: config.get("platform"),
    llm: {
      backend: config.get("llm.backend"),
      baseUrl: config.get("llm.baseUrl"),
      model: config.get("llm.model"),
    },
  };
}

function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function oneOf(value: unknown, allowed: readonly string[]): string | undefined {
  const t = text(value);
  return t !== undefined && allowed.includes(t) ? t : undefined;
}

function codes(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const item of value) {
    const t = text(item);
    if (t !== undefined && !out.includes(t.toUpperCase())) out.push(t.toUpperCase());
  }
  return out.length ? out : undefined;
}

/**
 * The settings for the server, with the API key (from SecretStorage) added
 * as llm.apiKey when there is one. Unset and invalid values are left out.
 */
export function shapeSettings(raw: RawSettings, apiKey?: string): ServerSettings {
  const out: ServerSettings = {};
  const targetVersion = oneOf(raw.targetVersion, TARGET_VERSIONS);
  if (targetVersion) out.targetVersion = targetVersion;
  const select = codes(raw.select);
  if (select) out.select = select;
  const ignore = codes(raw.ignore);
  if (ignore) out.ignore = ignore;
  const platform = oneOf(raw.platform, PLATFORMS);
  if (platform) out.platform = platform;
  const llm: NonNullable<ServerSettings["llm"]> = {};
  const backend = oneOf(raw.llm?.backend, LLM_BACKENDS);
  if (backend) llm.backend = backend;
  const baseUrl = text(raw.llm?.baseUrl);
  if (baseUrl && /^https?:\/\//.test(baseUrl)) llm.baseUrl = baseUrl;
  const model = text(raw.llm?.model);
  if (model) llm.model = model;
  const key = typeof apiKey === "string" ? apiKey.trim() : "";
  if (key) llm.apiKey = key;
  if (Object.keys(llm).length) out.llm = llm;
  return out;
}

/** `initializationOptions` for the server. */
export function initializationOptions(settings: ServerSettings): { settings: ServerSettings } {
  return { settings };
}

/** A copy without the key (for anything shown or logged). */
export function withoutApiKey(settings: ServerSettings): ServerSettings {
  const copy: ServerSettings = JSON.parse(JSON.stringify(settings));
  if (copy.llm) {
    delete copy.llm.apiKey;
    if (!Object.keys(copy.llm).length) delete copy.llm;
  }
  return copy;
}

function leaves(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) {
    out.set(prefix, JSON.stringify(value));
  }
}

export type ChangeAction = "none" | "notify" | "restart";

/**
 * What a change of settings needs: nothing; a didChangeConfiguration (the
 * server pulls the new values); or a restart, when a value was removed (the
 * server keeps values it is not sent again).
 */
export function settingsChangeAction(before: ServerSettings, after: ServerSettings): ChangeAction {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  leaves(before, "", a);
  leaves(after, "", b);
  let changed = a.size !== b.size;
  for (const [key, value] of a) {
    if (!b.has(key)) return "restart";
    if (b.get(key) !== value) changed = true;
  }
  return changed ? "notify" : "none";
}

/** The trace level from `sparkmigrate.trace.server` ("off" unless valid). */
export function traceLevel(value: unknown): (typeof TRACE_LEVELS)[number] {
  const t = text(value);
  return t !== undefined && (TRACE_LEVELS as readonly string[]).includes(t)
    ? (t as (typeof TRACE_LEVELS)[number])
    : "off";
}
