import logging

from pyspark import SparkContext
from pyspark.sql import SQLContext

from loaders import load_tables

logger = logging.getLogger(__name__)


class ReportApp:
    def __init__(self, name):
        self.sc = SparkContext.getOrCreate()
        self.sql_context = SQLContext(self.sc)
        self.name = name

    def run(self):
        tables = load_tables(self.sql_context)
        for name, df in sorted(tables.items()):
            self.sql_context.registerDataFrameAsTable(df, name)
        logger.info("tables: %s", sorted(tables))
        report = self.sql_context.sql("""
            SELECT r.region_name, sum(s.quantity * s.unit_price) AS revenue
            FROM sales s JOIN regions r ON s.region = r.region
            GROUP BY r.region_name ORDER BY r.region_name
        """)
        report.show()
        print("regions:", self.sql_context.table("regions").count())

    def close(self):
        self.sc.stop()
