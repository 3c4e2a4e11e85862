# corpus: style=control
# corpus: expect=clean
"""Connect-ready package: session factory and pure transforms in separate modules."""
from session import get_spark
from transforms import basket_sizes, top_products


def main():
    spark = get_spark("baskets")
    lines = spark.createDataFrame(
        [("b1", "apple", 2), ("b1", "pear", 1), ("b2", "apple", 5), ("b3", "fig", 1), ("b3", "pear", 3)],
        ["basket", "product", "qty"],
    )
    basket_sizes(lines).show()
    print("top:", top_products(lines, 2))


if __name__ == "__main__":
    main()
