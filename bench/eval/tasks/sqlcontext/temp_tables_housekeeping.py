from pyspark.sql import SQLContext


def run(spark):
    sqlContext = SQLContext(spark.sparkContext)
    orders = sqlContext.createDataFrame([(1, 9.5), (2, 20.0), (3, 4.25)], ["order_id", "amount"])
    refunds = sqlContext.createDataFrame([(2, 20.0)], ["order_id", "amount"])
    sqlContext.registerDataFrameAsTable(orders, "orders_tmp")
    sqlContext.registerDataFrameAsTable(refunds, "refunds_tmp")
    before = sorted(t for t in sqlContext.tableNames() if t.endswith("_tmp"))
    net = sqlContext.sql(
        "SELECT sum(o.amount) AS net FROM orders_tmp o LEFT ANTI JOIN refunds_tmp r ON o.order_id = r.order_id"
    ).first().net
    sqlContext.dropTempTable("refunds_tmp")
    after = sorted(t for t in sqlContext.tableNames() if t.endswith("_tmp"))
    sqlContext.dropTempTable("orders_tmp")
    return before, after, net
