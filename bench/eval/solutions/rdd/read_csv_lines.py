import io

import pandas as pd


def run(spark):
    text = """city,population,area_km2
Lisbon,545000,100.05
Porto,232000,41.42
Braga,193000,183.4"""
    cities = spark.createDataFrame(pd.read_csv(io.StringIO(text)))
    dense = cities.withColumn("density", cities.population / cities.area_km2).orderBy("density", ascending=False)
    return [(r.city, round(r.density, 1)) for r in dense.collect()]
