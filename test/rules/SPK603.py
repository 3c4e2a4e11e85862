# Fixture for SPK603 (foreachBatch / foreach functions that capture client state).
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
lookup = spark.table("dim_country")
processed = []
stats = {}
total_rows = 0


def enrich(batch_df, batch_id):
    batch_df.join(lookup, "country").write.mode("append").saveAsTable("enriched")


def upsert(batch_df, batch_id):
    spark.sql("MERGE INTO target USING updates ON target.id = updates.id WHEN MATCHED THEN UPDATE SET *")


def remember(batch_df, batch_id):
    processed.append(batch_id)


def count_rows(batch_df, batch_id):
    global total_rows
    total_rows += batch_df.count()


def record(batch_df, batch_id):
    stats[batch_id] = batch_df.count()


def good(batch_df, batch_id):
    session = batch_df.sparkSession
    dims = session.table("dim_country")
    batch_df.join(dims, "country").write.mode("append").saveAsTable("enriched")


stream = spark.readStream.table("events")
stream.writeStream.foreachBatch(enrich).start()  # error: [SPK603]
stream.writeStream.foreachBatch(upsert).option("checkpointLocation", "/chk").start()  # error: [SPK603]
stream.writeStream.foreachBatch(remember).start()  # error: [SPK603]
stream.writeStream.foreachBatch(count_rows).start()  # error: [SPK603]
stream.writeStream.foreachBatch(record).start()  # error: [SPK603]
stream.writeStream.foreachBatch(lambda df, i: df.union(lookup).write.saveAsTable("t")).start()  # error: [SPK603]
stream.writeStream.foreach(lambda row: processed.append(row)).start()  # error: [SPK603]
writer = stream.writeStream.outputMode("append")
writer.foreachBatch(enrich)  # error: [SPK603]
stream.writeStream.foreachBatch(good).start()  # ok: uses batch_df.sparkSession



def start(spark):
    conf = spark.conf

    def handle(batch, epoch_id):
        batch.repartition(int(conf.get("spark.sql.shuffle.partitions"))).write.saveAsTable("t")

    return spark.readStream.table("events").writeStream.foreachBatch(handle).start()  # error: [SPK603]

def local_state(batch_df, batch_id):
    seen = []
    seen.append(batch_id)
    batch_df.write.saveAsTable("t")


stream.writeStream.foreachBatch(local_state).start()  # ok: local list only
rows = [1, 2]
rows.append(3)  # ok: not in a streaming function


class Sink:
    def foreach(self, fn):
        return fn


Sink().foreach(lambda row: processed.append(row))  # ok: not a DataStreamWriter
