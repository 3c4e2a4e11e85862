# Fixture for SPK410 (memoised DataFrame results polled in loops; 4.0+).
# sparkmigrate-test: target-version=4.0
import time

from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
events = spark.table("landing.events")

while events.isEmpty():  # warning: [SPK410]
    time.sleep(30)

while True:
    if not events.isEmpty():  # warning: [SPK410]
        break
    time.sleep(30)

while "ingested_at" not in events.columns:  # warning: [SPK410]
    time.sleep(30)

while True:
    if len(events.columns) > 3:  # warning: [SPK410]
        break

for attempt in range(10):
    files = events.inputFiles()  # warning: [SPK410]
    if files:
        break


def wait_for_rows(frame: DataFrame, seconds: int):
    while frame.isEmpty():  # warning: [SPK410]
        time.sleep(seconds)


# Rebuilt in every iteration: Connect asks the server again.
while spark.table("landing.events").isEmpty():  # ok
    time.sleep(30)

while True:
    fresh = spark.table("landing.events")
    if not fresh.isEmpty():  # ok: rebound in the loop
        break

# Not in a loop.
if events.isEmpty():  # ok
    print("empty")

# Schema read in a for loop body is BEH-02's concern, not a memoisation bug.
for name in ["a", "b"]:
    if name in events.columns:  # ok
        print(name)


class Queue:
    def isEmpty(self):
        return True


queue = Queue()
while queue.isEmpty():  # ok: a local class
    break
