from pyspark.sql import functions as F


def run(spark):
    baskets = spark.createDataFrame(
        [(3, 24.5, 0), (1, 9.99, 1), (5, 61.0, 0), (2, 15.25, 2), (4, 33.3, 0), (1, 4.5, 1)],
        ["items", "total", "coupons"],
    )
    cols = ["items", "total", "coupons"]
    aggs = [F.count(F.lit(1)).alias("n")]
    for c in cols:
        aggs += [
            F.mean(c).alias(f"mean_{c}"),
            F.var_samp(c).alias(f"var_{c}"),
            F.count(F.when(F.col(c) != 0, 1)).alias(f"nz_{c}"),
            F.max(F.col(c).cast("double")).alias(f"max_{c}"),
        ]
    s = baskets.agg(*aggs).first()
    return {
        "count": s["n"],
        "mean": [round(float(s[f"mean_{c}"]), 4) for c in cols],
        "variance": [round(float(s[f"var_{c}"]), 4) for c in cols],
        "nonzeros": [int(s[f"nz_{c}"]) for c in cols],
        "max": [round(float(s[f"max_{c}"]), 4) for c in cols],
    }
