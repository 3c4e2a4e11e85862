# Fixture for SPK111 (addPyFile / addFile / addArchive and SparkFiles).
from pyspark import SparkContext, SparkFiles
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
spark.addArtifacts("dist/helpers.zip", pyfile=True)  # error: [SPK111]
sc = spark.sparkContext
spark.addArtifacts("config/lookup.json", file=True)  # error: [SPK111]
spark.addArtifacts("envs/venv.tar.gz#environment", archive=True)  # error: [SPK111]
lookup_path = SparkFiles.get("lookup.json")  # error: [SPK111]
root = SparkFiles.getRootDirectory()  # error: [SPK111]


def ship(context: SparkContext, path):
    spark.addArtifacts(path, pyfile=True)  # error: [SPK111]


spark.addArtifacts("dist/helpers.zip", pyfile=True)  # ok
spark.addArtifacts("config/lookup.json", file=True)  # ok


class Bundle:
    def addFile(self, path):
        return path


Bundle().addFile("a.txt")  # ok: a local class
files = {"get": 1}
value = files.get("get")  # ok: a dict
