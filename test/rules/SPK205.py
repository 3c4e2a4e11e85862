# Fixture for SPK205 (reader/writer/catalog/conf JVM handles).
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.range(3)

reader = spark.read.format("csv")._jreader  # error: [SPK205]
jwriter = df.write.mode("overwrite")._jwrite  # error: [SPK205]
exists = spark.catalog._jcatalog.tableExists("sales.orders")  # error: [SPK205]
all_conf = spark.conf._jconf.getAll()  # error: [SPK205]


def save(frame: DataFrame, path):
    frame.write._jwrite.save(path)  # error: [SPK205]


def conf_of(session):
    return session.conf._jconf  # error: [SPK205]


class Job:
    def __init__(self, session: SparkSession):
        self.spark = session

    def tables(self):
        return self.spark.catalog._jcatalog.listTables()  # error: [SPK205]


# Clean: the public API.
spark.catalog.tableExists("sales.orders")  # ok
spark.conf.get("spark.sql.shuffle.partitions")  # ok


class Settings:
    def __init__(self):
        self.conf = {}
        self._jreader = None


settings = Settings()
settings._jreader  # ok: a local class's attribute
settings.conf._jconf  # ok: not a RuntimeConfig
