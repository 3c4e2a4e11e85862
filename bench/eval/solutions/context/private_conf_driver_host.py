def job_settings(spark):
    return {
        "driver_host": spark.conf.get("spark.driver.host"),
        "worker_reuse": spark.conf.get("spark.python.worker.reuse", "false"),
    }


def run(spark):
    settings = job_settings(spark)
    events = spark.createDataFrame([("login",), ("logout",), ("login",)], ["event"])
    settings["logins"] = events.filter("event = 'login'").count()
    return settings
