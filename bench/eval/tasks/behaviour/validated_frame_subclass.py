from pyspark.sql.classic.dataframe import DataFrame as ClassicDataFrame


class ValidatedFrame(ClassicDataFrame):
    required = ("id", "email")

    def __init__(self, jdf, session):
        super().__init__(jdf, session)
        missing = [c for c in self.required if c not in self.columns]
        if missing:
            raise ValueError(f"missing columns: {missing}")

    def valid_emails(self):
        return self.filter(self.email.contains("@"))


def run(spark):
    df = spark.createDataFrame([(1, "a@x.org"), (2, "broken"), (3, "c@y.com")], ["id", "email"])
    checked = ValidatedFrame(df._jdf, df.sparkSession)
    try:
        ValidatedFrame(df.drop("email")._jdf, df.sparkSession)
        rejected = False
    except ValueError:
        rejected = True
    return sorted(r.id for r in checked.valid_emails().collect()), rejected
