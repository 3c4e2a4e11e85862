# corpus: style=job-module
# corpus: expect=migrates
"""Loyalty segmentation; columns are read as attributes the way older code did."""
import argparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

THRESHOLDS = {"bronze": 0, "silver": 100, "gold": 500}


def segment(members):
    tier = F.when(members.points >= THRESHOLDS["gold"], "gold")
    tier = tier.when(members.points >= THRESHOLDS["silver"], "silver").otherwise("bronze")
    return members.withColumn("tier", tier)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--min-age", type=int, default=18)
    args = parser.parse_args(argv)
    spark = SparkSession.builder.appName("loyalty").getOrCreate()
    sc = spark.sparkContext
    members = sc.parallelize([
        ("m1", "ann", 17, 40), ("m2", "bob", 34, 640), ("m3", "cy", 45, 120), ("m4", "dee", 29, 99),
    ]).toDF(["member_id", "name", "age", "points"])
    adults = members.filter(members.age >= args.min_age)
    segmented = segment(adults).select(adults.member_id, adults.name, "tier")
    segmented.orderBy(segmented.member_id).show(truncate=False)
    counts = segmented.groupBy(segmented.tier).count()
    print(sorted((r.tier, r["count"]) for r in counts.collect()))


if __name__ == "__main__":
    main()
