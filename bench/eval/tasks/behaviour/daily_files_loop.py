import tempfile


def run(spark):
    base = tempfile.mkdtemp()
    spark.sql("DROP TABLE IF EXISTS daily_sales")
    spark.sql(f"CREATE TABLE daily_sales (day STRING, store STRING, amount DOUBLE) USING parquet LOCATION '{base}/sales'")
    sales = spark.table("daily_sales")
    seen = []
    for day, amount in [("2024-05-01", 120.0), ("2024-05-02", 98.5), ("2024-05-03", 143.25)]:
        if sales.isEmpty():
            seen.append((day, "first load"))
        else:
            seen.append((day, "incremental"))
        spark.createDataFrame([(day, "s1", amount)], "day string, store string, amount double") \
            .write.insertInto("daily_sales")
    return seen
