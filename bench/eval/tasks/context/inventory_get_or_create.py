from pyspark import SparkConf, SparkContext


def run(spark):
    conf = SparkConf().setAppName("inventory")
    sc = SparkContext.getOrCreate(conf)
    stock = sc.parallelize([("warehouse-a", "bolt", 500), ("warehouse-b", "bolt", 120),
                            ("warehouse-a", "nut", 900), ("warehouse-b", "washer", 60)])
    df = stock.toDF(["site", "item", "qty"])
    totals = df.groupBy("item").sum("qty").withColumnRenamed("sum(qty)", "qty")
    return sorted(tuple(r) for r in totals.collect())
