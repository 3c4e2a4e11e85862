"""Deeply nested and very long code through the real binary: `check`, `fix` and the language
server's didOpen must neither overflow their stack nor lose findings on long chains. Generated code
produces these shapes (thousands of chained `.select()`, assignment chains, lambdas nested in
lambdas); before the analysis bounded its recursion, about 7,000 links or 6,000 nested lambdas
killed the process.

Long chains are analysed exactly (the finding at the end of an 8,000-link chain is still found);
nesting deeper than the analysis descends is reported as SPK099 instead of being silently
skipped.
"""

from __future__ import annotations

import json

import pytest

from test_lsp_client import LspClient

N = 8000
HEAD = "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\ndf = spark.range(3)\n"

# name -> (source, rule codes that must be reported)
SHAPES = {
    "attribute_chain": (HEAD + "x = df" + ".rdd" * N + "\n", {"SPK301"}),
    "call_chain": (HEAD + "x = df" + '.select("id")' * N + ".rdd\n", {"SPK301"}),
    "assignment_chain": (HEAD + "x0 = df\n" + "".join(f"x{i + 1} = x{i}\n" for i in range(N)) + f"y = x{N}.rdd\n",
                         {"SPK301"}),
    "nested_lambda": (HEAD + "f = " + "lambda: " * N + "spark.sparkContext\n", {"SPK099"}),
    # 500 levels: tree-sitter's indentation stack ends near 1,000.
    "nested_def": (HEAD + "".join(" " * i + f"def f{i}():\n" for i in range(500))
                   + " " * 500 + "return spark.sparkContext\n", {"SPK099"}),
    "udf_of_nested_lambdas": (HEAD + "from pyspark.sql.functions import udf\ng = udf(" + "lambda: " * N + "spark)\n",
                              {"SPK099"}),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_check_and_fix_survive_and_report(run, project, name):
    source, codes = SHAPES[name]
    path = project.write(f"{name}.py", source)
    result = run("check", "--output-format", "json", path)
    assert result.code == 1, result.err[-2000:]
    found = {d["code"] for d in result.json()}
    assert codes <= found, found
    fixed = run("fix", "--unsafe-fixes", path)
    assert fixed.code in (0, 1), fixed.err[-2000:]
    again = run("check", path)  # whatever fix wrote still parses (CPython's own parser refuses this depth)
    assert again.code in (0, 1) and "syntax error" not in again.err, again.err[-2000:]


def test_language_server_survives_deep_documents(project):
    client = LspClient()
    try:
        client.initialize(project.root)
        for name in sorted(SHAPES):
            source, codes = SHAPES[name]
            path = project.root / f"{name}.py"
            client.open(path, source)
            published = client.notification("textDocument/publishDiagnostics",
                                            lambda p, uri=path.as_uri(): p["uri"] == uri, timeout=120)
            assert codes <= {d["code"] for d in published["diagnostics"]}, (name, published["diagnostics"][:3])
        # Still serving after all of them.
        assert client.request("shutdown")["result"] is None
        client.notify("exit")
        assert client.proc.wait(timeout=20) == 0
    finally:
        client.close()


def test_json_output_of_a_deep_file_is_one_document(run, project):
    source, _ = SHAPES["nested_lambda"]
    result = run("check", "--output-format", "json", project.write("deep.py", source))
    findings = json.loads(result.out)
    deep = [d for d in findings if d["code"] == "SPK099"]
    assert len(deep) == 1 and deep[0]["location"]["row"] == 4, deep
