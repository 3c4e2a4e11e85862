import os

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")


def load_tables(ctx):
    """ctx is whatever the caller reads with (an SQLContext or a SparkSession)."""
    sales = ctx.read.csv(os.path.join(DATA, "sales.csv"), header=True, inferSchema=True)
    regions = ctx.createDataFrame(
        [("north", "North"), ("south", "South"), ("east", "East"), ("west", "West")],
        ["region", "region_name"])
    return {"sales": sales, "regions": regions}
