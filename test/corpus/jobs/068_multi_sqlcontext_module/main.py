# corpus: style=multi-module
# corpus: expect=remains reason="SPK501/SPK502: the SQLContext comes from a factory in context.py and is passed between modules; SPK120 sc.stop()"
"""Legacy reporting package: context.py builds the contexts, queries.py runs SQL."""
from context import build_contexts
from queries import load_visits, visits_per_page


def main():
    sc, sqlContext = build_contexts("visits-report")
    visits = load_visits(sqlContext)
    sqlContext.registerDataFrameAsTable(visits, "b068_visits")
    for page, n in visits_per_page(sqlContext):
        print(page, n)
    sc.stop()


if __name__ == "__main__":
    main()
