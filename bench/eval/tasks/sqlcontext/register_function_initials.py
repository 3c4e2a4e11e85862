from pyspark.sql import SQLContext
from pyspark.sql.types import StringType


def initials(full_name):
    return "".join(part[0].upper() for part in full_name.split())


def run(spark):
    sqlContext = SQLContext.getOrCreate(spark.sparkContext)
    staff = sqlContext.createDataFrame(
        [("ada lovelace", "eng"), ("grace hopper", "eng"), ("alan turing", "research")],
        ["full_name", "team"],
    )
    sqlContext.registerDataFrameAsTable(staff, "staff")
    sqlContext.registerFunction("initials", initials, StringType())
    rows = sqlContext.sql("SELECT initials(full_name) AS ini, team FROM staff ORDER BY ini").collect()
    return [(r.ini, r.team) for r in rows]
