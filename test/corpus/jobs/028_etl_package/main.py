# corpus: style=multi-module
# corpus: expect=remains reason="SPK001 the session factory returns sc to its caller, so spark.sparkContext stays (the caller's uses were fixed)"
"""Entry point of a small ETL package: session factory, transforms and checks in sibling modules."""
import argparse

from session import get_spark
from transforms import clean_people, add_age_band
from checks import assert_not_empty


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--min-age", type=int, default=30)
    return parser.parse_args()


def main():
    args = parse_args()
    spark, sc = get_spark("people-etl")
    raw = sc.parallelize([
        (1, " alice ", 34), (2, "BOB", 45), (3, "carol", 29), (4, None, 52), (5, "eve ", 38),
    ]).toDF(["id", "name", "age"])
    people = add_age_band(clean_people(raw))
    assert_not_empty(people, "people")
    people.filter(people["age"] >= args.min_age).orderBy("id").show()
    print("bands:", sorted(r["band"] for r in people.select("band").distinct().collect()))


if __name__ == "__main__":
    main()
