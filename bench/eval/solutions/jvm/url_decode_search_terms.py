from collections import Counter

from pyspark.sql import functions as F


def run(spark):
    logs = spark.createDataFrame(
        [("/search?q=red+shoes", 200), ("/search?q=caf%C3%A9+latte", 200),
         ("/search?q=red+shoes", 304), ("/search?q=50%25+off", 200), ("/cart", 200)],
        ["request", "status"],
    )
    queries = logs.filter(logs.request.startswith("/search?q=")).select(
        F.url_decode(F.split("request", "q=", 2).getItem(1)).alias("term")
    ).collect()
    terms = Counter(r.term for r in queries)
    return sorted(terms.items())
