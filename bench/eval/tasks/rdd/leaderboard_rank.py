def run(spark):
    scores = spark.createDataFrame(
        [("kim", 8200), ("lee", 9100), ("max", 7600), ("noa", 9900), ("oli", 8800)],
        ["player", "score"],
    )
    ranked = scores.orderBy(scores.score.desc()).rdd.zipWithIndex()
    return ranked.map(lambda pair: (pair[1] + 1, pair[0].player, pair[0].score)).collect()
