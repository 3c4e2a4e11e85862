// node:test: the status bar count and which pushed diagnostics are dropped.
const test = require("node:test");
const assert = require("node:assert/strict");
const { countFindings, pushIsRedundant } = require("../../out/diagnostics.js");

const range = (l, a, b) => ({ start: { line: l, character: a }, end: { line: l, character: b } });

test("counts sparkmigrate findings once each", () => {
  const d = [
    { source: "sparkmigrate", code: "SPK302", message: "m", range: range(4, 3, 20) },
    { source: "sparkmigrate", code: "SPK302", message: "m", range: range(4, 3, 20) }, // pushed copy of the pulled one
    { source: "sparkmigrate", code: { value: "SPK110" }, message: "n", range: range(5, 0, 9) },
    { source: "Pylance", code: "x", message: "other", range: range(1, 0, 1) },
  ];
  assert.equal(countFindings(d), 2);
  assert.equal(countFindings([]), 0);
});

test("a push is dropped only where pulled diagnostics cover the file", () => {
  assert.equal(pushIsRedundant({ pull: false, workspacePull: false, open: true, inWorkspace: true }), false);
  assert.equal(pushIsRedundant({ pull: true, workspacePull: false, open: true, inWorkspace: false }), true);
  assert.equal(pushIsRedundant({ pull: true, workspacePull: false, open: false, inWorkspace: true }), false);
  assert.equal(pushIsRedundant({ pull: true, workspacePull: true, open: false, inWorkspace: true }), true);
  assert.equal(pushIsRedundant({ pull: true, workspacePull: true, open: false, inWorkspace: false }), false);
});
