from pyspark.sql import functions as F


def run(spark):
    spark.sparkContext.setLogLevel("ERROR")
    visits = spark.createDataFrame(
        [("2024-06-01", "organic"), ("2024-06-01", "ads"), ("2024-06-02", "organic"), ("2024-06-02", "organic")],
        ["day", "channel"],
    )
    pivot = visits.groupBy("day").pivot("channel", ["ads", "organic"]).count().fillna(0).orderBy("day")
    return [tuple(r) for r in pivot.collect()]
