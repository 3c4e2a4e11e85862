from pyspark.mllib.stat import Statistics
import numpy as np


def run(spark):
    baskets = spark.createDataFrame(
        [(3, 24.5, 0), (1, 9.99, 1), (5, 61.0, 0), (2, 15.25, 2), (4, 33.3, 0), (1, 4.5, 1)],
        ["items", "total", "coupons"],
    )
    rows = baskets.rdd.map(lambda r: np.array([r.items, r.total, r.coupons], dtype=float))
    summary = Statistics.colStats(rows)
    return {
        "count": summary.count(),
        "mean": [round(float(x), 4) for x in summary.mean()],
        "variance": [round(float(x), 4) for x in summary.variance()],
        "nonzeros": [int(x) for x in summary.numNonzeros()],
        "max": [round(float(x), 4) for x in summary.max()],
    }
