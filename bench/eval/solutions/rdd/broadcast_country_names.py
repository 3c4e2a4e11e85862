from pyspark.sql import functions as F

COUNTRY_NAMES = {"DE": "Germany", "FR": "France", "JP": "Japan", "BR": "Brazil"}


def run(spark):
    shipments = spark.createDataFrame(
        [("SH-1", "DE", 3), ("SH-2", "JP", 1), ("SH-3", "FR", 7), ("SH-4", "XX", 2), ("SH-5", "DE", 4)],
        ["shipment_id", "country_code", "parcels"],
    )
    lookup = F.create_map(*[F.lit(x) for kv in COUNTRY_NAMES.items() for x in kv])
    named = shipments.select(
        "shipment_id",
        F.coalesce(lookup[F.col("country_code")], F.lit("Unknown")).alias("country"),
        "parcels",
    )
    return sorted(tuple(r) for r in named.collect())
