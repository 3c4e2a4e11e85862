STOP_WORDS = {"a", "and", "are", "of", "out"}


def top_words(lines, n):
    words = lines.flatMap(lambda line: line.split()).filter(lambda w: w not in STOP_WORDS)
    counts = words.map(lambda w: (w, 1)).reduceByKey(lambda a, b: a + b)
    return counts.takeOrdered(n, key=lambda kv: (-kv[1], kv[0]))
