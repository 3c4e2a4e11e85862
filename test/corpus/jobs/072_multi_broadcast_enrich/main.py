# corpus: style=multi-module
# corpus: expect=remains reason="SPK108 broadcast of a lookup dict read in the rdd.map of enrich.py (SPK306/SPK310, found through what main.py passes its parameter) needs a join rewrite"
"""Enriches shipments with country names; enrich.py does the RDD work."""
from pyspark.sql import SparkSession

from enrich import enrich_with_countries

COUNTRIES = {"DE": "Germany", "FR": "France", "NL": "Netherlands"}

spark = SparkSession.builder.appName("shipment-enrichment").getOrCreate()
shipments = spark.createDataFrame(
    [("sh1", "DE", 3), ("sh2", "NL", 1), ("sh3", "DE", 7), ("sh4", "FR", 2)], ["shipment", "country", "parcels"]
)
enriched = enrich_with_countries(spark, shipments, COUNTRIES)
enriched.orderBy("shipment").show(truncate=False)
