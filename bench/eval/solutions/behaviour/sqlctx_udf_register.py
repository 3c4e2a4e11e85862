def mask_email(email):
    if email is None:
        return None
    user, _, domain = email.partition("@")
    return user[0] + "***@" + domain


def run(spark):
    users = spark.createDataFrame(
        [(1, "jane.doe@example.com"), (2, "max@shop.io"), (3, None)], ["user_id", "email"]
    )
    users.sparkSession.udf.register("mask_email", mask_email)
    users.createOrReplaceTempView("app_users")
    rows = spark.sql("SELECT user_id, mask_email(email) AS masked FROM app_users").collect()
    return sorted((r.user_id, r.masked) for r in rows)
