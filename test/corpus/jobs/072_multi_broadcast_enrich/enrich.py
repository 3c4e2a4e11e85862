def enrich_with_countries(spark, shipments, countries):
    lookup = spark.sparkContext.broadcast(countries)
    rows = shipments.rdd.map(lambda r: (r.shipment, lookup.value.get(r.country, "unknown"), r.parcels))
    return rows.toDF(["shipment", "country_name", "parcels"])
