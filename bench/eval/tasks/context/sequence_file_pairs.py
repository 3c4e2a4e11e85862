import os
import tempfile


def run(spark):
    sc = spark.sparkContext
    out = os.path.join(tempfile.mkdtemp(), "page_views")
    views = sc.parallelize([("/home", 42), ("/pricing", 17), ("/docs", 8), ("/blog", 23)])
    views.saveAsSequenceFile(out)
    loaded = sc.sequenceFile(out)
    popular = loaded.filter(lambda kv: kv[1] >= 20)
    return sorted(popular.collect()), loaded.count()
