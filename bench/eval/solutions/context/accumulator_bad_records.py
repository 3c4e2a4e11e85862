from pyspark.sql import functions as F


def run(spark):
    raw = spark.createDataFrame([("2024-01-01,widget,3",), ("2024-01-01,gadget,x",), ("broken line",),
                                 ("2024-01-02,widget,5",), ("2024-01-02,gizmo,",)], ["line"])
    parts = raw.select(F.split("line", ",").alias("p"))
    good_cond = (F.size("p") == 3) & F.trim(F.col("p")[2]).rlike("^[0-9]+$")
    good = parts.filter(good_cond).select(F.col("p")[0], F.col("p")[1], F.col("p")[2].cast("int"))
    rows = [tuple(r) for r in good.collect()]
    bad = parts.filter(~good_cond).count()
    return sorted(rows), bad
