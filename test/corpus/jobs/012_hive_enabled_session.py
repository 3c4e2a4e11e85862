# corpus: style=tutorial
# corpus: expect=migrates
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = (SparkSession.builder
         .appName("hive-tutorial")
         .enableHiveSupport()
         .getOrCreate())

scores = spark.createDataFrame(
    [("math", "ann", 90), ("math", "bob", 72), ("art", "ann", 65), ("art", "cy", 88), ("math", "cy", 81)],
    ["subject", "student", "score"])
scores.createOrReplaceTempView("scores")
spark.sql("""
    SELECT subject, max(score) AS best, round(avg(score), 1) AS mean
    FROM scores GROUP BY subject ORDER BY subject
""").show()
print(scores.agg(F.sum("score")).first()[0])
