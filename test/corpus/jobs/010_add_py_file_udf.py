# corpus: style=tutorial
# corpus: expect=migrates
# Shipping a helper module to the executors with addPyFile, then using it in a UDF.
import os
import tempfile

from pyspark.sql import SparkSession
from pyspark.sql.functions import udf
from pyspark.sql.types import StringType

spark = SparkSession.builder.appName("addpyfile-demo").getOrCreate()
sc = spark.sparkContext

helper_dir = tempfile.mkdtemp()
helper = os.path.join(helper_dir, "corpus_slugify.py")
with open(helper, "w") as f:
    f.write("def slugify(text):\n    return '-'.join(text.lower().split())\n")
sc.addPyFile(helper)


@udf(returnType=StringType())
def slug(title):
    import corpus_slugify
    return corpus_slugify.slugify(title)


titles = spark.createDataFrame([("Hello World",), ("Spark Connect Migration",), ("A  B   C",)], ["title"])
for row in titles.select("title", slug("title").alias("slug")).orderBy("title").collect():
    print(row.title, "->", row.slug)
