from pyspark.ml.clustering import KMeans
from pyspark.ml.linalg import Vectors


def run(spark):
    stores = spark.createDataFrame([(Vectors.dense(p),) for p in [
        [1.0, 1.2], [1.3, 0.9], [0.8, 1.1], [1.1, 1.0],
        [8.9, 9.1], [9.2, 8.8], [9.0, 9.3], [8.7, 9.0], [9.1, 9.2],
    ]], ["features"])
    model = KMeans(k=2, maxIter=10, seed=7).fit(stores)
    centers = sorted([round(float(x), 4) for x in c] for c in model.clusterCenters())
    counts = model.transform(stores).groupBy("prediction").count().collect()
    sizes = sorted(r["count"] for r in counts)
    return centers, sizes, round(model.summary.trainingCost, 4)
