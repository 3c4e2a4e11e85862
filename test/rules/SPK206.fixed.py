# Fixture for SPK206 (py4j imports and classic exception handlers).
import py4j  # error: [SPK206]
# error: [SPK206]
# error: [SPK206]
from py4j.protocol import Py4JJavaError  # error: [SPK206]
from pyspark.errors import AnalysisException, PySparkException
from pyspark.errors.exceptions import captured
from pyspark.errors.exceptions.captured import AnalysisException as CapturedAnalysisException
from pyspark.sql import SparkSession
from pyspark.sql.utils import AnalysisException as UtilsAnalysisException
from pyspark.sql.utils import CapturedException

spark = SparkSession.builder.getOrCreate()

try:
    spark.sql("SELECT * FROM missing").collect()
except Py4JJavaError as e:  # error: [SPK206]
    print(e.java_exception.getMessage())

try:
    spark.table("sales.orders").count()
except (PySparkException, ValueError):  # error: [SPK206]
    pass

try:
    spark.table("sales.orders").count()
except PySparkException:  # error: [SPK206]
    pass

# A later handler would lose the errors PySparkException takes: reported, not rewritten.
try:
    spark.table("sales.orders").count()
except Py4JJavaError:  # error: [SPK206]
    print("jvm error")
except Exception as err:
    print("other error:", type(err).__name__)

try:
    spark.table("sales.orders").count()
except py4j.protocol.Py4JError:  # error: [SPK206]
    pass

try:
    spark.sql("SELEC 1")
except CapturedAnalysisException as e:  # error: [SPK206]
    print(e)

try:
    spark.sql("SELEC 1")
except (KeyError, captured.ParseException) as e:  # error: [SPK206]
    print(e)

try:
    spark.sql("SELEC 1")
except CapturedException:  # error: [SPK206]
    pass

# Clean: the base classes work on Classic and Connect.
try:
    spark.sql("SELECT * FROM missing").collect()
except AnalysisException as e:  # ok
    print(e.getErrorClass())

try:
    spark.sql("SELECT * FROM missing").collect()
except UtilsAnalysisException:  # ok: pyspark.sql.utils re-exports the base class
    pass

try:
    spark.sql("SELECT * FROM missing").collect()
except (PySparkException, ValueError):  # ok
    pass

# A guarded optional import is deliberate.
try:
    from py4j.protocol import Py4JNetworkError  # ok
except ImportError:
    Py4JNetworkError = None


class Py4JJavaErrorLike(Exception):
    pass


try:
    raise Py4JJavaErrorLike()
except Py4JJavaErrorLike:  # ok: a local exception class
    pass
