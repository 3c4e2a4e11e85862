def parse(line, bad):
    parts = line.split(",")
    if len(parts) != 3 or not parts[2].strip().isdigit():
        bad.add(1)
        return []
    return [(parts[0], parts[1], int(parts[2]))]


def run(spark):
    sc = spark.sparkContext
    bad = sc.accumulator(0)
    raw = sc.parallelize(["2024-01-01,widget,3", "2024-01-01,gadget,x", "broken line",
                          "2024-01-02,widget,5", "2024-01-02,gizmo,"])
    rows = raw.flatMap(lambda l: parse(l, bad)).collect()
    return sorted(rows), bad.value
