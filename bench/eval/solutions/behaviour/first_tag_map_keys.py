from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, IntegerType, StringType, StructField, StructType


def run(spark):
    schema = StructType([
        StructField("post_id", StringType()),
        StructField("tag_counts", ArrayType(StructType([
            StructField("tag", StringType()),
            StructField("n", IntegerType()),
        ]))),
    ])
    data = [("p1", {"spark": 4, "python": 9, "sql": 1}), ("p2", {"kafka": 3, "data": 5, "etl": 7})]
    posts = spark.createDataFrame([(pid, sorted(tags.items())) for pid, tags in data], schema)
    tag_map = F.map_from_entries("tag_counts")
    primary = posts.select("post_id", F.array_sort(F.map_keys(tag_map))[0].alias("primary_tag"))
    return sorted(tuple(r) for r in primary.collect())
