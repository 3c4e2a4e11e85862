# corpus: style=look-alike
# corpus: expect=clean
"""Feature prep: pandas + a scikit-learn-style scaler named `sc`, next to Spark code."""
import pandas as pd
from pyspark.sql import SparkSession

from preprocessing import StandardScaler

spark = SparkSession.builder.appName("feature-prep").getOrCreate()

raw = spark.createDataFrame(
    [("a", 1.0, 10.0), ("b", 2.0, 20.0), ("c", 3.0, 60.0), ("d", 6.0, 30.0)], ["id", "f1", "f2"]
)
pdf = raw.orderBy("id").toPandas()

sc = StandardScaler()
scaled = sc.fit_transform(pdf[["f1", "f2"]])
print("means:", [round(m, 3) for m in sc.mean_])
print("scales:", [round(s, 3) for s in sc.scale_])

features = pd.concat([pdf[["id"]], scaled], axis=1)
sdf = spark.createDataFrame(features)
sdf.orderBy("id").show()
print("parallel-safe:", sc.get_params()["with_mean"])
