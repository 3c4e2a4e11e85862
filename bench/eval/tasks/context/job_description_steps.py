def step(sc, description, df):
    sc.setJobDescription(description)
    return df.count()


def run(spark):
    sc = spark.sparkContext
    tickets = spark.createDataFrame(
        [("T1", "open"), ("T2", "closed"), ("T3", "open"), ("T4", "pending")], ["ticket", "state"]
    )
    total = step(sc, "count all tickets", tickets)
    open_ = step(sc, "count open tickets", tickets.filter("state = 'open'"))
    return total, open_
