"""`sparkmigrate report`, the migration readiness report, through the real binary and a real
browser: the figures of the page against `check --output-format json` on the same tree, the
page rendered by Debian's headless Chromium with the network shut off (its text, its links,
and a screenshot that shows the charts in their colours), trends against an earlier page or
check's JSON, the hottest call sites of a runtime report, escaping, and the page written
whole or not at all.

Chromium runs twice for the whole module (one DOM dump, one screenshot). Without Chromium
the browser tests fail when $CI is set and are skipped otherwise (scripts/bootstrap.sh
installs it); everything else runs regardless.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, binary

sys.path.insert(0, str(ROOT / "scripts"))
import chromium_page  # noqa: E402  (scripts/chromium_page.py: headless Chromium, PNG reading)

EFFORTS = ["safe_fix", "unsafe_fix", "model_suggestion", "manual"]
DATE = "2026-03-01"

NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Daily numbers"]},
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
         "source": ["%pip install pandas\n", "rows = sc.parallelize([1, 2, 3])\n"]},
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
         "source": ["df = spark.range(3)\n", "spark.sparkContext.setLogLevel(\"WARN\")\n"]},
    ],
    "metadata": {"kernelspec": {"language": "python", "name": "python3", "display_name": "Python 3"},
                 "language_info": {"name": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}
SAFE_FIX = 'from pyspark.sql import SparkSession\n\nspark = SparkSession.builder.getOrCreate()\nspark.sparkContext.setLogLevel("WARN")\n'
SUPPRESSED = "from pyspark.sql import SparkSession\n\nspark = SparkSession.builder.getOrCreate()\nrows = spark.range(3)  # noqa: SPK101\n"
EVIL_NAME = "evil<script>&'x\".py"
EVIL = 'from pyspark.sql import SparkSession\n\nspark = SparkSession.builder.master("</script><b>x&y").getOrCreate()\n'


def sparkmigrate(*args, cwd=None, env=None, timeout=120):
    import subprocess
    full_env = dict(os.environ)
    full_env.pop("SPARKMIGRATE_DOCS_URL", None)
    full_env.pop("SOURCE_DATE_EPOCH", None)
    full_env.update(env or {})
    return subprocess.run([binary(), *map(str, args)], cwd=cwd, env=full_env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def make_tree(root: Path) -> Path:
    """Spark files with safe and unsafe fixes (examples/legacy_etl, notebooks), code that
    needs judgement (examples/needs_judgement), a Jupyter notebook, an unused suppression
    (manual), a file that is not Spark, one that cannot be read and one whose name and
    finding carry markup."""
    for sub in ("legacy_etl", "needs_judgement", "notebooks"):
        shutil.copytree(ROOT / "examples" / sub, root / sub)
    (root / "jobs").mkdir()
    (root / "jobs" / "log_level.py").write_text(SAFE_FIX)
    (root / "jobs" / "suppressed.py").write_text(SUPPRESSED)
    (root / "jobs" / "util.py").write_text("def add(a, b):\n    return a + b\n")
    (root / "jobs" / "broken.py").write_bytes(b"import os\n\xff\xfe = 1\n")
    (root / "analysis.ipynb").write_text(json.dumps(NOTEBOOK, indent=1) + "\n")
    (root / EVIL_NAME).write_text(EVIL)
    return root


# --- reading pages -----------------------------------------------------------------------------

class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find(self, **attrs) -> "Node | None":
        return next((n for n in self.iter() if all(n.attrs.get(k) == v for k, v in attrs.items())), None)

    def all(self, tag):
        return [n for n in self.iter() if n.tag == tag]


VOID = {"meta", "br", "img", "input", "link", "hr", "col", "wbr", "area", "base", "source"}  # HTML void elements


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", [])

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    return builder.root


def table_rows(page: Node, table_id: str) -> dict[str, list[str]]:
    """data-key -> the row's cell texts (tbody and tfoot)."""
    table = page.find(id=table_id)
    assert table is not None, f"no table #{table_id}"
    return {tr.attrs["data-key"]: [td.text().strip() for td in tr.all("td")]
            for tr in table.all("tr") if "data-key" in tr.attrs}


def card(page: Node, name: str) -> str:
    return page.find(id=f"card-{name}").find(**{"class": "value"}).text().strip()


def page_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="sparkmigrate-report-data">(.*?)</script>', html, re.S)
    assert match, "no embedded data"
    return json.loads(match.group(1))


def effort(finding: dict) -> str:
    """What check's JSON says a finding will take, as docs describe the categories."""
    fix = finding.get("fix")
    if fix and fix["applicability"] == "safe":
        return "safe_fix"
    if fix and fix["applicability"] == "unsafe":
        return "unsafe_fix"
    return "manual" if finding["code"] == "SPK000" else "model_suggestion"


def counts(findings) -> list[int]:
    c = Counter(effort(f) for f in findings)
    return [c[e] for e in EFFORTS]


# --- fixtures ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    """The tree, its page, and check's JSON and the rule families to compare with."""
    base = tmp_path_factory.mktemp("report")
    root = make_tree(base / "tree")
    page = base / "out" / "report.html"
    page.parent.mkdir()
    result = sparkmigrate("report", root, "-o", page, "--date", DATE)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in page.parent.iterdir()) == ["report.html"]  # no temporary left
    checked = sparkmigrate("check", root, "--output-format", "json")
    assert checked.returncode == 1, checked.stderr
    everything = json.loads(checked.stdout)
    rules = json.loads(sparkmigrate("rule", "--list", "--output-format", "json").stdout)
    html = page.read_text()
    return {
        "root": root, "page": page, "html": html, "dom": parse(html), "out": result.stdout, "err": result.stderr,
        "findings": [f for f in everything if f["code"]], "errors": [f for f in everything if not f["code"]],
        "group": {r["code"]: r["group"] for r in rules}, "url": {r["code"]: r["url"] for r in rules},
    }


@pytest.fixture(scope="module")
def browser(tree, tmp_path_factory):
    """The page in headless Chromium: the DOM it builds and a screenshot."""
    if not chromium_page.chromium_available():
        message = f"chromium is not installed at {chromium_page.CHROMIUM} (apt-get install chromium; scripts/bootstrap.sh does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    shot = tmp_path_factory.mktemp("screenshot") / "report.png"
    dom = chromium_page.dump_dom(tree["page"])
    chromium_page.screenshot(tree["page"], shot, 1280, 2000)
    return {"dom": parse(dom), "dom_html": dom, "png": shot}


# --- the figures -------------------------------------------------------------------------------

def test_tree_has_every_kind_of_finding(tree):
    """The fixture is what the other tests rely on: all four efforts, a notebook finding,
    an unreadable file, a file with nothing to report."""
    assert all(n > 0 for n in counts(tree["findings"])), counts(tree["findings"])
    assert any(f["cell"] for f in tree["findings"])
    assert [Path(e["filename"]).name for e in tree["errors"]] == ["broken.py"]
    assert not any(f["filename"].endswith("util.py") for f in tree["findings"])


def test_headline_and_families_match_check(tree):
    page, findings = tree["dom"], tree["findings"]
    files = {f["filename"] for f in findings}
    discovered = [p for p in tree["root"].rglob("*") if p.suffix in (".py", ".ipynb")]
    checked = len(discovered) - len(tree["errors"])
    assert card(page, "files-checked") == str(checked)
    assert card(page, "files-affected") == str(len(files))
    assert card(page, "findings") == str(len(findings))
    assert card(page, "ready") == f"{(checked - len(files)) * 100 // checked}%"
    safe = counts(findings)[0]
    assert card(page, "safe-fix") == f"{safe * 100 // len(findings)}%"
    assert tree["out"] == f"Wrote {tree['page']}: {len(findings)} findings in {len(files)} of {checked} files checked.\n"

    by_family = defaultdict(list)
    for f in findings:
        by_family[tree["group"][f["code"]]].append(f)
    rows = table_rows(page, "by-family-table")
    assert set(rows) == set(by_family)
    for family, found in by_family.items():
        assert [int(n) for n in rows[family][1:]] == counts(found) + [len(found)], family

    legend = {e: page.find(id=f"legend-{e}").text() for e in EFFORTS}
    for e, n in zip(EFFORTS, counts(findings)):
        assert f" {n} (" in legend[e], legend[e]

    data = page_data(tree["html"])
    assert data["format"] == "sparkmigrate-report" and data["generated_at"] == f"{DATE}T00:00:00Z"
    assert [data["totals"][e] for e in EFFORTS] == counts(findings)
    assert data["totals"]["files_checked"] == checked and data["errors"] == 1
    assert {k: v["findings"] for k, v in data["families"].items()} == {k: len(v) for k, v in by_family.items()}
    assert len(data["history"]) == 1


def test_files_folders_and_rules_match_check(tree):
    page, findings = tree["dom"], tree["findings"]
    by_file = defaultdict(list)
    for f in findings:
        by_file[f["filename"]].append(f)
    rows = table_rows(page, "by-file-table")
    assert set(rows) == set(by_file)
    for path, found in by_file.items():
        assert [int(n) for n in rows[path][1:]] == counts(found) + [len(found)], path

    by_folder = defaultdict(list)
    for f in findings:
        by_folder[str(Path(f["filename"]).parent)].append(f)
    rows = table_rows(page, "by-folder-table")
    for folder, found in by_folder.items():
        assert [int(n) for n in rows[folder][3:]] == counts(found) + [len(found)], folder
    assert rows[str(tree["root"] / "jobs")][:3] == [str(tree["root"] / "jobs"), "3", "2"]  # util.py is clean
    assert rows[""][1:] == [card(page, "files-checked"), card(page, "files-affected")] + \
        [str(n) for n in counts(findings)] + [str(len(findings))]

    by_rule = Counter(f["code"] for f in findings)
    rows = table_rows(page, "by-rule-table")
    assert {code: int(cells[3]) for code, cells in rows.items()} == dict(by_rule)
    table = page.find(id="by-rule-table")
    links = {a.text(): a.attrs["href"] for a in table.all("a")}
    assert links == {code: tree["url"][code] for code in by_rule}

    # Every finding is listed at its place, notebook findings in their cell.
    listed = page.find(id="all-findings").text()
    for f in findings:
        at = f"{f['location']['row']}:{f['location']['column']}"
        where = f"{f['filename']}:{'cell %d:' % f['cell'] if f['cell'] else ''}{at}"
        assert where in listed, where
    assert "analysis.ipynb:cell 2:2:8" in listed


def test_unreadable_files_are_listed(tree):
    errors = tree["dom"].find(id="errors")
    assert errors is not None
    assert f"{tree['root'] / 'jobs' / 'broken.py'}:2:1: not valid UTF-8" in errors.text()
    assert "broken.py" in tree["err"]


# --- the page in a browser ---------------------------------------------------------------------

def test_chromium_shows_the_figures_and_links(tree, browser):
    dom = browser["dom"]
    text = " ".join(dom.text().split())
    findings = tree["findings"]
    assert "Spark Connect migration readiness" in text
    assert f"{card(tree['dom'], 'findings')} findings" in text
    assert card(dom, "files-checked") == card(tree["dom"], "files-checked")
    assert "SparkContext members" in text and "The RDD bridge" in text
    hrefs = {a.attrs.get("href") for a in dom.all("a")}
    assert tree["url"]["SPK101"] in hrefs
    assert tree["url"]["SPK101"].startswith("https://") and tree["url"]["SPK101"].endswith("/SPK101.md")
    # The markup in a file name and in a message is text, not elements.
    assert f"{EVIL_NAME}" in text and '.master("</script><b>x&y")' in text
    assert not any(n.tag == "b" and n.text() == "x&y" for n in dom.iter())
    assert len(dom.all("script")) == 1 and dom.all("script")[0].attrs["type"] == "application/json"
    # SVG charts with accessible titles, one per breakdown.
    for chart in ("effort-chart", "by-family-chart", "by-folder-chart", "by-file-chart"):
        svg = dom.find(id=chart)
        assert svg is not None and svg.tag == "svg" and svg.attrs["role"] == "img", chart
        assert dom.find(id=svg.attrs["aria-labelledby"]).text()
    segments = [r for r in dom.find(id="by-family-chart").all("rect")]
    assert sum(int(re.search(r": (\d+) ", r.text()).group(1)) for r in segments) == len(findings)


def test_chromium_draws_the_charts(tree, browser):
    image = chromium_page.read_png(browser["png"])[:, :, :3]
    assert image.shape[:2] == (2000, 1280)
    pixels = image.reshape(-1, 3)
    packed = (pixels[:, 0].astype(np.uint32) << 16) | (pixels[:, 1].astype(np.uint32) << 8) | pixels[:, 2]
    distinct = np.unique(packed)
    assert len(distinct) > 100, f"{len(distinct)} colours: a blank or unstyled page"
    colours = dict(re.findall(r"\.e-(\w+) \{ fill: (#[0-9a-f]{6});", tree["html"]))
    assert set(colours) == {"safe", "unsafe", "model", "manual"}
    for name, hex_colour in colours.items():
        rgb = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])
        near = np.all(np.abs(pixels.astype(int) - rgb) <= 3, axis=1).sum()
        assert near > 400, f"{name} ({hex_colour}): {near} pixels"


def test_page_is_self_contained(tree):
    html = tree["html"]
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'' in html
    for forbidden in ("<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", " src="):
        assert forbidden not in html, forbidden
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts == ['<script type="application/json" id="sparkmigrate-report-data">']
    # The only links are <a href> to the rules' documentation.
    for match in re.finditer(r"<(\w+)\b[^>]*\bhref=\"([^\"]*)\"", html):
        tag, href = match.groups()
        assert tag == "a" and re.fullmatch(r"https://[^\"]+/SPK\d{3}\.md", href), match.group(0)


def test_markup_in_paths_and_messages_is_escaped(tree, tmp_path):
    html = tree["html"]
    assert "<b>x" not in html and "evil<script>" not in html and "</script><b>" not in html
    assert "evil&lt;script&gt;&amp;&#39;x&quot;.py" in html
    assert '.master(&quot;&lt;/script&gt;&lt;b&gt;x&amp;y&quot;)' in html
    assert html.count("</script>") == 1
    # Given as a path, the name is in the embedded data too, where it cannot end the script.
    evil = tree["root"] / EVIL_NAME
    page = tmp_path / "evil.html"
    assert sparkmigrate("report", evil, "-o", page, "--date", DATE).returncode == 0
    text = page.read_text()
    assert text.count("</script>") == 1 and "\\u003c/script\\u003e" not in text
    assert page_data(text)["inputs"] == [str(evil)]
    assert "evil\\u003cscript\\u003e" in text


# --- trends ------------------------------------------------------------------------------------

def trend(page: Node, table: str) -> dict[str, list[str]]:
    return {k: v[1:] for k, v in table_rows(page, table).items()}


def test_compare_to_an_earlier_page_shows_changes_and_history(tmp_path):
    root = tmp_path / "tree"
    shutil.copytree(ROOT / "examples" / "legacy_etl", root / "legacy_etl")
    (root / "log_level.py").write_text(SAFE_FIX)
    first, second, third = tmp_path / "first.html", tmp_path / "second.html", tmp_path / "third.html"
    assert sparkmigrate("report", root, "-o", first, "--date", "2026-03-01").returncode == 0
    before = page_data(first.read_text())

    fixed = sparkmigrate("fix", root / "log_level.py")  # the one safe fix there: SPK110
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    result = sparkmigrate("report", root, "-o", second, "--compare-to", first, env={"SOURCE_DATE_EPOCH": "1772928000"})
    assert result.returncode == 0, result.stderr
    html = second.read_text()
    after = page_data(html)
    assert after["generated_at"] == "2026-03-08T00:00:00Z"
    assert [p["generated_at"] for p in after["history"]] == ["2026-03-01T00:00:00Z", "2026-03-08T00:00:00Z"]
    assert after["totals"]["findings"] == before["totals"]["findings"] - 1
    assert after["totals"]["safe_fix"] == before["totals"]["safe_fix"] - 1

    page = parse(html)
    rows = trend(page, "trend-totals")
    assert rows["findings"] == [str(before["totals"]["findings"]), str(after["totals"]["findings"]), "\u22121"]
    assert rows["safe_fix"][2] == "\u22121" and rows["unsafe_fix"][2] == "\u00b10"
    assert rows["files_affected"] == [str(before["totals"]["files_affected"]), str(after["totals"]["files_affected"]), "\u22121"]
    assert rows["files_checked"][2] == "\u00b10"
    families = trend(page, "trend-families")
    assert families["sparkcontext"][2] == "\u22121"
    assert all(v[2] == "\u00b10" for k, v in families.items() if k != "sparkcontext")
    assert "\u22121 since 2026-03-01" in page.find(id="card-findings").text()
    chart = page.find(id="history-chart")
    assert chart is not None and len(chart.all("circle")) == 2
    assert all(len(p.attrs["points"].split()) == 2 for p in chart.all("polyline"))

    # The history carries forward.
    assert sparkmigrate("report", root, "-o", third, "--compare-to", second, "--date", "2026-03-15").returncode == 0
    assert [p["generated_at"][:10] for p in page_data(third.read_text())["history"]] == \
        ["2026-03-01", "2026-03-08", "2026-03-15"]


def test_compare_to_check_json(tmp_path):
    root = tmp_path / "tree"
    shutil.copytree(ROOT / "examples" / "legacy_etl", root / "legacy_etl")
    earlier = tmp_path / "earlier.json"
    checked = sparkmigrate("check", root, "--output-format", "json")
    earlier.write_text(checked.stdout)
    findings = json.loads(checked.stdout)
    (root / "log_level.py").write_text(SAFE_FIX)  # one more finding
    page = tmp_path / "report.html"
    result = sparkmigrate("report", root, "-o", page, "--compare-to", earlier, "--date", "2026-03-02")
    assert result.returncode == 0, result.stderr
    data = page_data(page.read_text())
    assert len(data["history"]) == 2 and data["history"][0]["files_checked"] is None
    assert [data["history"][0][e] for e in EFFORTS] == counts(findings)
    rows = trend(parse(page.read_text()), "trend-totals")
    assert "files_checked" not in rows  # check's JSON does not say
    assert rows["findings"] == [str(len(findings)), str(len(findings) + 1), "+1"]
    assert rows["safe_fix"][2] == "+1"


@pytest.mark.parametrize("content, message", [
    ("not a report at all\n", "not a sparkmigrate report"),
    ('{"format": "something-else"}', "not a sparkmigrate report"),
    ('[{"code": "SPK101", "count": 3}]', "not a sparkmigrate report"),  # check --statistics
    ('[{"code": "SPK101", "filename": "a.py", "location": ', "malformed report data"),
    ('<html><script type="application/json" id="sparkmigrate-report-data">{"format": "sparkmigrate-report", '
     '"version": 1, "totals": {}}</script>', "malformed report data"),
    ('{"format": "sparkmigrate-report", "version": 7}', "report data version 7 is not supported"),
])
def test_a_bad_compare_file_is_one_line_and_writes_nothing(tmp_path, content, message):
    (tmp_path / "job.py").write_text(SAFE_FIX)
    bad = tmp_path / "old.html"
    bad.write_text(content)
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    result = sparkmigrate("report", tmp_path / "job.py", "-o", out, "--compare-to", bad)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert result.stderr.startswith(f"sparkmigrate report: --compare-to {bad}: ")
    assert list(out.parent.iterdir()) == []


# --- runtime report ----------------------------------------------------------------------------

def test_runtime_report_shows_the_hottest_call_sites(tmp_path):
    job = tmp_path / "job.py"
    job.write_text("from pyspark.sql import SparkSession\n\nspark = SparkSession.builder.getOrCreate()\n"
                   "sc = spark.sparkContext\nrows = sc.parallelize([1, 2, 3])\nempty = sc.emptyRDD()\n"
                   "x = 1\n")
    records = [
        {"file": str(job), "line": 5, "api": "SparkContext.parallelize", "code": "SPK101", "count": 7, "outcome": "shimmed"},
        {"file": str(job), "line": 4, "api": "SparkSession.sparkContext", "code": "SPK001", "count": 42, "outcome": "shimmed"},
        {"file": str(job), "line": 6, "api": "SparkContext.emptyRDD", "code": "SPK103", "count": 3, "outcome": "shimmed"},
        {"file": str(job), "line": 7, "api": "SparkContext.range", "code": "SPK102", "count": 11, "outcome": "raised"},
        {"file": "/elsewhere/other.py", "line": 1, "api": "SparkContext.range", "code": "SPK102", "count": 99, "outcome": "shimmed"},
    ]
    runtime = tmp_path / "runtime.json"
    runtime.write_text(json.dumps({"format": "sparkmigrate-runtime-report", "version": 1, "mode": "shim",
                                   "records": records}))
    page = tmp_path / "report.html"
    result = sparkmigrate("report", job, "-o", page, "--runtime-report", runtime, "--date", DATE)
    assert result.returncode == 0, result.stderr
    table = parse(page.read_text()).find(id="hot-sites-table")
    rows = [[td.text().strip() for td in tr.all("td")] for tr in table.all("tr")[1:]]
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("42", "SparkSession.sparkContext", "SPK001"),
        ("11", "SparkContext.range", "SPK102"),
        ("7", "SparkContext.parallelize", "SPK101"),
        ("3", "SparkContext.emptyRDD", "SPK103"),
    ]
    assert rows[0][1] == f"{job}:4:6"
    assert rows[1][1] == f"{job}:7:1 (seen only at run time)"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}')
    result = sparkmigrate("report", job, "-o", page, "--runtime-report", bad)
    assert result.returncode == 2 and "not a sparkmigrate runtime report" in result.stderr


# --- writing -----------------------------------------------------------------------------------

def test_output_options_and_usage(tmp_path):
    job = tmp_path / "job.py"
    job.write_text(SAFE_FIX)
    to_stdout = sparkmigrate("report", job, "-o", "-", env={"SOURCE_DATE_EPOCH": "0"})
    assert to_stdout.returncode == 0 and to_stdout.stdout.startswith("<!DOCTYPE html>")
    assert page_data(to_stdout.stdout)["generated_at"] == "1970-01-01T00:00:00Z"
    assert list(tmp_path.iterdir()) == [job]

    page = tmp_path / "report.html"
    page.write_text("the previous page")
    assert sparkmigrate("report", job, "--output", page, "--date", "2026-03-01T08:30:00Z").returncode == 0
    assert page_data(page.read_text())["generated_at"] == "2026-03-01T08:30:00Z"
    assert oct(page.stat().st_mode & 0o777) == oct(0o666 & ~current_umask())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job.py", "report.html"]

    nowhere = sparkmigrate("report", job, "-o", tmp_path / "missing" / "report.html")
    assert nowhere.returncode == 2 and nowhere.stderr.count("\n") == 1
    assert "cannot write" in nowhere.stderr and "No such file or directory" in nowhere.stderr
    for args, message in [((job,), "-o FILE is required"),
                          ((job, "-o", page, "--date", "March"), "--date must be"),
                          ((job, "-o", page, "--output-format", "json"), "unknown option")]:
        result = sparkmigrate("report", *args)
        assert result.returncode == 2 and message in result.stderr, result.stderr
    assert sparkmigrate("report", job, "-o", page, env={"SOURCE_DATE_EPOCH": "yesterday"}).returncode == 2
    help_text = sparkmigrate("report", "--help")
    assert help_text.returncode == 0 and "--compare-to FILE" in help_text.stdout
    assert "report" in sparkmigrate("--help").stdout


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
