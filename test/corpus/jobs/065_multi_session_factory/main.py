# corpus: style=multi-module
# corpus: expect=migrates
"""Store-performance job: session from session.py, pure-Python transforms from transforms.py."""
from session import get_spark
from transforms import add_margin, top_stores

STORES = [
    ("s1", "berlin", 1200.0, 800.0),
    ("s2", "hamburg", 900.0, 850.0),
    ("s3", "munich", 1500.0, 700.0),
    ("s4", "berlin", 300.0, 310.0),
]


def main():
    spark = get_spark("store-performance")
    sc = spark.sparkContext
    stores = sc.parallelize(STORES).toDF(["store", "city", "revenue", "cost"])
    with_margin = add_margin(stores)
    for row in top_stores(spark, with_margin, 2):
        print(row)
    print("cities:", sorted(r.city for r in with_margin.select("city").distinct().collect()))


if __name__ == "__main__":
    main()
