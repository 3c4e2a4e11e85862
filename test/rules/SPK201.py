# Fixture for SPK201 (Py4J access through _jvm / _gateway).
from py4j.java_gateway import java_import
from pyspark import SparkContext
from pyspark.sql import Column, SparkSession
from pyspark.sql.column import _to_java_column, _to_seq

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext

# Calling arbitrary Scala/Java (JVM-01).
jvm = spark._jvm  # error: [SPK201]
java_import(spark._jvm, "com.example.udfs.*")  # error: [SPK201]
sc._jvm.com.example.udfs.Registry.register(spark._jsparkSession)  # error: [SPK201]
utils = spark.sparkContext._jvm.org.apache.spark.api.python.PythonUtils  # error: [SPK201]
ctx_jvm = SparkContext._jvm  # error: [SPK201]
fs_class = SparkContext.getOrCreate()._jvm.org.apache.hadoop.fs.FileSystem  # error: [SPK201]
gateway = sc._gateway  # error: [SPK201]
jvm_from_gateway = SparkContext._gateway.jvm  # error: [SPK201]
nested = spark._sc._jvm.com.model.SomeModel.Builder().build()  # error: [SPK201]


def scala_udf(col):
    # A Scala UDF called through Py4J (catalogue shape 11).
    fn = sc._jvm.com.example.ScalaUDF.getFun()  # error: [SPK201]
    return Column(fn.apply(_to_seq(sc, [col], _to_java_column)))


def check_active():
    assert SparkContext._jvm is not None  # error: [SPK201]
    return SparkContext._jvm.PythonSQLUtils.isTimestampNTZPreferred()  # error: [SPK201]


def from_helper(session):
    # An unannotated parameter: `_jvm` is private to pyspark, so it still counts.
    return session._jvm.java.util.UUID.randomUUID().toString()  # error: [SPK201]


class Job:
    def __init__(self, session: SparkSession):
        self.spark = session

    def hadoop_path(self, path):
        return self.spark._jvm.org.apache.hadoop.fs.Path(path)  # error: [SPK201]


def configure(spark_session):
    return {"jvm": spark_session._jvm}  # error: [SPK201]


# Log4j chains are SPK202's, not this rule's.
logger = spark._jvm.org.apache.log4j.LogManager.getLogger(__name__)  # ok
log4j2 = sc._jvm.org.apache.logging.log4j.LogManager.getLogger("job")  # ok


# Look-alikes.
class Bridge:
    def __init__(self):
        self._jvm = object()
        self._gateway = None

    def jvm(self):
        return self._jvm  # ok: a local class's own attribute


bridge = Bridge()
print(bridge._jvm)  # ok: an instance of a local class
text = "spark._jvm.org.apache.spark"  # ok: a string
# spark._jvm in a comment is not code  # ok
