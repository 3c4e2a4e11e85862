# Fixture for SPK802 (schema access in a loop that reassigns the DataFrame).
from pyspark.sql import SparkSession, DataFrame
from pyspark.sql import functions as F
import pandas as pd

spark = SparkSession.builder.getOrCreate()
df = spark.table("events")
existing_2 = set(df.columns)
for name in ["country", "device", "channel"]:
    if name not in existing_2:  # warning: [SPK802]
        df = df.withColumn(name, F.lit(None).cast("string"))
        existing_2.add(name)


def normalise(frame: DataFrame, mapping):
    for old, new in mapping.items():
        if dict(frame.dtypes).get(old) == "string":  # warning: [SPK802]
            frame = frame.withColumn(old, F.trim(F.col(old)))
        frame = frame.withColumnRenamed(old, new)
    return frame


nested = spark.table("nested")
while len(nested.schema.fields) < 10:  # warning: [SPK802]
    nested = nested.withColumn(f"c{len(nested.columns)}", F.lit(0))  # warning: [SPK802]

for column in df.columns:  # ok: the iterable is read once
    df = df.withColumnRenamed(column, column.lower())

existing = set(df.columns)  # ok: hoisted out of the loop
for name in ["a", "b"]:
    if name not in existing:
        df = df.withColumn(name, F.lit(0))
        existing.add(name)

for frame in [df, nested]:
    print(frame.columns)  # ok: each DataFrame once, not reassigned in the body

static = spark.table("dim")
for i in range(3):
    print(static.columns)  # ok: the same DataFrame every time (schema is cached)

pdf = pd.DataFrame({"a": [1]})
for i in range(3):
    pdf = pdf.assign(b=i)
    print(pdf.columns)  # ok: pandas
