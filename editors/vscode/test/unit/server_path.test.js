// node:test: which binary runs the server (setting, bundled, PATH).
const test = require("node:test");
const assert = require("node:assert/strict");
const { resolveServerPath, expandPath, findOnPath } = require("../../out/serverPath.js");

const EXT = "/ext/sparkmigrate-0.1.0";
const BUNDLED = "/ext/sparkmigrate-0.1.0/bundled/sparkmigrate";

function files(...paths) {
  const set = new Set(paths);
  return (p) => set.has(p);
}

test("the setting wins when it is an executable", () => {
  const r = resolveServerPath({ configured: "/opt/sm/sparkmigrate", extensionPath: EXT, pathEnv: "/usr/bin", isExecutable: files("/opt/sm/sparkmigrate", BUNDLED, "/usr/bin/sparkmigrate"), platform: "linux" });
  assert.deepEqual(r, { path: "/opt/sm/sparkmigrate", source: "setting", warnings: [] });
});

test("then the bundled binary, then PATH", () => {
  let r = resolveServerPath({ configured: "", extensionPath: EXT, pathEnv: "/usr/bin", isExecutable: files(BUNDLED, "/usr/bin/sparkmigrate"), platform: "linux" });
  assert.equal(r.path, BUNDLED);
  assert.equal(r.source, "bundled");
  r = resolveServerPath({ extensionPath: EXT, pathEnv: "/a:/usr/local/bin::/usr/bin", isExecutable: files("/usr/local/bin/sparkmigrate", "/usr/bin/sparkmigrate"), platform: "linux" });
  assert.equal(r.path, "/usr/local/bin/sparkmigrate");
  assert.equal(r.source, "PATH");
});

test("a setting that does not exist warns and falls back", () => {
  const r = resolveServerPath({ configured: "/nope/sparkmigrate", extensionPath: EXT, pathEnv: "", isExecutable: files(BUNDLED), platform: "linux" });
  assert.equal(r.path, BUNDLED);
  assert.equal(r.warnings.length, 1);
  assert.match(r.warnings[0], /\/nope\/sparkmigrate/);
});

test("nothing found is an error naming where it looked", () => {
  const r = resolveServerPath({ extensionPath: EXT, pathEnv: "/usr/bin", isExecutable: files(), platform: "linux" });
  assert.equal(r.path, undefined);
  assert.match(r.error, /sparkmigrate\.path/);
  assert.match(r.error, /bundled/);
});

test("~, ${workspaceFolder}, relative paths and bare names", () => {
  assert.equal(expandPath("~/bin/sparkmigrate", "/ws", "/home/me"), "/home/me/bin/sparkmigrate");
  assert.equal(expandPath("${workspaceFolder}/build/sparkmigrate", "/ws", "/home/me"), "/ws/build/sparkmigrate");
  assert.equal(expandPath("build/sparkmigrate", "/ws", "/home/me"), "/ws/build/sparkmigrate");
  const r = resolveServerPath({ configured: "sparkmigrate-nightly", extensionPath: EXT, pathEnv: "/opt/bin", isExecutable: files("/opt/bin/sparkmigrate-nightly"), platform: "linux" });
  assert.equal(r.path, "/opt/bin/sparkmigrate-nightly");
  assert.equal(r.source, "setting");
  assert.equal(findOnPath("x", undefined, () => true), undefined);
});

test("Windows names the binary sparkmigrate.exe", () => {
  const r = resolveServerPath({ extensionPath: EXT, pathEnv: "", isExecutable: files(`${EXT}/bundled/sparkmigrate.exe`), platform: "win32" });
  assert.equal(r.source, "bundled");
});
