"""Enriches the raw sales stream with the region dimension."""
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
regions = spark.table("dim_region")


def enrich(batch_df, batch_id):
    batch_df.join(regions, "region_id").write.mode("append").saveAsTable("sales_enriched")


query = spark.readStream.table("sales_raw").writeStream.foreachBatch(enrich).start()
query.awaitTermination()
