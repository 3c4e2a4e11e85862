def run(spark):
    users = spark.createDataFrame(
        [(1, "ana@example.com", True), (2, "bo@example.org", False), (3, "cy@example.net", True)],
        ["id", "email", "subscribed"],
    )
    mailing = users.filter(users.subscribed).orderBy("id")
    emails = [r.email for r in mailing.collect()]
    return emails
