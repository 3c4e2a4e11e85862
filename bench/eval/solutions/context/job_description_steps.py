def step(spark, description, df):
    spark.addTag(description.replace(" ", "-"))
    try:
        return df.count()
    finally:
        spark.clearTags()


def run(spark):
    tickets = spark.createDataFrame(
        [("T1", "open"), ("T2", "closed"), ("T3", "open"), ("T4", "pending")], ["ticket", "state"]
    )
    total = step(spark, "count all tickets", tickets)
    open_ = step(spark, "count open tickets", tickets.filter("state = 'open'"))
    return total, open_
