# Fixture for SPK008 (static confs and appName on a SparkSession builder).
from pyspark.sql import SparkSession

spark = (
    SparkSession.builder
    .appName("scala-udf")  # ok: deliberately not reported (UI name only)
    .config("spark.jars", "/opt/jars/udfs.jar")  # warning: [SPK008]
    .config("spark.executor.memory", "8g")  # warning: [SPK008]
    .config("spark.sql.shuffle.partitions", "64")  # ok: a runtime SQL conf
    .config("spark.sql.session.timeZone", "UTC")  # ok
    .config("spark.app.name", "scala-udf")  # ok: the application name, like appName
    .config(key="spark.driver.memory", value="4g")  # warning: [SPK008]
    .config(map={"spark.sql.ansi.enabled": "true", "spark.serializer": "org.apache.spark.serializer.KryoSerializer"})  # warning: [SPK008]
    .config(map={"spark.sql.ansi.enabled": "true"})  # ok
    .getOrCreate()
)

delta = SparkSession.builder.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension").getOrCreate()  # warning: [SPK008]


def make_session(app_name: str) -> SparkSession:
    builder = SparkSession.builder.appName(app_name)  # ok
    return builder.config("spark.jars.packages", "org.postgresql:postgresql:42.7.3").getOrCreate()  # warning: [SPK008]


remote = SparkSession.builder.remote("sc://host:15002").config("spark.sql.shuffle.partitions", "8").getOrCreate()  # ok
spark.conf.set("spark.sql.shuffle.partitions", "16")  # ok: runtime conf on the session


class Settings:
    def config(self, key, value):
        return self

    def appName(self, name):
        return self


Settings().config("spark.executor.memory", "1g").appName("x")  # ok: a local class
