# corpus: style=tutorial
# corpus: expect=migrates
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("sql-ctx").getOrCreate()


def top_products(df, n):
    """Ranks products by units; reaches SQL through the DataFrame it was given."""
    df.createOrReplaceTempView("sales_tmp")
    return df.sql_ctx.sql(
        f"SELECT product, sum(units) AS units FROM sales_tmp GROUP BY product ORDER BY units DESC, product LIMIT {n}")


sales = spark.createDataFrame(
    [("pen", 5), ("ink", 2), ("pen", 3), ("pad", 7), ("ink", 1), ("clip", 7)], ["product", "units"])
top_products(sales, 3).show()
