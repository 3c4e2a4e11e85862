# sparkmigrate-test: platform=databricks
# Fixture for SPK902 (command context toJson).
import json

context = json.loads(dbutils.notebook.entry_point.getDbutils().notebook().getContext().toSafeJson())  # error: [SPK902]
ctx = dbutils.notebook.entry_point.getDbutils().notebook().getContext()
tags = json.loads(ctx.toJson())
safe = json.loads(dbutils.notebook.entry_point.getDbutils().notebook().getContext().toSafeJson())  # ok: safe subset


def notebook_path():
    raw = dbutils.notebook.entry_point.getDbutils().notebook().getContext().toSafeJson()  # error: [SPK902]
    return json.loads(raw)["extraContext"]["notebook_path"]


class Config:
    def toJson(self):
        return "{}"


Config().toJson()  # ok: not a command context
