"""The JSON schema of rule files (docs/rule.schema.json, what editors complete
rules/SPKnnn.toml with through .taplo.toml) is generated from the catalogue
loader's key table: the committed file is what `sparkmigrate rule --schema`
prints, every built-in rule file validates against it, and it rejects what
the loader rejects."""

import copy
import json
import subprocess
import tomllib

import jsonschema
import pytest

from conftest import ROOT, binary

SCHEMA_FILE = ROOT / "docs" / "rule.schema.json"


@pytest.fixture(scope="module")
def schema():
    printed = subprocess.run([binary(), "rule", "--schema"], capture_output=True, text=True, check=True).stdout
    assert printed == SCHEMA_FILE.read_text(), "docs/rule.schema.json is stale: run `make docs`"
    parsed = json.loads(printed)
    jsonschema.Draft7Validator.check_schema(parsed)
    return parsed


def rule_files():
    return sorted((ROOT / "rules").glob("SPK*.toml"))


def test_every_rule_file_validates(schema):
    validator = jsonschema.Draft7Validator(schema)
    files = rule_files()
    assert len(files) > 90
    for path in files:
        errors = [e.message for e in validator.iter_errors(tomllib.loads(path.read_text()))]
        assert not errors, f"{path.name}: {errors}"


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda r: r.update(colour="red"), "Additional properties"),
        (lambda r: r["docs"].update(colour="red"), "Additional properties"),
        (lambda r: r.update(group="sessions"), "is not one of"),
        (lambda r: r.update(code="SPK12"), "does not match"),
        (lambda r: r.update(name="Not_Kebab"), "does not match"),
        (lambda r: r.update(severity="fatal"), "is not one of"),
        (lambda r: r.update(fix={"safety": "safe", "transform": "no-such-transform"}), "is not one of"),
        (lambda r: r.pop("docs"), "'docs' is a required property"),
        (lambda r: r.update(message="two\nlines"), "does not match"),
    ],
)
def test_schema_rejects_what_the_loader_rejects(schema, change, expected):
    base = tomllib.loads((ROOT / "rules" / "SPK101.toml").read_text())
    assert "fix" in base
    broken = copy.deepcopy(base)
    change(broken)
    messages = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(broken)]
    assert any(expected in m for m in messages), messages


def test_transform_names_are_offered(schema):
    offered = schema["properties"]["fix"]["properties"]["transform"]["enum"]
    used = {tomllib.loads(p.read_text()).get("fix", {}).get("transform") for p in rule_files()} - {None}
    assert used <= set(offered)
    assert "hoist-columns" in offered
