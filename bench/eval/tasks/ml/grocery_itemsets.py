from pyspark.mllib.fpm import FPGrowth


def run(spark):
    baskets = spark.sparkContext.parallelize([
        ["milk", "bread", "eggs"],
        ["milk", "bread"],
        ["bread", "butter"],
        ["milk", "eggs"],
        ["milk", "bread", "butter"],
        ["bread", "eggs"],
    ], 2)
    model = FPGrowth.train(baskets, minSupport=0.5, numPartitions=2)
    itemsets = [(sorted(fi.items), fi.freq) for fi in model.freqItemsets().collect()]
    return sorted(itemsets)
