def job_settings(sc):
    return {
        "driver_host": sc._conf.get("spark.driver.host"),
        "worker_reuse": sc._conf.get("spark.python.worker.reuse", "false"),
    }


def run(spark):
    settings = job_settings(spark.sparkContext)
    events = spark.createDataFrame([("login",), ("logout",), ("login",)], ["event"])
    settings["logins"] = events.filter("event = 'login'").count()
    return settings
