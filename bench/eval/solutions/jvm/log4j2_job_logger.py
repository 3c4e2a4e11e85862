import logging

APP = "billing-reconcile"


def run(spark):
    logger = logging.getLogger(APP)
    ledger = spark.createDataFrame([("INV-1", 100.0), ("INV-2", 250.0), ("INV-3", 75.5)], ["invoice", "billed"])
    bank = spark.createDataFrame([("INV-1", 100.0), ("INV-2", 200.0)], ["invoice", "paid"])
    diff = ledger.join(bank, "invoice", "left").fillna(0.0, ["paid"]).filter("billed != paid")
    mismatches = sorted((r.invoice, round(r.billed - r.paid, 2)) for r in diff.collect())
    for invoice, gap in mismatches:
        logger.warning(f"{invoice} open amount {gap}")
    return mismatches
