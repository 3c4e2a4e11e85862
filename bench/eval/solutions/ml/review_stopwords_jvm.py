from pyspark.ml.feature import StopWordsRemover, Tokenizer


def run(spark):
    reviews = spark.createDataFrame(
        [(1, "The blender is very loud but it works"), (2, "I would buy this kettle again"), (3, "Not worth the price")],
        ["review_id", "text"],
    )
    english = StopWordsRemover.loadDefaultStopWords("english")
    words = Tokenizer(inputCol="text", outputCol="words").transform(reviews)
    remover = StopWordsRemover(inputCol="words", outputCol="keywords", stopWords=english + ["buy"])
    return sorted((r.review_id, r.keywords) for r in remover.transform(words).collect())
