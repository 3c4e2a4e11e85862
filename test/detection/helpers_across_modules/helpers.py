# Helpers that never import pyspark: every Spark object reaches them from the
# session module, a parameter, a container, a tuple, a `with`, a class.
from session import create_spark, get_spark, load_orders, managed_session, shared
import session as factory


def job(spark):
    empty = spark.range(5).filter("id > 2").rdd.isEmpty()  # error: [SPK302]
    spark.sparkContext.setLogLevel("WARN")  # error: [SPK110]
    return empty


def first_rows(df):
    head = df.orderBy("id").rdd.first()  # error: [SPK303]
    names = df.select("n").rdd.flatMap(lambda x: x).collect()  # error: [SPK304]
    return head, names


def from_factory():
    s = get_spark()
    s.sparkContext.addFile("lookup.csv")  # error: [SPK111]
    q = factory.get_spark()
    return q.sparkContext.defaultParallelism  # error: [SPK115]


def from_tuple():
    session, context = create_spark()
    context.addPyFile("deps.zip")  # error: [SPK111]
    return session.range(3).count()


def from_with():
    with managed_session() as s:
        return s.sparkContext.getConf().get("spark.app.name")  # error: [SPK112]


def from_containers():
    frames = {"orders": load_orders(shared), "items": shared.range(3)}
    parts = frames["orders"].rdd.getNumPartitions()  # error: [SPK305]
    for name, frame in frames.items():
        print(name, frame.rdd.getNumPartitions())  # error: [SPK305]
    for frame in frames.values():
        frame.rdd.count()  # error: [SPK303]
    for index, frame in enumerate([load_orders(shared), shared.range(2)]):
        print(index, frame.toJSON().first())  # error: [SPK401]
    return parts


def from_loader():
    orders = load_orders(get_spark())
    counted = factory.load_orders(factory.shared)
    return orders.toJSON().first(), counted.rdd.count()  # error: [SPK401, SPK303]


class BaseJob:
    def __init__(self):
        self.spark = get_spark()

    @property
    def context(self):
        return self.spark.sparkContext  # error: [SPK001]


class DailyJob(BaseJob):
    def run(self):
        self.context.setJobGroup("daily", "daily orders")  # error: [SPK116]
        return self.spark.range(3)


def run_daily():
    job = DailyJob()
    frame = job.run()
    return frame.rdd.isEmpty()  # error: [SPK302]


# Clean: DataFrame code that runs on Spark Connect as it is.
def clean(spark):
    frames = {"orders": spark.range(3)}
    for name, frame in frames.items():
        print(name, frame.count())
    session, _ = create_spark()
    return session.range(2).isEmpty()
