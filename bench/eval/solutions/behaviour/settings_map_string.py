def run(spark):
    data = [
        ("svc-a", {"tls": "on", "retries": "3", "mode": "strict"}),
        ("svc-b", {"retries": "5", "tls": "off", "mode": "lenient"}),
    ]
    entries = [(name, sorted(settings.items())) for name, settings in data]
    services = spark.createDataFrame(entries, "service string, settings array<struct<k:string,v:string>>")
    rendered = services.selectExpr("service", "CAST(map_from_entries(settings) AS STRING) AS settings_text")
    return sorted((r.service, r.settings_text) for r in rendered.collect())
