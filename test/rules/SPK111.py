# Fixture for SPK111 (addPyFile / addFile / addArchive and SparkFiles).
from pyspark import SparkContext, SparkFiles
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
spark.sparkContext.addPyFile("dist/helpers.zip")  # error: [SPK111]
sc = spark.sparkContext
sc.addFile("config/lookup.json")  # error: [SPK111]
sc.addArchive("envs/venv.tar.gz#environment")  # error: [SPK111]
lookup_path = SparkFiles.get("lookup.json")  # error: [SPK111]
root = SparkFiles.getRootDirectory()  # error: [SPK111]


def ship(context: SparkContext, path):
    context.addPyFile(path)  # error: [SPK111]


spark.addArtifacts("dist/helpers.zip", pyfile=True)  # ok
spark.addArtifacts("config/lookup.json", file=True)  # ok


class Bundle:
    def addFile(self, path):
        return path


Bundle().addFile("a.txt")  # ok: a local class
files = {"get": 1}
value = files.get("get")  # ok: a dict
