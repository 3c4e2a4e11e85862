from pyspark.ml.feature import StringIndexer


def run(spark):
    tickets = spark.createDataFrame(
        [("t1", "billing"), ("t2", "outage"), ("t3", "billing"), ("t4", "login"), ("t5", "billing"), ("t6", "outage")],
        ["ticket", "category"],
    )
    model = StringIndexer(inputCol="category", outputCol="category_idx").fit(tickets)
    labels = list(model._java_obj.labels())
    indexed = model.transform(tickets).select("ticket", "category_idx").collect()
    return labels, sorted((r.ticket, int(r.category_idx)) for r in indexed)
