from pyspark.sql import SparkSession

builder = SparkSession.builder.appName("shipments")


def run(spark):
    session = builder.master("local[*]").config("spark.sql.shuffle.partitions", "4").getOrCreate()
    shipments = session.createDataFrame(
        [("SH-1", "DHL", 2), ("SH-2", "UPS", 5), ("SH-3", "DHL", 1), ("SH-4", "FedEx", 3)],
        ["shipment", "carrier", "days"],
    )
    slow = shipments.filter(shipments.days > 2).orderBy("shipment")
    return [(r.shipment, r.carrier) for r in slow.collect()]
