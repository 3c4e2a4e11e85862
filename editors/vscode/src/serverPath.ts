// Which `sparkmigrate` binary runs the server: the `sparkmigrate.path`
// setting, else the binary bundled in the extension (bundled/sparkmigrate),
// else `sparkmigrate` on PATH. Pure (file checks are injected), so node:test
// can check the order without a file system.
import * as path from "path";

export type ServerSource = "setting" | "bundled" | "PATH";

export interface ResolveInput {
  /** `sparkmigrate.path` as configured ("" when unset). */
  configured?: string;
  /** The extension's folder (context.extensionPath). */
  extensionPath: string;
  /** process.env.PATH */
  pathEnv?: string;
  /** The first workspace folder's path, for relative paths and ${workspaceFolder}. */
  workspaceFolder?: string;
  /** The home folder, for `~`. */
  home?: string;
  /** True when `file` is an executable regular file. */
  isExecutable: (file: string) => boolean;
  platform?: NodeJS.Platform;
}

export interface Resolved {
  path?: string;
  source?: ServerSource;
  /** What the user should know: a configured path that does not work. */
  warnings: string[];
  /** Where was looked, when nothing was found. */
  error?: string;
}

export const BUNDLED_RELATIVE = path.join("bundled", "sparkmigrate");

function executableName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "sparkmigrate.exe" : "sparkmigrate";
}

/** Expands `~`, `${workspaceFolder}` and `${userHome}`; makes a relative path absolute against the workspace. */
export function expandPath(value: string, workspaceFolder?: string, home?: string): string {
  let out = value.trim();
  if (home) {
    if (out === "~") out = home;
    else if (out.startsWith("~/")) out = path.join(home, out.slice(2));
    out = out.split("${userHome}").join(home);
  }
  if (workspaceFolder) out = out.split("${workspaceFolder}").join(workspaceFolder);
  if (!path.isAbsolute(out) && workspaceFolder && (out.includes("/") || out.includes(path.sep)))
    out = path.join(workspaceFolder, out);
  return out;
}

/** Searches PATH for `name`. */
export function findOnPath(
  name: string,
  pathEnv: string | undefined,
  isExecutable: (file: string) => boolean,
  delimiter: string = path.delimiter,
): string | undefined {
  for (const dir of (pathEnv ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export function resolveServerPath(input: ResolveInput): Resolved {
  const platform = input.platform ?? process.platform;
  const warnings: string[] = [];
  const configured = (input.configured ?? "").trim();
  if (configured) {
    const expanded = expandPath(configured, input.workspaceFolder, input.home);
    // A bare name ("sparkmigrate", "sparkmigrate-nightly") is looked up on PATH.
    const candidate = path.isAbsolute(expanded)
      ? expanded
      : findOnPath(expanded, input.pathEnv, input.isExecutable) ?? expanded;
    if (path.isAbsolute(candidate) && input.isExecutable(candidate))
      return { path: candidate, source: "setting", warnings };
    warnings.push(
      `sparkmigrate.path is "${configured}", which is not an executable file; using the bundled server or the one on PATH instead`,
    );
  }
  const bundled = path.join(input.extensionPath, "bundled", executableName(platform));
  if (input.isExecutable(bundled)) return { path: bundled, source: "bundled", warnings };
  const onPath = findOnPath(executableName(platform), input.pathEnv, input.isExecutable);
  if (onPath) return { path: onPath, source: "PATH", warnings };
  return {
    warnings,
    error:
      `no sparkmigrate binary found: set "sparkmigrate.path", or install sparkmigrate on PATH ` +
      `(looked at ${bundled} and PATH)`,
  };
}
