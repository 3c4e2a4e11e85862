import json
import os
import tempfile

from pyspark.sql import functions as F


def run(spark):
    base = tempfile.mkdtemp()
    inbox, out = os.path.join(base, "readings"), os.path.join(base, "alert_counts")
    os.makedirs(inbox)
    with open(os.path.join(inbox, "r1.json"), "w") as f:
        for device, temp in [("d1", 81.0), ("d2", 40.5), ("d3", 95.2), ("d1", 60.0), ("d2", 47.5)]:
            f.write(json.dumps({"device": device, "temp": temp}) + "\n")
    spark.createDataFrame([("d1", 75.0), ("d2", 45.0), ("d3", 90.0)], ["device", "limit"]).createOrReplaceTempView(
        "device_limits"
    )

    def check_limits(batch_df, batch_id):
        limits = batch_df.sparkSession.table("device_limits")
        alerts = batch_df.join(limits, "device").where("temp > limit")
        alerts.agg(F.count("*").alias("n")).withColumn("batch_id", F.lit(batch_id)).write.mode("append").parquet(out)

    query = (
        spark.readStream.schema("device string, temp double").json(inbox)
        .writeStream.foreachBatch(check_limits)
        .option("checkpointLocation", os.path.join(base, "chk"))
        .trigger(availableNow=True)
        .start()
    )
    query.awaitTermination()
    return sum(r.n for r in spark.read.parquet(out).collect())
