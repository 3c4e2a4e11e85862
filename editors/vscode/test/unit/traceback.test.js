// node:test: the traceback heuristic and the input-box round trip.
const test = require("node:test");
const assert = require("node:assert/strict");
const t = require("../../out/traceback.js");

const TRACEBACK = `Traceback (most recent call last):
  File "/work/job.py", line 3, in <module>
    sc = spark.sparkContext
pyspark.errors.exceptions.base.PySparkNotImplementedError: [JVM_ATTRIBUTE_NOT_SUPPORTED] Attribute \`sparkContext\` is not supported in Spark Connect as it depends on the JVM.`;

test("tracebacks and Spark errors are recognised", () => {
  assert.ok(t.looksLikeTraceback(TRACEBACK));
  assert.ok(t.looksLikeTraceback("[NOT_IMPLEMENTED] rdd is not implemented."));
  assert.ok(t.looksLikeTraceback("pyspark.errors.exceptions.connect.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] x"));
  assert.ok(t.looksLikeTraceback("py4j.protocol.Py4JError: An error occurred while calling o42.foo"));
  assert.ok(t.looksLikeTraceback("AttributeError: 'DataFrame' object has no attribute '_jdf'"));
  assert.ok(t.looksLikeTraceback('  File "/x.py", line 9, in f\n    df.rdd\n'));
});

test("ordinary clipboard contents are not", () => {
  for (const text of ["", "hello", "df = spark.range(10)", "https://example.com/a", "SELECT * FROM t", null, undefined, 42, "a".repeat(20)])
    assert.equal(t.looksLikeTraceback(text), false, String(text));
  assert.equal(t.prefill("just some notes"), "");
});

test("newlines survive the one-line input box", () => {
  const shown = t.prefill(TRACEBACK + "\n");
  assert.ok(!shown.includes("\n"));
  assert.ok(shown.includes("\u23ce"));
  assert.equal(t.fromInputBox(shown), TRACEBACK);
  assert.equal(t.fromInputBox(t.toInputBox("a\r\n  b \nc")), "a\n  b \nc");
  assert.equal(t.fromInputBox("one line error"), "one line error");
});
