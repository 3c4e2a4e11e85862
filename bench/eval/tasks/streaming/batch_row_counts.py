import json
import os
import tempfile


def run(spark):
    base = tempfile.mkdtemp()
    inbox = os.path.join(base, "orders")
    os.makedirs(inbox)
    for i, batch in enumerate([[("o1", 20.0), ("o2", 5.5)], [("o3", 12.0)], [("o4", 7.25), ("o5", 1.0), ("o6", 99.0)]]):
        with open(os.path.join(inbox, f"part-{i}.json"), "w") as f:
            for order_id, amount in batch:
                f.write(json.dumps({"order_id": order_id, "amount": amount}) + "\n")
    seen = []

    def record(batch_df, batch_id):
        seen.append((batch_df.count(), batch_df.groupBy().sum("amount").first()[0] or 0.0))

    stream = spark.readStream.schema("order_id string, amount double").json(inbox)
    query = (
        stream.writeStream.foreachBatch(record)
        .option("checkpointLocation", os.path.join(base, "chk"))
        .trigger(availableNow=True)
        .start()
    )
    query.awaitTermination()
    return sum(n for n, _ in seen), round(sum(a for _, a in seen), 2)
