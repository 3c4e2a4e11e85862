def table_names(spark):
    return [t.name for t in spark.catalog.listTables()]


def run(spark):
    orders = spark.createDataFrame([(1, 9.5), (2, 20.0), (3, 4.25)], ["order_id", "amount"])
    refunds = spark.createDataFrame([(2, 20.0)], ["order_id", "amount"])
    orders.createOrReplaceTempView("orders_tmp")
    refunds.createOrReplaceTempView("refunds_tmp")
    before = sorted(t for t in table_names(spark) if t.endswith("_tmp"))
    net = spark.sql(
        "SELECT sum(o.amount) AS net FROM orders_tmp o LEFT ANTI JOIN refunds_tmp r ON o.order_id = r.order_id"
    ).first().net
    spark.catalog.dropTempView("refunds_tmp")
    after = sorted(t for t in table_names(spark) if t.endswith("_tmp"))
    spark.catalog.dropTempView("orders_tmp")
    return before, after, net
