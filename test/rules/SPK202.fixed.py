# Fixture for SPK202 (log4j through the JVM).
import logging

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("etl").getOrCreate()
sc = spark.sparkContext


def get_logger(name):
    # Logger helper (catalogue shape 3).
    return logging.getLogger(name)  # error: [SPK202]


class Log4j:
    # Log4j wrapper class (catalogue shape 4).
    def __init__(self, session):
        # error: [SPK202]
        app_name = session.sparkContext.getConf().get("spark.app.name")
        self.logger = logging.getLogger("com.example." + app_name)

    def info(self, message):
        self.logger.info(message)

    def warn(self, message):
        self.logger.warning(message)  # log4j's name; the fix writes Python's `warning`


root = sc._jvm.org.apache.log4j.Logger.getRootLogger()  # error: [SPK202]
root.setLevel(sc._jvm.org.apache.log4j.Level.WARN)  # error: [SPK202]
log4j2 = spark._jvm.org.apache.logging.log4j.LogManager.getLogger("job")  # error: [SPK202]
jvm = spark._jvm
quiet = jvm.org.apache.log4j.Logger.getLogger("py4j")  # error: [SPK202]



def quiet_py4j(session):
    jvm = session._jvm
    jvm.org.apache.log4j.LogManager.getLogger("py4j").setLevel(jvm.org.apache.log4j.Level.ERROR)  # error: [SPK202]


gateway_logger = sc._gateway.jvm.org.apache.log4j.LogManager  # ok: SPK201 reports sc._gateway

# Other JVM packages are SPK201's.
path = spark._jvm.org.apache.hadoop.fs.Path("/tmp")  # ok

# Look-alikes.
import logging

python_logger = logging.getLogger("org.apache.log4j")  # ok: Python logging


class Fake:
    def __init__(self):
        self._jvm = None

    def logger(self):
        return self._jvm.org.apache.log4j  # ok: a local class's attribute
