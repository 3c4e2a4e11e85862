"""Notebook documents in the language server (LSP 3.17 notebookDocument/*), over the real
binary: a notebook's Python code cells are analysed as one document, as `check` reads the
.ipynb (the same findings, cell by cell), so one cell sees what another defines; findings are
reported per cell URI, pulled or pushed; cell edits, added, removed and moved cells, and cell
kinds changing are followed; hover works in cells; a malformed notebook message is refused and
leaves the notebook as it was."""
import json

from test_lsp_client import PULL_CAPS, client  # noqa: F401 (client: fixture)

MARKDOWN, CODE = 1, 2

CELLS = [
    (MARKDOWN, "# Nightly\nctx.parallelize is only described here"),
    (CODE, "ctx = spark.sparkContext\n"),
    (CODE, "%pip install pandas\nrdd = ctx.parallelize([1, 2])\n!ls\n"),
    (CODE, "df = spark.range(3)\nspark.sparkContext.setLogLevel(\"WARN\")"),
]


class Notebook:
    """A notebook open in the server, as VS Code sends one."""

    def __init__(self, c, folder, cells, name="nb.ipynb"):
        self.c, self.path = c, folder / name
        self.uri = self.path.as_uri()
        self.version = 1
        self.cells = []  # [kind, uri, text]
        self.counter = 0
        items = [self._cell(kind, text) for kind, text in cells]
        c.notify("notebookDocument/didOpen", {
            "notebookDocument": {"uri": self.uri, "notebookType": "jupyter-notebook", "version": 1,
                                 "cells": [{"kind": k, "document": u} for k, u, _ in items]},
            "cellTextDocuments": [self._item(k, u, t) for k, u, t in items]})
        self.cells = items

    def _cell(self, kind, text):
        self.counter += 1
        return [kind, f"vscode-notebook-cell:{self.path}#C{self.counter}", text]

    @staticmethod
    def _item(kind, uri, text):
        return {"uri": uri, "languageId": "python" if kind == CODE else "markdown", "version": 1, "text": text}

    def change(self, change):
        self.version += 1
        self.c.notify("notebookDocument/didChange", {
            "notebookDocument": {"uri": self.uri, "version": self.version}, "change": change})

    def edit(self, index, text):
        """Replaces cell `index`'s whole text with an incremental change."""
        kind, uri, old = self.cells[index]
        lines = old.split("\n")
        end = {"line": len(lines) - 1, "character": len(lines[-1])}
        self.change({"cells": {"textContent": [{
            "document": {"uri": uri, "version": self.version + 1},
            "changes": [{"range": {"start": {"line": 0, "character": 0}, "end": end}, "text": text}]}]}})
        self.cells[index][2] = text

    def splice(self, start, delete, new_cells):
        items = [self._cell(kind, text) for kind, text in new_cells]
        self.change({"cells": {"structure": {
            "array": {"start": start, "deleteCount": delete, "cells": [{"kind": k, "document": u} for k, u, _ in items]},
            "didOpen": [self._item(k, u, t) for k, u, t in items],
            "didClose": [{"uri": u} for _, u, _ in self.cells[start:start + delete]]}}})
        self.cells[start:start + delete] = items

    def pull(self, index):
        r = self.c.request("textDocument/diagnostic", {"textDocument": {"uri": self.cells[index][1]}})
        assert "result" in r, r
        return r["result"]["items"]

    def findings(self):
        """(cell number, line, character, code) of every code cell, pulled."""
        out = []
        for i, (kind, _, _) in enumerate(self.cells):
            if kind == CODE:
                out += [(i + 1, d["range"]["start"]["line"], d["range"]["start"]["character"], d["code"])
                        for d in self.pull(i)]
        return sorted(out)

    def ipynb(self):
        return json.dumps({"cells": [
            {"cell_type": "code" if k == CODE else "markdown", "metadata": {}, "source": t,
             **({"outputs": [], "execution_count": None} if k == CODE else {})} for k, _, t in self.cells],
            "metadata": {"language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5})


def cli_findings(run, nb):
    nb.path.write_text(nb.ipynb())
    found = run("check", "--output-format", "json", "--exit-zero", nb.path).json()
    return sorted((d["cell"], d["location"]["row"] - 1, d["location"]["column"] - 1, d["code"]) for d in found)


def test_capability_and_the_same_findings_as_check(client, tmp_path, run):
    c = client()
    caps = c.initialize(tmp_path, PULL_CAPS)["result"]["capabilities"]
    assert caps["notebookDocumentSync"]["notebookSelector"] == [{"notebook": "*", "cells": [{"language": "python"}]}]
    nb = Notebook(c, tmp_path, CELLS)
    # `ctx`, defined in cell 2, is a SparkContext in cell 3; the magics are not Python.
    assert nb.findings() == [(2, 0, 6, "SPK001"), (3, 1, 6, "SPK101"), (4, 1, 0, "SPK110")]
    assert nb.findings() == cli_findings(run, nb)
    fix = [d for d in nb.pull(3) if d["code"] == "SPK110"][0]["data"]["fix"]
    assert fix["edits"][0]["range"]["start"]["line"] == 1  # in the cell's lines
    assert nb.pull(0) == []  # a markdown cell has none
    assert c.close() == 0


def test_edits_in_one_cell_reach_the_others(client, tmp_path, run):
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    nb = Notebook(c, tmp_path, CELLS)
    nb.edit(1, "ctx = None\n")  # no longer a SparkContext: cell 3 is clean
    assert nb.findings() == [(4, 1, 0, "SPK110")]
    nb.edit(1, "from pyspark import SparkContext\nctx = SparkContext.getOrCreate()\n")
    assert nb.findings() == cli_findings(run, nb)
    assert (3, 1, 6, "SPK101") in nb.findings()
    # Cells added before, removed, and a code cell turned into markdown.
    nb.splice(1, 0, [(CODE, "x = 1\n\n\n")])
    assert nb.findings() == cli_findings(run, nb)
    assert (4, 1, 6, "SPK101") in nb.findings()
    nb.splice(0, 2, [])
    assert nb.findings() == cli_findings(run, nb)
    kind, uri, _ = nb.cells[1]
    nb.change({"cells": {"data": [{"kind": MARKDOWN, "document": uri}]}})
    nb.cells[1][0] = MARKDOWN
    assert nb.findings() == cli_findings(run, nb)
    assert all(code != "SPK101" for *_, code in nb.findings())
    assert c.close() == 0


def test_push_clients_get_each_cell_and_close_clears(client, tmp_path):
    c = client()
    c.initialize(tmp_path)
    nb = Notebook(c, tmp_path, CELLS)
    pushed = {}
    while len(pushed) < 3:
        p = c.notification("textDocument/publishDiagnostics", lambda p: p["uri"].startswith("vscode-notebook-cell:"))
        pushed[p["uri"]] = [d["code"] for d in p["diagnostics"]]
    assert pushed == {nb.cells[1][1]: ["SPK001"], nb.cells[2][1]: ["SPK101"], nb.cells[3][1]: ["SPK110"]}
    c.notify("notebookDocument/didClose", {"notebookDocument": {"uri": nb.uri},
                                           "cellTextDocuments": [{"uri": u} for _, u, _ in nb.cells]})
    cleared = set()
    while len(cleared) < 3:
        p = c.notification("textDocument/publishDiagnostics", lambda p: p["diagnostics"] == [])
        cleared.add(p["uri"])
    assert cleared == {u for k, u, _ in nb.cells if k == CODE}
    assert c.close() == 0


def test_hover_in_a_cell_and_no_actions_yet(client, tmp_path):
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    nb = Notebook(c, tmp_path, CELLS)
    hover = c.request("textDocument/hover", {"textDocument": {"uri": nb.cells[2][1]},
                                             "position": {"line": 1, "character": 10}})
    assert "SPK101" in hover["result"]["contents"]["value"]
    assert hover["result"]["range"]["start"] == {"line": 1, "character": 6}
    actions = c.request("textDocument/codeAction", {
        "textDocument": {"uri": nb.cells[2][1]}, "range": {"start": {"line": 1, "character": 6},
                                                           "end": {"line": 1, "character": 6}},
        "context": {"diagnostics": []}})
    assert actions["result"] == []
    assert c.close() == 0


def test_malformed_notebook_messages_leave_the_notebook_as_it_was(client, tmp_path):
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    nb = Notebook(c, tmp_path, CELLS)
    before = nb.findings()
    nb.change({"cells": {"structure": {"array": {"start": 9, "deleteCount": 1}}}})  # outside the notebook
    nb.change({"cells": {"textContent": [{"document": {"uri": "vscode-notebook-cell:/nowhere#C9", "version": 2},
                                          "changes": [{"text": "x"}]}]}})
    c.notify("notebookDocument/didChange", {"notebookDocument": {"uri": "file:///not/open.ipynb", "version": 2},
                                            "change": {}})
    c.notify("notebookDocument/didOpen", {"notebookDocument": {"uri": 7}})
    assert nb.findings() == before
    nb.edit(3, "df = spark.range(3)\n")  # and it is still followed
    assert nb.findings() == [(2, 0, 6, "SPK001"), (3, 1, 6, "SPK101")]
    assert c.close() == 0
