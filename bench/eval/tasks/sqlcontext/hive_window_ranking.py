from pyspark.sql import HiveContext


def run(spark):
    hive = HiveContext(spark.sparkContext)
    sales = hive.createDataFrame(
        [("north", "amy", 300), ("north", "bob", 450), ("south", "cat", 200), ("south", "dan", 275), ("north", "eve", 410)],
        ["region", "rep", "revenue"],
    )
    sales.createOrReplaceTempView("rep_sales")
    top = hive.sql(
        """
        SELECT region, rep FROM (
          SELECT region, rep, rank() OVER (PARTITION BY region ORDER BY revenue DESC) AS rnk
          FROM rep_sales) t
        WHERE rnk = 1 ORDER BY region
        """
    )
    return [(r.region, r.rep) for r in top.collect()]
