import json
import os
import tempfile

PRODUCTS = [("A1", "widget", 2.5), ("B2", "gadget", 10.0), ("C3", "doohickey", 4.0)]


def run(spark):
    base = tempfile.mkdtemp()
    inbox, out = os.path.join(base, "in"), os.path.join(base, "out")
    os.makedirs(inbox)
    with open(os.path.join(inbox, "sales.json"), "w") as f:
        for sku, qty in [("A1", 4), ("B2", 1), ("A1", 2), ("C3", 3), ("Z9", 8)]:
            f.write(json.dumps({"sku": sku, "qty": qty}) + "\n")

    def enrich(batch_df, batch_id):
        products = batch_df.sparkSession.createDataFrame(PRODUCTS, ["sku", "name", "price"])
        joined = batch_df.join(products, "sku")
        joined.selectExpr("name", "qty * price AS revenue").write.mode("append").parquet(out)

    query = (
        spark.readStream.schema("sku string, qty int").json(inbox)
        .writeStream.foreachBatch(enrich)
        .option("checkpointLocation", os.path.join(base, "chk"))
        .trigger(availableNow=True)
        .start()
    )
    query.awaitTermination()
    result = spark.read.parquet(out).groupBy("name").sum("revenue").collect()
    return sorted((r[0], r[1]) for r in result)
