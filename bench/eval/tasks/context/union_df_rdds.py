def run(spark):
    regions = {
        "eu": [("eu-1", 12.5), ("eu-2", 7.0)],
        "us": [("us-1", 30.0)],
        "apac": [("ap-1", 4.25), ("ap-2", 9.75)],
    }
    frames = [spark.createDataFrame(rows, ["store", "sales"]) for rows in regions.values()]
    combined = spark.sparkContext.union([df.rdd for df in frames])
    total = spark.createDataFrame(combined, frames[0].schema)
    return total.count(), round(total.groupBy().sum("sales").first()[0], 2)
