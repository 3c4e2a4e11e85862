def run(spark):
    data = [
        ("svc-a", {"tls": "on", "retries": "3", "mode": "strict"}),
        ("svc-b", {"retries": "5", "tls": "off", "mode": "lenient"}),
    ]
    services = spark.createDataFrame(data, "service string, settings map<string,string>")
    rendered = services.selectExpr("service", "CAST(settings AS STRING) AS settings_text")
    return sorted((r.service, r.settings_text) for r in rendered.collect())
