import json
import os
import tempfile


def run(spark):
    out = os.path.join(tempfile.mkdtemp(), "devices_json")
    devices = spark.createDataFrame(
        [("d-1", "thermostat", 3), ("d-2", "camera", 1), ("d-3", "doorbell", 2)],
        ["device_id", "kind", "firmware"],
    )
    devices.rdd.map(lambda r: json.dumps(r.asDict())).saveAsTextFile(out)
    back = spark.read.json(out)
    return sorted((r.device_id, r.kind, r.firmware) for r in back.collect())
