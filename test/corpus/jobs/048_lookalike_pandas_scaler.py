# corpus: style=look-alike
# corpus: expect=clean
"""Feature prep in pandas next to a Spark summary. `sc` here is a scaler, not a SparkContext."""
import pandas as pd

from pyspark.sql import SparkSession


class StandardScaler:
    """A tiny stand-in for sklearn's StandardScaler."""

    def fit(self, values):
        self.mean = sum(values) / len(values)
        self.std = (sum((v - self.mean) ** 2 for v in values) / len(values)) ** 0.5
        return self

    def transform(self, values):
        return [round((v - self.mean) / self.std, 3) for v in values]

    def parallelize(self, values):
        return self.transform(values)


frame = pd.DataFrame({"height": [1.6, 1.7, 1.8, 1.9], "weight": [55.0, 68.0, 80.0, 90.0]})
sc = StandardScaler().fit(list(frame["height"]))
frame["height_z"] = sc.transform(list(frame["height"]))
print(sc.parallelize([1.75]))

spark = SparkSession.builder.appName("pandas-next-to-spark").getOrCreate()
df = spark.createDataFrame(frame)
df.select("height", "height_z").orderBy("height").show()
print(round(df.agg({"weight": "avg"}).first()[0], 2))
