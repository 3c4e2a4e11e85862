def enrich(df):
    ctx = df.sql_ctx
    statuses = ctx.createDataFrame([(1, "new"), (2, "shipped"), (3, "delivered")], ["status_id", "status"])
    return df.join(statuses, "status_id", "left")


def run(spark):
    shipments = spark.createDataFrame(
        [("s-1", 2), ("s-2", 3), ("s-3", 1), ("s-4", 3)], ["shipment_id", "status_id"]
    )
    rows = enrich(shipments).select("shipment_id", "status").collect()
    return sorted((r.shipment_id, r.status) for r in rows)
