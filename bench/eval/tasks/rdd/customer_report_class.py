class CustomerReport:
    def __init__(self, df):
        self.df = df
        self.rows = df.rdd

    def vip_names(self, threshold):
        return sorted(self.rows.filter(lambda r: r.lifetime_value >= threshold).map(lambda r: r.name).collect())


def run(spark):
    customers = spark.createDataFrame(
        [("Ana", "PT", 1200.0), ("Ben", "UK", 300.0), ("Chen", "CN", 5400.0), ("Dee", "US", 980.0)],
        ["name", "country", "lifetime_value"],
    )
    report = CustomerReport(customers)
    return report.vip_names(1000.0)
