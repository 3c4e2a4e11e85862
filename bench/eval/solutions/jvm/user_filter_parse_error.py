from pyspark.errors import ParseException


def apply_filter(df, expression):
    try:
        return df.filter(expression).count()
    except ParseException:
        return -1


def run(spark):
    products = spark.createDataFrame(
        [("lamp", 25.0, 3), ("desk", 180.0, 0), ("chair", 75.0, 12)], ["name", "price", "stock"]
    )
    filters = ["price < 100", "stock > 0 AND price >", "name = 'desk'"]
    return [apply_filter(products, f) for f in filters]
