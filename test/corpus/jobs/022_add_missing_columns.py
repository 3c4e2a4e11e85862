# corpus: style=tutorial
# corpus: expect=migrates
# Align two extracts to one schema before a union: add every missing column as null.
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.appName("align-columns").getOrCreate()

wanted = ["id", "name", "email", "phone", "country"]
crm = spark.createDataFrame([(1, "ann", "ann@example.com"), (2, "ben", None)], ["id", "name", "email"])
shop = spark.createDataFrame([(3, "cy", "FR"), (4, "di", "DE")], ["id", "name", "country"])


def align(df):
    for column in wanted:
        if column not in df.columns:
            df = df.withColumn(column, F.lit(None).cast("string"))
    return df.select(*wanted)


merged = align(crm).unionByName(align(shop))
merged.orderBy("id").show()
print(merged.columns)
