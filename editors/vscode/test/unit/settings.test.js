// node:test: settings shaping (the server's keys, server/session.cpp
// parseEditorSettings), the restart-or-notify decision, and the API key never
// being a setting. Runs on the compiled out/ (npm run compile).
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const s = require("../../out/settings.js");

const PKG = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8"));
const PROPS = PKG.contributes.configuration.properties;

function config(values) {
  return { get: (key) => values[key] };
}

test("shapes every setting as the server reads it", () => {
  const raw = s.readRawSettings(
    config({
      targetVersion: "4.1",
      select: ["spk1", "SPK301"],
      ignore: ["SPK110"],
      platform: "databricks",
      "llm.backend": "openai",
      "llm.baseUrl": "http://127.0.0.1:8000/v1",
      "llm.model": "qwen2.5-coder",
    }),
  );
  assert.deepEqual(s.shapeSettings(raw, "sk-test-1234"), {
    targetVersion: "4.1",
    select: ["SPK1", "SPK301"],
    ignore: ["SPK110"],
    platform: "databricks",
    llm: { backend: "openai", baseUrl: "http://127.0.0.1:8000/v1", model: "qwen2.5-coder", apiKey: "sk-test-1234" },
  });
  assert.deepEqual(s.initializationOptions({ targetVersion: "3.5" }), { settings: { targetVersion: "3.5" } });
});

test("defaults send nothing, so pyproject.toml decides", () => {
  const defaults = {};
  for (const [key, prop] of Object.entries(PROPS)) defaults[key.replace(/^sparkmigrate\./, "")] = prop.default;
  assert.deepEqual(s.shapeSettings(s.readRawSettings(config(defaults))), {});
  assert.deepEqual(s.shapeSettings(s.readRawSettings(config({}))), {});
});

test("invalid values are left out rather than sent", () => {
  const shaped = s.shapeSettings({
    targetVersion: "3.3",
    select: "SPK1",
    ignore: [1, "", "  spk2 ", "SPK2"],
    platform: "emr",
    llm: { backend: "gpt", baseUrl: "ftp://x", model: "  " },
  });
  assert.deepEqual(shaped, { ignore: ["SPK2"] });
});

test("the key alone still reaches the server (backend and model from pyproject.toml)", () => {
  assert.deepEqual(s.shapeSettings({}, "sk-abcdef"), { llm: { apiKey: "sk-abcdef" } });
  assert.deepEqual(s.shapeSettings({}, "   "), {});
  assert.deepEqual(s.withoutApiKey({ llm: { apiKey: "k1234" } }), {});
  assert.deepEqual(s.withoutApiKey({ llm: { model: "m", apiKey: "k1234" } }), { llm: { model: "m" } });
});

test("the package.json schema matches what the shaping accepts", () => {
  assert.deepEqual(PROPS["sparkmigrate.targetVersion"].enum.filter(Boolean), [...s.TARGET_VERSIONS]);
  assert.deepEqual(PROPS["sparkmigrate.platform"].enum.filter(Boolean), [...s.PLATFORMS]);
  assert.deepEqual(PROPS["sparkmigrate.llm.backend"].enum.filter(Boolean), [...s.LLM_BACKENDS]);
  assert.deepEqual(PROPS["sparkmigrate.trace.server"].enum, [...s.TRACE_LEVELS]);
  for (const key of ["path", "targetVersion", "select", "ignore", "platform", "llm.backend", "llm.baseUrl", "llm.model", "trace.server"])
    assert.ok(PROPS[`sparkmigrate.${key}`], `sparkmigrate.${key} is contributed`);
});

test("the API key is never a setting", () => {
  const keys = Object.keys(PROPS);
  assert.ok(!keys.some((k) => /key|secret|token|password/i.test(k)), `no key-like setting: ${keys}`);
  // readRawSettings never reads one, even if a user writes it into settings.json.
  const raw = s.readRawSettings(config({ "llm.apiKey": "sk-from-settings", apiKey: "sk-from-settings" }));
  assert.ok(!JSON.stringify(raw).includes("sk-from-settings"));
  assert.ok(!JSON.stringify(s.shapeSettings(raw)).includes("sk-from-settings"));
  // The extension keeps it in SecretStorage only: no settings update anywhere.
  const ext = fs.readFileSync(path.join(__dirname, "../../src/extension.ts"), "utf8");
  assert.ok(!/\.update\(/.test(ext), "extension.ts never writes settings");
  assert.match(ext, /secrets\.store\(SECRET_KEY/);
  assert.match(ext, /password: true/);
});

test("a changed value notifies; a removed value restarts; nothing new does nothing", () => {
  const a = { targetVersion: "3.5", llm: { model: "m" } };
  assert.equal(s.settingsChangeAction(a, { targetVersion: "3.5", llm: { model: "m" } }), "none");
  assert.equal(s.settingsChangeAction(a, { targetVersion: "4.0", llm: { model: "m" } }), "notify");
  assert.equal(s.settingsChangeAction(a, { ...a, ignore: ["SPK1"] }), "notify");
  assert.equal(s.settingsChangeAction(a, { targetVersion: "3.5" }), "restart");
  assert.equal(s.settingsChangeAction({ llm: { apiKey: "k1234" } }, {}), "restart");
  assert.equal(s.settingsChangeAction({}, { llm: { apiKey: "k1234" } }), "notify");
  assert.equal(s.settingsChangeAction({ select: ["SPK1", "SPK2"] }, { select: ["SPK1"] }), "notify");
});

test("trace level", () => {
  assert.equal(s.traceLevel("verbose"), "verbose");
  assert.equal(s.traceLevel("loud"), "off");
  assert.equal(s.traceLevel(undefined), "off");
});
