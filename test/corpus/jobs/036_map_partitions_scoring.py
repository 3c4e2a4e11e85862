# corpus: style=tutorial
# corpus: expect=remains reason="SPK307 mapPartitions over df.rdd: rewrite with mapInPandas or mapInArrow"
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("mappartitions").getOrCreate()

readings = spark.createDataFrame([(i, float(i % 7) * 1.5) for i in range(20)], ["id", "value"])


def score_partition(rows):
    # Expensive set-up once per partition, then score every row.
    threshold = 4.0
    for row in rows:
        yield (row.id, row.value, "high" if row.value > threshold else "low")


scored = readings.rdd.mapPartitions(score_partition).toDF(["id", "value", "level"])
scored.groupBy("level").count().orderBy("level").show()
print(scored.filter("level = 'high'").orderBy("id").select("id").collect()[:5])
