# corpus: style=tutorial
# corpus: expect=remains reason="SPK308 zipWithIndex for row numbers: use row_number over a window (or monotonically_increasing_id)"
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("row-numbers").getOrCreate()

df = spark.createDataFrame([("d",), ("a",), ("c",), ("b",)], ["letter"]).orderBy("letter").coalesce(1)
numbered = df.rdd.zipWithIndex().map(lambda pair: (pair[1] + 1, pair[0].letter)).toDF(["row_num", "letter"])
numbered.orderBy("row_num").show()
