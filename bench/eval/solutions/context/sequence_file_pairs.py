import os
import tempfile


def run(spark):
    out = os.path.join(tempfile.mkdtemp(), "page_views")
    views = spark.createDataFrame([("/home", 42), ("/pricing", 17), ("/docs", 8), ("/blog", 23)], ["page", "views"])
    views.write.parquet(out)
    loaded = spark.read.parquet(out)
    popular = loaded.filter("views >= 20")
    return sorted(tuple(r) for r in popular.collect()), loaded.count()
