from pyspark.sql import functions as F


class ValidatedFrame:
    required = ("id", "email")

    def __init__(self, df):
        missing = [c for c in self.required if c not in df.columns]
        if missing:
            raise ValueError(f"missing columns: {missing}")
        self.df = df

    def valid_emails(self):
        return self.df.filter(F.col("email").contains("@"))


def run(spark):
    df = spark.createDataFrame([(1, "a@x.org"), (2, "broken"), (3, "c@y.com")], ["id", "email"])
    checked = ValidatedFrame(df)
    try:
        ValidatedFrame(df.drop("email"))
        rejected = False
    except ValueError:
        rejected = True
    return sorted(r.id for r in checked.valid_emails().collect()), rejected
