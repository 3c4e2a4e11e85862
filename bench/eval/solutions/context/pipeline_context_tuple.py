from collections import namedtuple

from pyspark.sql import functions as F

PipelineContext = namedtuple("PipelineContext", ["spark", "env"])


def make_context(spark, env="dev"):
    return PipelineContext(spark=spark, env=env)


def top_pages(ctx, limit=2):
    hits = ctx.spark.createDataFrame(
        [("/home", 200), ("/cart", 200), ("/home", 304), ("/login", 500), ("/home", 200), ("/cart", 404)],
        ["path", "status"],
    )
    ok = hits.filter(F.col("status") < 400).groupBy("path").count()
    return [(r.path, r["count"]) for r in ok.orderBy(F.desc("count"), "path").limit(limit).collect()]


def run(spark):
    ctx = make_context(spark)
    return {"env": ctx.env, "top": top_pages(ctx)}
