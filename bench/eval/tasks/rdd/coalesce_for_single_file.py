def run(spark):
    audit = spark.createDataFrame(
        [(1, "login", "ok"), (2, "login", "fail"), (3, "export", "ok"), (4, "delete", "denied"), (5, "login", "ok")],
        ["seq", "action", "result"],
    )
    single = audit.orderBy("seq").rdd.coalesce(1)
    head = single.take(2)
    return [(r.seq, r.action) for r in head], single.count()
