class CustomerReport:
    def __init__(self, df):
        self.df = df

    def vip_names(self, threshold):
        rows = self.df.filter(self.df.lifetime_value >= threshold).select("name").collect()
        return sorted(r.name for r in rows)


def run(spark):
    customers = spark.createDataFrame(
        [("Ana", "PT", 1200.0), ("Ben", "UK", 300.0), ("Chen", "CN", 5400.0), ("Dee", "US", 980.0)],
        ["name", "country", "lifetime_value"],
    )
    report = CustomerReport(customers)
    return report.vip_names(1000.0)
