from pyspark.sql.types import StringType


def register_normalizer(spark):
    try:
        spark.udf.registerJavaFunction("normalize_sku", "com.shop.udf.NormalizeSku", StringType())
        return "java"
    except Exception:
        spark.udf.register("normalize_sku", lambda s: s.strip().upper().replace(" ", "-"), StringType())
        return "python"


def run(spark):
    impl = register_normalizer(spark)
    rows = spark.sql("SELECT normalize_sku(' ab 12 ') AS a, normalize_sku('zz 9') AS b").first()
    return impl, rows.a, rows.b
