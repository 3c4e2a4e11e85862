# corpus: style=tutorial
# corpus: expect=remains reason="SPK001 spark.sparkContext returned as the second element of a tuple: the caller's uses were fixed, the handle stays"
from pyspark.sql import SparkSession


def create_session(app):
    spark = SparkSession.builder.appName(app).getOrCreate()
    return spark, spark.sparkContext


spark, sc = create_session("inventory-tutorial")
print("app name set:", bool(sc.appName))

items = sc.parallelize([("pencil", 1.2, 100), ("eraser", 0.8, 40), ("ruler", 2.5, 15)]).toDF(["item", "price", "stock"])
items.withColumn("value", items["price"] * items["stock"]).orderBy("item").show()
print("low stock:", [r.item for r in items.filter("stock < 50").orderBy("item").collect()])
