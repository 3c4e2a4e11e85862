from pyspark.sql import SQLContext
from pyspark.sql.types import StringType


def register_normalizer(ctx):
    try:
        ctx.registerJavaFunction("normalize_sku", "com.shop.udf.NormalizeSku", StringType())
        return "java"
    except Exception:
        ctx.registerFunction("normalize_sku", lambda s: s.strip().upper().replace(" ", "-"), StringType())
        return "python"


def run(spark):
    ctx = SQLContext.getOrCreate(spark.sparkContext)
    impl = register_normalizer(ctx)
    rows = ctx.sql("SELECT normalize_sku(' ab 12 ') AS a, normalize_sku('zz 9') AS b").first()
    return impl, rows.a, rows.b
