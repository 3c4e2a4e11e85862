def run(spark):
    inventory = spark.createDataFrame(
        [("WH-A", "bolts", 1200), ("WH-A", "nuts", 40), ("WH-B", "bolts", 15), ("WH-B", "screws", 880)],
        ["warehouse", "item", "qty"],
    )
    low = inventory.where("qty < 100")
    alerts = []
    for row in low.rdd.collect():
        alerts.append(f"{row.warehouse}:{row.item}:{row.qty}")
    return sorted(alerts)
