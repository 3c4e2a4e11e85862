from pyspark.sql import SQLContext
from pyspark.sql.types import IntegerType


def run(spark):
    sqlContext = SQLContext(spark.sparkContext)
    try:
        sqlContext.registerJavaFunction("word_count", "com.acme.udf.WordCount", IntegerType())
    except Exception:
        sqlContext.udf.register("word_count", lambda s: len(s.split()), IntegerType())
    spark.createDataFrame(
        [("r1", "fast shipping"), ("r2", "item arrived broken and late"), ("r3", "ok")], ["review_id", "body"]
    ).createOrReplaceTempView("reviews")
    rows = spark.sql("SELECT review_id, word_count(body) AS words FROM reviews ORDER BY review_id").collect()
    return [(r.review_id, r.words) for r in rows]
