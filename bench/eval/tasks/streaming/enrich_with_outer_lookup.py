import json
import os
import tempfile

PRODUCTS = [("A1", "widget", 2.5), ("B2", "gadget", 10.0), ("C3", "doohickey", 4.0)]


def run(spark):
    base = tempfile.mkdtemp()
    inbox = os.path.join(base, "in")
    os.makedirs(inbox)
    with open(os.path.join(inbox, "sales.json"), "w") as f:
        for sku, qty in [("A1", 4), ("B2", 1), ("A1", 2), ("C3", 3), ("Z9", 8)]:
            f.write(json.dumps({"sku": sku, "qty": qty}) + "\n")
    products = spark.createDataFrame(PRODUCTS, ["sku", "name", "price"])
    revenue = {}

    def enrich(batch_df, batch_id):
        joined = batch_df.join(products, "sku")
        for r in joined.selectExpr("name", "qty * price AS revenue").collect():
            revenue[r.name] = revenue.get(r.name, 0.0) + r.revenue

    query = (
        spark.readStream.schema("sku string, qty int").json(inbox)
        .writeStream.foreachBatch(enrich)
        .option("checkpointLocation", os.path.join(base, "chk"))
        .trigger(availableNow=True)
        .start()
    )
    query.awaitTermination()
    return sorted(revenue.items())
