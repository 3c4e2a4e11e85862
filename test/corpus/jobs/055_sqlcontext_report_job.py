# corpus: style=job-module
# corpus: expect=migrates
"""Monthly report job from the Spark 1.6 days: everything goes through a SQLContext."""
import logging

from pyspark import SparkContext
from pyspark.sql import SQLContext

logging.basicConfig(level=logging.WARNING)

JOB_CONFIG = {"app": "monthly-report", "partitions": "4", "table": "b055_orders"}


def main():
    sc = SparkContext.getOrCreate()
    sqlContext = SQLContext(sc)
    orders = sqlContext.createDataFrame(
        [("2024-01", "alice", 30), ("2024-01", "bob", 12), ("2024-02", "alice", 5), ("2024-02", "carol", 7)],
        ["month", "customer", "amount"],
    )
    sqlContext.registerDataFrameAsTable(orders, JOB_CONFIG["table"])
    sqlContext.setConf("spark.sql.shuffle.partitions", JOB_CONFIG["partitions"])
    print("partitions:", sqlContext.getConf("spark.sql.shuffle.partitions"))
    print("registered:", JOB_CONFIG["table"] in sqlContext.tableNames())
    monthly = sqlContext.sql(
        "SELECT month, count(*) AS orders, sum(amount) AS revenue FROM b055_orders GROUP BY month ORDER BY month"
    )
    for row in monthly.collect():
        print(row.month, row.orders, row.revenue)
    top = sqlContext.table(JOB_CONFIG["table"]).orderBy("amount", ascending=False).limit(1).collect()
    print("top order:", top[0].customer, top[0].amount)
    sqlContext.dropTempTable(JOB_CONFIG["table"])
    print("after drop:", JOB_CONFIG["table"] in sqlContext.tableNames())


if __name__ == "__main__":
    main()
