COUNTRY_NAMES = {"DE": "Germany", "FR": "France", "JP": "Japan", "BR": "Brazil"}


def run(spark):
    sc = spark.sparkContext
    lookup = sc.broadcast(COUNTRY_NAMES)
    shipments = spark.createDataFrame(
        [("SH-1", "DE", 3), ("SH-2", "JP", 1), ("SH-3", "FR", 7), ("SH-4", "XX", 2), ("SH-5", "DE", 4)],
        ["shipment_id", "country_code", "parcels"],
    )
    named = shipments.rdd.map(
        lambda r: (r.shipment_id, lookup.value.get(r.country_code, "Unknown"), r.parcels)
    ).toDF(["shipment_id", "country", "parcels"])
    return sorted(tuple(r) for r in named.collect())
