from collections import Counter


def run(spark):
    logs = spark.createDataFrame(
        [("/search?q=red+shoes", 200), ("/search?q=caf%C3%A9+latte", 200),
         ("/search?q=red+shoes", 304), ("/search?q=50%25+off", 200), ("/cart", 200)],
        ["request", "status"],
    )
    queries = logs.filter(logs.request.startswith("/search?q=")).collect()
    decoder = spark._jvm.java.net.URLDecoder
    terms = Counter(decoder.decode(r.request.split("q=", 1)[1], "UTF-8") for r in queries)
    return sorted(terms.items())
