def run(spark):
    tickets = spark.createDataFrame(
        [("printer jammed", "low"), ("vpn down", "high"), ("new laptop", "medium"), ("email bounce", "high")],
        ["subject", "priority"],
    )
    with_id = tickets.rdd.zipWithIndex().map(lambda x: tuple(x[0]) + (x[1],)).toDF(tickets.columns + ["ticket_no"])
    high = with_id.filter("priority = 'high'").orderBy("ticket_no")
    return [(r.ticket_no, r.subject) for r in high.collect()]
