def table_exists(spark, name):
    return spark.catalog.tableExists(name)


def run(spark):
    customers = spark.createDataFrame(
        [(1, "Acme Corp", "DE"), (2, "Globex", "US"), (3, "Initech", "US")],
        ["id", "name", "country"],
    )
    customers.createOrReplaceTempView("stg_customers_ctx")
    found = table_exists(spark, "stg_customers_ctx")
    missing = table_exists(spark, "stg_suppliers_ctx")
    us = spark.sql("SELECT count(*) AS n FROM stg_customers_ctx WHERE country = 'US'").first().n
    return found, missing, us
