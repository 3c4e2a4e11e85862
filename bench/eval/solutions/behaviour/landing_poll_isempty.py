import tempfile

BATCHES = [[], [], [("evt-1", "click"), ("evt-2", "view")], [("evt-3", "click")]]


def ingest(spark, batch):
    if not batch:
        return
    spark.createDataFrame(batch, "event_id string, kind string").write.mode("append").saveAsTable("landing_clicks")


def run(spark):
    location = tempfile.mkdtemp()
    spark.sql("DROP TABLE IF EXISTS landing_clicks")
    spark.sql(f"CREATE TABLE landing_clicks (event_id STRING, kind STRING) USING parquet LOCATION '{location}/landing'")
    polls = 0
    while spark.table("landing_clicks").isEmpty() and polls < len(BATCHES):
        ingest(spark, BATCHES[polls])
        polls += 1
    return polls, spark.table("landing_clicks").count()
