import json
import os
import tempfile

from pyspark.sql import functions as F


def run(spark):
    base = tempfile.mkdtemp()
    inbox = os.path.join(base, "orders")
    stats_path = os.path.join(base, "stats")
    os.makedirs(inbox)
    for i, batch in enumerate([[("o1", 20.0), ("o2", 5.5)], [("o3", 12.0)], [("o4", 7.25), ("o5", 1.0), ("o6", 99.0)]]):
        with open(os.path.join(inbox, f"part-{i}.json"), "w") as f:
            for order_id, amount in batch:
                f.write(json.dumps({"order_id": order_id, "amount": amount}) + "\n")

    def record(batch_df, batch_id):
        stats = batch_df.agg(F.count("*").alias("n"), F.coalesce(F.sum("amount"), F.lit(0.0)).alias("total"))
        stats.withColumn("batch_id", F.lit(batch_id)).write.mode("append").parquet(stats_path)

    stream = spark.readStream.schema("order_id string, amount double").json(inbox)
    query = (
        stream.writeStream.foreachBatch(record)
        .option("checkpointLocation", os.path.join(base, "chk"))
        .trigger(availableNow=True)
        .start()
    )
    query.awaitTermination()
    seen = [(r.n, r.total) for r in spark.read.parquet(stats_path).collect()]
    return sum(n for n, _ in seen), round(sum(a for _, a in seen), 2)
