# sparkmigrate-test: target-version=4.0
# Fixture for SPK810 (imports missing from the remote-only pyspark-client package).
# warning: [SPK810]
# warning: [SPK810]
from pyspark import StorageLevel, Row  # ok: present in pyspark-client
# warning: [SPK810]
# warning: [SPK810]
import pyspark.broadcast  # warning: [SPK810]
import pyspark.files as files  # warning: [SPK810]
from pyspark.sql import SparkSession  # ok
from typing import TYPE_CHECKING

try:
    from pyspark import SparkFiles  # ok: guarded
except ImportError:
    SparkFiles = None

if TYPE_CHECKING:
    from pyspark import Broadcast  # ok: typing only


def lazy():
    from pyspark import StatusTracker  # warning: [SPK810]
    return StatusTracker


import pysparkling  # ok: an unrelated package
text = "from pyspark import SparkContext"  # ok: a string
