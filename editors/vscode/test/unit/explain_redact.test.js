// node:test: showing an explained exception, and masking the API key in output.
const test = require("node:test");
const assert = require("node:assert/strict");
const e = require("../../out/explain.js");
const { redact, MASK } = require("../../out/redact.js");

const RESULT = {
  error_condition: "JVM_ATTRIBUTE_NOT_SUPPORTED",
  exception: "PySparkNotImplementedError",
  message: "[JVM_ATTRIBUTE_NOT_SUPPORTED] Attribute `sparkContext` is not supported",
  recognised: true,
  why: "Spark Connect has no JVM on the client.",
  frames: [{ filename: "/ws/job.py", line: 3, function: "<module>", in_project: true }],
  findings: [{ code: "SPK001", message: "`spark.sparkContext` is not available on Spark Connect", filename: "/ws/job.py", location: { row: 3, column: 6 }, end_location: { row: 3, column: 24 }, url: "https://x/SPK001.md", fix: null }],
  fix: { guidance: "Use the SparkSession API.", diff: "--- a\n+++ b\n", safety: null, source: null },
};

test("summary and markdown name the condition, the cause, why and the fix", () => {
  const line = e.summary(RESULT);
  assert.match(line, /JVM_ATTRIBUTE_NOT_SUPPORTED: SPK001/);
  assert.match(line, /no JVM/);
  assert.match(line, /Fix: Use the SparkSession API/);
  const md = e.markdown(RESULT);
  assert.match(md, /# Spark Connect: JVM_ATTRIBUTE_NOT_SUPPORTED/);
  assert.match(md, /`\/ws\/job.py:3`: \*\*SPK001\*\*/);
  assert.match(md, /```diff/);
  assert.match(e.summary({ recognised: false, message: "boom" }), /Not a Spark Connect error/);
  assert.match(e.summary({ recognised: true, error_condition: "X", findings: [] }), /No cause was found/);
});

test("code-point columns become UTF-16 offsets", () => {
  assert.equal(e.utf16Column("sc = spark.sparkContext", 6), 5);
  assert.equal(e.utf16Column("s = '\u{1F600}'; spark.sparkContext", 9), 9); // the emoji is 2 UTF-16 units
  assert.equal(e.utf16Column("abc", 1), 0);
  assert.equal(e.utf16Column("abc", 10), 3);
});

test("the key is masked in every form the trace can print", () => {
  const key = 'sk-te"st\\key-123456';
  const params = JSON.stringify({ initializationOptions: { settings: { llm: { apiKey: key } } } }, null, 4);
  const masked = redact(`Params: ${params}`, [key]);
  assert.ok(!masked.includes("sk-te"), masked);
  assert.ok(masked.includes(MASK));
  assert.ok(!redact(JSON.stringify(params), [key]).includes("sk-te"));
  assert.equal(redact("nothing here", [key, undefined]), "nothing here");
  assert.equal(redact("a b c", ["a"]), "a b c"); // too short to be a key: not masked everywhere
});
