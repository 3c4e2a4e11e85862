SETTINGS = {
    "app_name": "refunds",
    "spark_conf": {"corpus.refund.threshold": "25"},
    "seed_refunds": [("o1", 10.0), ("o2", 32.5), ("o3", 7.25)],
}
