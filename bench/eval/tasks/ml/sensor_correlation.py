from pyspark.mllib.linalg import Vectors
from pyspark.mllib.stat import Statistics

READINGS = [
    (21.0, 40.0, 1012.0), (22.5, 38.0, 1010.0), (24.0, 35.0, 1008.5), (25.5, 33.0, 1007.0),
    (23.0, 37.5, 1009.0), (26.0, 30.0, 1005.5), (20.0, 45.0, 1013.5), (27.5, 28.0, 1004.0),
]


def run(spark):
    df = spark.createDataFrame(READINGS, ["temp", "humidity", "pressure"])
    vectors = df.rdd.map(lambda r: Vectors.dense([r.temp, r.humidity, r.pressure]))
    matrix = Statistics.corr(vectors, method="pearson")
    return [[round(float(v), 4) for v in row] for row in matrix.tolist()]
