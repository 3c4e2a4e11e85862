# corpus: style=job-module
# corpus: expect=migrates
"""Ships a generated helper module to the executors with addPyFile, then uses it in a UDF."""
import os
import tempfile

from pyspark.sql import SparkSession
from pyspark.sql.functions import udf

HELPER_SOURCE = '''
def normalise_phone(raw):
    digits = "".join(ch for ch in raw if ch.isdigit())
    return "+49" + digits[-9:] if digits else None
'''


def write_helper():
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "b062_phone_utils.py")
    with open(path, "w") as handle:
        handle.write(HELPER_SOURCE)
    return path


def main():
    spark = SparkSession.builder.appName("phone-normaliser").getOrCreate()
    spark.sparkContext.addPyFile(write_helper())

    @udf("string")
    def normalise(raw):
        import b062_phone_utils

        return b062_phone_utils.normalise_phone(raw)

    contacts = spark.createDataFrame([("c1", "030 1234-5678"), ("c2", "(089) 987 654 32"), ("c3", "n/a")],
                                     ["contact", "phone"])
    for row in contacts.select("contact", normalise("phone").alias("phone")).orderBy("contact").collect():
        print(row.contact, row.phone)


if __name__ == "__main__":
    main()
