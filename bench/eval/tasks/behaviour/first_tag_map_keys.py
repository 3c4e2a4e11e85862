from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, MapType, StringType, StructField, StructType


def run(spark):
    schema = StructType([
        StructField("post_id", StringType()),
        StructField("tag_counts", MapType(StringType(), IntegerType())),
    ])
    posts = spark.createDataFrame(
        [("p1", {"spark": 4, "python": 9, "sql": 1}), ("p2", {"kafka": 3, "data": 5, "etl": 7})],
        schema,
    )
    primary = posts.select("post_id", F.map_keys("tag_counts")[0].alias("primary_tag"))
    return sorted(tuple(r) for r in primary.collect())
