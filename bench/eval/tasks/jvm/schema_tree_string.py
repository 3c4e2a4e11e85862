def describe(df):
    return df._jdf.schema().treeString()


def run(spark):
    customers = spark.createDataFrame(
        [(1, "Ada", ("Main St 1", "Zurich")), (2, "Lin", ("Elm Rd 9", "Oslo"))],
        "id int, name string, address struct<street:string, city:string>",
    )
    tree = describe(customers)
    return tree.splitlines(), customers.count()
