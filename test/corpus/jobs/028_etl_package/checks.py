def assert_not_empty(df, label):
    if df.rdd.isEmpty():
        raise ValueError(f"{label} is empty")
    print(f"{label}: {df.rdd.count()} rows")
