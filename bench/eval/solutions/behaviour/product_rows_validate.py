from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

PRODUCT_SCHEMA = StructType([
    StructField("sku", StringType(), False),
    StructField("stock", LongType(), True),
    StructField("price", DoubleType(), True),
])


def matches_schema(row):
    sku, stock, price = row
    return (isinstance(sku, str)
            and (stock is None or (isinstance(stock, int) and not isinstance(stock, bool)))
            and (price is None or isinstance(price, float)))


def load_products(spark, rows):
    if all(matches_schema(r) for r in rows):
        return spark.createDataFrame(rows, PRODUCT_SCHEMA), 0
    good = [r for r in rows if isinstance(r[1], int) and isinstance(r[2], float)]
    return spark.createDataFrame(good, PRODUCT_SCHEMA), len(rows) - len(good)


def run(spark):
    rows = [("A-100", 12, 9.99), ("A-101", "n/a", 4.5), ("A-102", 3, 19.0), ("A-103", 0, 2.75)]
    df, rejected = load_products(spark, rows)
    return sorted(r.sku for r in df.collect()), rejected
