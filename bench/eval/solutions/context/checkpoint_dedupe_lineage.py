def run(spark):
    contacts = spark.createDataFrame(
        [("ann@x.io", "Ann"), ("bob@x.io", "Bob"), ("ann@x.io", "Ann B."), ("cy@x.io", "Cy")],
        ["email", "name"],
    )
    deduped = contacts.dropDuplicates(["email"]).localCheckpoint(eager=True)
    return deduped.count(), sorted(r.email for r in deduped.collect())
