from operator import add


def run(spark):
    sales = spark.createDataFrame(
        [("electronics", 299.99), ("garden", 45.5), ("electronics", 89.0), ("toys", 19.99),
         ("garden", 12.25), ("toys", 5.0), ("electronics", 15.5)],
        ["category", "amount"],
    )
    revenue = sales.rdd.map(lambda r: (r.category, r.amount)).reduceByKey(add).sortByKey()
    return [(k, round(v, 2)) for k, v in revenue.collect()]
