from pyspark.sql.types import StringType


def initials(full_name):
    return "".join(part[0].upper() for part in full_name.split())


def run(spark):
    staff = spark.createDataFrame(
        [("ada lovelace", "eng"), ("grace hopper", "eng"), ("alan turing", "research")],
        ["full_name", "team"],
    )
    staff.createOrReplaceTempView("staff")
    spark.udf.register("initials", initials, StringType())
    rows = spark.sql("SELECT initials(full_name) AS ini, team FROM staff ORDER BY ini").collect()
    return [(r.ini, r.team) for r in rows]
