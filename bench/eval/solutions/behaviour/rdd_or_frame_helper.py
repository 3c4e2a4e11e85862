from pyspark.sql import DataFrame


def row_count(data):
    if isinstance(data, DataFrame):
        return data.count()
    return len(data)


def run(spark):
    clicks = spark.createDataFrame([("u1", "home"), ("u2", "cart"), ("u1", "checkout")], ["user", "page"])
    return row_count(clicks), row_count(clicks.filter("page != 'home'")), row_count([1, 2, 3])
