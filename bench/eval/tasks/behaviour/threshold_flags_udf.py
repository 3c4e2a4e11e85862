from pyspark.sql import functions as F
from pyspark.sql.types import BooleanType

THRESHOLDS = {"warm": 25, "hot": 30, "extreme": 38}


def run(spark):
    temps = spark.createDataFrame(
        [("berlin", 22.5), ("madrid", 33.0), ("cairo", 39.1), ("oslo", 12.0)], ["city", "temp_c"]
    )
    flags = []
    for label, limit in THRESHOLDS.items():
        @F.udf(returnType=BooleanType())
        def above(t):
            return t is not None and t >= limit

        flags.append(above("temp_c").alias(label))
    rows = temps.select("city", *flags).collect()
    return sorted(tuple(r) for r in rows)
