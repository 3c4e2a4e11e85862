# Fixture for SPK116 (job groups, descriptions, local properties, cancellation).
from pyspark import SparkContext
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
spark.sparkContext.setJobGroup("nightly", "Nightly load", interruptOnCancel=True)  # error: [SPK116]
sc = spark.sparkContext
sc.setJobDescription("Load orders")  # error: [SPK116]
sc.setLocalProperty("spark.scheduler.pool", "etl")  # error: [SPK116]
sc.cancelJobGroup("nightly")  # error: [SPK116]
sc.cancelAllJobs()  # error: [SPK116]


def cancel(context: SparkContext, job_id):
    context.cancelJob(job_id)  # error: [SPK116]


spark.addTag("nightly")  # ok
spark.interruptTag("nightly")  # ok


class Scheduler:
    def cancelJob(self, job_id):
        return job_id


Scheduler().cancelJob(3)  # ok: a local class
