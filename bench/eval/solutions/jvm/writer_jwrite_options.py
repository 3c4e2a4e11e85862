import os
import tempfile


def save_csv(df, path):
    writer = df.write.mode("overwrite").option("header", "true")
    writer.option("delimiter", ";")
    writer.csv(path)


def run(spark):
    out = os.path.join(tempfile.mkdtemp(), "stock")
    stock = spark.createDataFrame([("A1", 10), ("B2", 0), ("C3", 7)], ["sku", "qty"])
    save_csv(stock.coalesce(1), out)
    lines = spark.read.text(out).collect()
    return sorted(r.value for r in lines)
