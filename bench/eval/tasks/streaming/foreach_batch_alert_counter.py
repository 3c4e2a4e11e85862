import json
import os
import tempfile


def run(spark):
    base = tempfile.mkdtemp()
    inbox = os.path.join(base, "readings")
    os.makedirs(inbox)
    with open(os.path.join(inbox, "r1.json"), "w") as f:
        for device, temp in [("d1", 81.0), ("d2", 40.5), ("d3", 95.2), ("d1", 60.0), ("d2", 47.5)]:
            f.write(json.dumps({"device": device, "temp": temp}) + "\n")
    spark.createDataFrame([("d1", 75.0), ("d2", 45.0), ("d3", 90.0)], ["device", "limit"]).createOrReplaceTempView(
        "device_limits"
    )
    alert_count = 0

    def check_limits(batch_df, batch_id):
        nonlocal alert_count
        limits = spark.table("device_limits")
        alert_count += batch_df.join(limits, "device").where("temp > limit").count()

    query = (
        spark.readStream.schema("device string, temp double").json(inbox)
        .writeStream.foreachBatch(check_limits)
        .option("checkpointLocation", os.path.join(base, "chk"))
        .trigger(availableNow=True)
        .start()
    )
    query.awaitTermination()
    return alert_count
