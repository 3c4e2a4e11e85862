# corpus: style=look-alike
# corpus: expect=clean
"""An ingestion client whose own classes have `.rdd`, `.toJSON()`, `.collect()` and `.isEmpty()`."""
import json

from pyspark.sql import SparkSession


class RawDocs:
    """The batch's 'raw document dataset' (named rdd by the API authors)."""

    def __init__(self, docs):
        self.docs = list(docs)

    def isEmpty(self):
        return not self.docs

    def collect(self):
        return list(self.docs)

    def count(self):
        return len(self.docs)

    def first(self):
        return self.docs[0]


class RecordBatch:
    def __init__(self, docs):
        self.rdd = RawDocs(docs)

    def toJSON(self):
        return json.dumps({"docs": self.rdd.collect()}, sort_keys=True)


class Api:
    def __init__(self, pages):
        self.pages = pages
        self.sparkContext = {"client": "ingest-v2"}

    def fetch(self, page):
        return RecordBatch(self.pages.get(page, []))


def main():
    spark = SparkSession.builder.appName("ingest").getOrCreate()
    api = Api({1: [{"id": 1, "v": "x"}, {"id": 2, "v": "y"}], 2: []})
    batches = [api.fetch(1), api.fetch(2)]
    for batch in batches:
        if not batch.rdd.isEmpty():
            print(batch.toJSON(), batch.rdd.count(), batch.rdd.first()["v"])
    print("client:", api.sparkContext["client"])
    docs = [d for b in batches for d in b.rdd.collect()]
    frame = spark.createDataFrame([(d["id"], d["v"]) for d in docs], ["id", "v"])
    print(frame.orderBy("id").collect())
    print("empty batches:", sum(1 for b in batches if b.rdd.isEmpty()))


if __name__ == "__main__":
    main()
