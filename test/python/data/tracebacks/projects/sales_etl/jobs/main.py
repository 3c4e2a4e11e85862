"""Entry point: python -m jobs.main DAY."""
import sys

from jobs import ingest, quality, report
from jobs.startup import session


def main(day: str) -> None:
    spark = session("sales-etl")
    ingest.run(spark, "/data/customers.csv")
    customers = ingest.load_customers(spark, "/data/customers.csv")
    print(quality.null_ratio(customers, "email"))
    quality.print_failures(spark.table("sales"))
    print("\n".join(report.export(spark, day)))


if __name__ == "__main__":
    main(sys.argv[1])
