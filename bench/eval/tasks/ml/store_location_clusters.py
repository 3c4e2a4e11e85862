from pyspark.mllib.clustering import KMeans


def run(spark):
    sc = spark.sparkContext
    stores = sc.parallelize([
        [1.0, 1.2], [1.3, 0.9], [0.8, 1.1], [1.1, 1.0],
        [8.9, 9.1], [9.2, 8.8], [9.0, 9.3], [8.7, 9.0], [9.1, 9.2],
    ])
    model = KMeans.train(stores, 2, maxIterations=10, seed=7)
    centers = sorted([round(float(x), 4) for x in c] for c in model.clusterCenters)
    sizes = sorted(stores.map(model.predict).countByValue().values())
    return centers, sizes, round(model.computeCost(stores), 4)
