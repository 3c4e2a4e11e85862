# corpus: style=job-module
# corpus: expect=migrates
"""Billing report: invoice times are rendered in the billing time zone set on the SparkConf."""
from pyspark import SparkConf, SparkContext
from pyspark.sql import SparkSession

conf = (SparkConf()
        .setAppName("billing-report")
        .set("spark.sql.session.timeZone", "America/New_York"))
sc = SparkContext.getOrCreate(conf)
spark = SparkSession.builder.getOrCreate()

invoices = spark.createDataFrame([(1, 1709294400, 120.0), (2, 1709337600, 75.5), (3, 1709380800, 9.99)],
                                 ["invoice", "epoch", "amount"])
report = invoices.selectExpr("invoice", "from_unixtime(epoch, 'yyyy-MM-dd HH:mm') AS billed_at",
                             "to_date(from_unixtime(epoch)) AS billing_day", "amount")
report.orderBy("invoice").show()
report.groupBy("billing_day").sum("amount").orderBy("billing_day").show()
