"""Legacy job: addPyFile, wholeTextFiles, binaryFiles, job groups and saveAsTextFile.

Usage: files_and_jobs.py INPUT_DIR OUTPUT_DIR
"""
import os
import sys

from pyspark.sql import SparkSession

input_dir, output_dir = sys.argv[1], sys.argv[2]
spark = SparkSession.builder.appName("files-and-jobs").getOrCreate()
sc = spark.sparkContext
sc.addPyFile(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib", "textutil.py"))
import textutil  # noqa: E402  (importable only because of addPyFile)

sc.setJobGroup("nightly", "nightly text load")
for path, content in sorted(sc.wholeTextFiles(input_dir).collect()):
    print(os.path.basename(path), path.startswith("file:"), len(content))
print(sorted(sc.textFile(input_dir).map(textutil.shout).collect()))
for path, data in sorted(sc.binaryFiles(input_dir).collect()):
    print(os.path.basename(path), type(data).__name__, len(data))
sc.setJobDescription("write upper-cased lines")
sc.textFile(input_dir).map(lambda line: line.upper()).saveAsTextFile(output_dir)
written = []
for name in sorted(os.listdir(output_dir)):
    if name.startswith("part-"):
        with open(os.path.join(output_dir, name), encoding="utf-8") as part:
            written.extend(part.read().splitlines())
print(sorted(written), os.path.exists(os.path.join(output_dir, "_SUCCESS")))
sc.cancelJobGroup("nightly")
