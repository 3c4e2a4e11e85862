# Libraries and classes that share Spark's names but are not Spark objects:
# nothing here may be reported.
import json

import numpy as np
import pandas as pd
import pysparkling
from sklearn.preprocessing import StandardScaler

sc = pysparkling.Context()
rdd = sc.parallelize([1, 2, 3], 2)
print(rdd.map(lambda x: x * 2).collect())
print(sc.textFile("README.md").count())

scaler = StandardScaler()
sc2 = StandardScaler()
sc2.fit(np.array([[1.0], [2.0]]))

df = pd.DataFrame({"id": [1, 2]})
print(df.filter(items=["id"]).to_json())


class Record:
    def __init__(self, values):
        self.rdd = values

    def toJSON(self):
        return json.dumps(self.rdd)

    def collect(self):
        return list(self.rdd)


record = Record([1, 2])
print(record.toJSON(), record.rdd, record.collect())


def serialise(item):
    return item.toJSON()
