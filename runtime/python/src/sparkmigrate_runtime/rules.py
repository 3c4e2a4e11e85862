"""The rule table: for every API the runtime intercepts, its `sparkmigrate check` rule code,
the suggested Connect rewrite, and -- when no faithful equivalent exists -- why not.

This is the single place that ties runtime API names (``Class.member``, as written in the
report) to rule codes; the facades, the error messages, the report and docs/runtime.md all
read from it. Members without an entry of their own fall back to their class's catch-all
rule (SPK120 for SparkContext, SPK306 for RDD, SPK502 for the SQL contexts' methods); the
Connect ``SparkSession`` and ``DataFrame`` members listed here have no catch-all.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """How one intercepted API maps to the static checker and to Spark Connect."""

    code: str
    rewrite: str
    # Set when the API has no faithful Connect equivalent: the shim raises instead of routing.
    reason: str | None = None
    # The error Spark Connect itself raises for this API: (kind, parameter); see errors.py.
    connect_error: tuple[str, str] | None = None


_HADOOP_REASON = (
    "Hadoop input/output formats, sequence files and pickle files have no Spark Connect "
    "reader or writer"
)
_DRIVER_STATE_REASON = (
    "it reads or changes state of the Spark driver that Spark Connect does not expose to clients"
)

# (code, apis, rewrite, reason) -- reason is None when the shim routes the call faithfully.
_TABLE: tuple[tuple[str, tuple[str, ...], str, str | None], ...] = (
    ("SPK001", ("SparkSession.sparkContext",),
     "use the SparkSession itself (spark.createDataFrame, spark.read, spark.conf, "
     "spark.addArtifacts, spark.addTag)", None),
    ("SPK002", ("SparkSession._jsc", "SparkSession._jsparkSession", "SparkSession._jconf"),
     "the public SparkSession API (spark.conf, spark.catalog, spark.sql, spark.read, "
     "spark.udf)", "a Spark Connect session has no Py4J handle to the driver JVM"),
    ("SPK003", ("SparkSession._sc",),
     "use the SparkSession API (spark.createDataFrame, spark.read, spark.conf)", None),
    ("SPK004", ("SparkSession.newSession",),
     "SparkSession.builder.remote(url).create() for a separate session",
     "a Spark Connect client (before 4.3) cannot create a session that shares this one's "
     "SparkContext and cache"),
    ("SPK005", ("SparkContext.__init__", "SparkContext.getOrCreate"),
     "SparkSession.builder.getOrCreate()", None),
    ("SPK101", ("SparkContext.parallelize",), "spark.createDataFrame(data, schema)", None),
    ("SPK102", ("SparkContext.range",), "spark.range(start, end, step, numPartitions)", None),
    ("SPK103", ("SparkContext.emptyRDD",), "spark.createDataFrame([], schema)", None),
    ("SPK104", ("SparkContext.textFile",), "spark.read.text(path)", None),
    ("SPK105", ("SparkContext.wholeTextFiles",),
     'spark.read.text(path, wholetext=True).select(F.col("_metadata.file_path"), "value")', None),
    ("SPK106", ("SparkContext.binaryFiles",),
     'spark.read.format("binaryFile").load(path).select("path", "content")', None),
    ("SPK107", ("SparkContext.sequenceFile", "SparkContext.hadoopFile", "SparkContext.hadoopRDD",
                "SparkContext.newAPIHadoopFile", "SparkContext.newAPIHadoopRDD",
                "SparkContext.pickleFile", "SparkContext.objectFile",
                "SparkContext.binaryRecords", "RDD.saveAsPickleFile", "RDD.saveAsSequenceFile",
                "RDD.saveAsHadoopFile", "RDD.saveAsNewAPIHadoopFile", "RDD.saveAsHadoopDataset",
                "RDD.saveAsNewAPIHadoopDataset"),
     "a DataFrame data source (spark.read.format(...), df.write.format(...)) or a Python "
     "data source (spark.dataSource.register)", _HADOOP_REASON),
    ("SPK108", ("SparkContext.broadcast",),
     "reference the value directly in the UDF closure, or join with F.broadcast(lookup_df)", None),
    ("SPK109", ("SparkContext.accumulator",),
     "compute the value with an aggregation (df.agg(...)) or df.observe(Observation(...), ...)",
     "accumulator updates made inside tasks on the Spark Connect server never reach the client"),
    ("SPK110", ("SparkContext.setLogLevel",),
     "remove the call; set spark.log.level in the server configuration", None),
    ("SPK111", ("SparkContext.addPyFile", "SparkContext.addFile", "SparkContext.addArchive"),
     "spark.addArtifacts(path, pyfile=True | file=True | archive=True)", None),
    ("SPK112", ("SparkContext.getConf", "SparkContext._conf"),
     "spark.conf.get(key) / spark.conf.getAll", None),
    ("SPK113", ("SparkContext.appName", "SparkContext.applicationId", "SparkContext.master",
                "SparkContext.version", "SparkContext.startTime", "SparkContext.pythonVer"),
     'spark.conf.get("spark.app.name") / spark.conf.get("spark.app.id") / spark.version', None),
    ("SPK113", ("SparkContext.sparkUser",), 'spark.sql("SELECT current_user()").first()[0]',
     "Spark Connect exposes the session user (current_user()), not the operating-system user "
     "that runs the Spark driver"),
    ("SPK114", ("SparkContext.uiWebUrl", "SparkContext.statusTracker",
                "SparkContext.getLocalProperty", "SparkContext.setSystemProperty",
                "SparkContext.resources", "SparkContext.listFiles", "SparkContext.listArchives",
                "SparkContext.dump_profiles", "SparkContext.show_profiles",
                "SparkContext.runJob", "SparkContext.getCheckpointDir"),
     "spark.registerProgressHandler(...) for progress, spark.profile for UDF profiles; "
     "otherwise remove the call", _DRIVER_STATE_REASON),
    ("SPK115", ("SparkContext.defaultParallelism", "SparkContext.defaultMinPartitions"),
     'int(spark.conf.get("spark.sql.shuffle.partitions")) or rely on adaptive query execution',
     None),
    ("SPK116", ("SparkContext.setJobGroup", "SparkContext.setJobDescription",
                "SparkContext.cancelJobGroup", "SparkContext.cancelAllJobs"),
     "spark.addTag(tag) / spark.removeTag(tag) / spark.interruptTag(tag) / spark.interruptAll()",
     None),
    ("SPK116", ("SparkContext.setLocalProperty", "SparkContext.cancelJob"),
     "spark.addTag(tag) and spark.interruptTag(tag)",
     "scheduler pools, local properties and job ids are not visible to Spark Connect clients"),
    ("SPK117", ("SparkContext.setCheckpointDir",),
     "set spark.checkpoint.dir on the server and use df.checkpoint(), or use "
     "df.localCheckpoint()",
     "the checkpoint directory is server configuration (spark.checkpoint.dir)"),
    ("SPK118", ("SparkContext.union",),
     "functools.reduce(lambda a, b: a.unionByName(b), dataframes)", None),
    ("SPK120", ("SparkContext.*",), "use the SparkSession API",
     "this SparkContext member has no Spark Connect equivalent"),
    ("SPK120", ("SparkContext.stop",), "spark.stop()", None),
    ("SPK120", ("SparkContext.addJobTag", "SparkContext.removeJobTag",
                "SparkContext.getJobTags", "SparkContext.clearJobTags",
                "SparkContext.cancelJobsWithTag"),
     "spark.addTag / spark.removeTag / spark.getTags / spark.clearTags / spark.interruptTag",
     None),
    ("SPK201", ("SparkContext._jvm", "SparkContext._gateway", "SparkSession._jvm"),
     "SQL/DataFrame built-ins, or a function registered on the server and called with "
     "F.call_function", "Spark Connect clients have no Py4J gateway to the driver JVM"),
    ("SPK301", ("DataFrame.rdd",), "use DataFrame operations instead of the RDD bridge", None),
    ("SPK302", ("RDD.isEmpty",), "df.isEmpty()", None),
    ("SPK303", ("RDD.collect", "RDD.take", "RDD.first", "RDD.count", "RDD.toLocalIterator"),
     "df.collect() / df.take(n) / df.first() / df.count() / df.toLocalIterator()", None),
    ("SPK305", ("RDD.getNumPartitions",),
     "remove the call (debug output) or df.explain(); partitions are an execution detail "
     "under Connect", None),
    # Every other RDD method (the static checker's catch-all for the RDD bridge).
    ("SPK306", ("RDD.*",),
     "column expressions (select/withColumn/filter/explode), df.groupBy().agg(), df.join(), "
     "a udf/pandas_udf, or df.mapInPandas / df.mapInArrow",
     "this RDD method has no DataFrame-backed equivalent in sparkmigrate-runtime"),
    ("SPK306", ("RDD.map", "RDD.flatMap", "RDD.filter", "RDD.mapValues", "RDD.flatMapValues",
                "RDD.keyBy", "RDD.keys", "RDD.values", "RDD.foreach", "RDD.foreachPartition",
                "RDD.reduce", "RDD.fold", "RDD.aggregate", "RDD.sum", "RDD.max", "RDD.min",
                "RDD.mean", "RDD.stats", "RDD.top", "RDD.takeOrdered", "RDD.collectAsMap",
                "RDD.lookup", "RDD.countByValue", "RDD.distinct", "RDD.union", "RDD.sortBy",
                "RDD.groupBy", "RDD.cogroup", "RDD.join", "RDD.leftOuterJoin", "RDD.cartesian",
                "RDD.rightOuterJoin", "RDD.fullOuterJoin", "RDD.partitionBy",
                "RDD.getStorageLevel"),
     "column expressions (select/withColumn/filter/explode), df.groupBy().agg(), df.join(), "
     "df.orderBy(), a udf/pandas_udf, or df.mapInPandas / df.mapInArrow", None),
    ("SPK306", ("RDD.sample", "RDD.takeSample", "RDD.randomSplit", "RDD.sampleByKey"),
     "df.sample(withReplacement, fraction, seed) / df.randomSplit(weights, seed) / "
     "df.sampleBy(col, fractions, seed); takeSample -> df.sample(...).limit(n).collect() "
     "(the DataFrame sampler draws a different sample for the same seed)", None),
    ("SPK306", ("RDD.variance", "RDD.stdev", "RDD.sampleVariance", "RDD.sampleStdev"),
     "df.agg(F.var_pop(c)) / F.stddev_pop / F.var_samp / F.stddev_samp", None),
    ("SPK306", ("RDD.mapPartitionsWithSplit",),
     "df.mapInPandas(fn, schema) or df.mapInArrow(fn, schema); the partition index is "
     "F.spark_partition_id()", None),
    ("SPK306", ("RDD.checkpoint",),
     "df.checkpoint() (needs spark.checkpoint.dir on the server) or df.localCheckpoint()",
     "RDD checkpoints need a SparkContext checkpoint directory, which is server configuration"),
    ("SPK307", ("RDD.mapPartitions", "RDD.mapPartitionsWithIndex"),
     "df.mapInPandas(fn, schema) or df.mapInArrow(fn, schema); the partition index is "
     "F.spark_partition_id()", None),
    ("SPK308", ("RDD.zipWithIndex", "RDD.zipWithUniqueId"),
     "F.monotonically_increasing_id() (unique) or F.row_number().over(Window.orderBy(...)) - 1 "
     "(consecutive)", None),
    ("SPK309", ("RDD.reduceByKey", "RDD.groupByKey", "RDD.aggregateByKey", "RDD.combineByKey",
                "RDD.foldByKey", "RDD.countByKey", "RDD.sortByKey"),
     "df.groupBy(key).agg(...) / df.orderBy(key)", None),
    ("SPK310", ("RDD.toDF", "SparkSession.createDataFrame"),
     "spark.createDataFrame(local_data, schema) or keep the data as a DataFrame", None),
    ("SPK311", ("RDD.saveAsTextFile",), "df.write.text(path) (one string column)", None),
    ("SPK313", ("RDD.cache", "RDD.persist", "RDD.unpersist", "RDD.repartition", "RDD.coalesce",
                "RDD.glom"),
     "df.cache() / df.persist() / df.repartition(n) / df.coalesce(n); glom -> "
     "groupBy(F.spark_partition_id())", None),
    ("SPK203", ("DataFrame._jdf", "DataFrame._jseq", "DataFrame._jmap", "DataFrame._jcols"),
     "the public DataFrame API (df.explain(), df.schema, df.hint(...), F.call_function)",
     "a Spark Connect DataFrame has no Py4J handle to the driver JVM"),
    ("SPK401", ("DataFrame.toJSON",),
     'df.select(F.to_json(F.struct("*")).alias("value"))', None),
    ("SPK407", ("DataFrame.sql_ctx", "DataFrame._sc"),
     "df.sparkSession (SQLContext-only methods: the SparkSession equivalents of SPK502)", None),
    ("SPK407", ("DataFrame.sqlContext",), "df.sparkSession",
     "a DataFrame has no sqlContext attribute, on classic Spark either (df.sql_ctx is the "
     "classic name)"),
    ("SPK501", ("SQLContext.__init__", "SQLContext.getOrCreate"),
     "SparkSession.builder.getOrCreate()", None),
    ("SPK502", ("SQLContext.*", "HiveContext.*"),
     "the SparkSession equivalent: spark.sql, spark.table, spark.read, spark.catalog.*, "
     "spark.udf.register, df.createOrReplaceTempView, spark.conf", None),
    ("SPK502", ("SQLContext.newSession", "SQLContext._ssql_ctx", "HiveContext.newSession",
                "HiveContext._ssql_ctx"),
     "SparkSession.builder.remote(url).create() for an isolated session",
     "Spark Connect clients cannot create a new session that shares this one's cache"),
    ("SPK503", ("HiveContext.__init__", "HiveContext.getOrCreate"),
     "use the SparkSession; configure the Hive catalog on the Spark Connect server", None),
    ("SPK504", ("SQLContext.registerJavaFunction", "HiveContext.registerJavaFunction"),
     "spark.udf.registerJavaFunction(name, java_class, return_type)", None),
)

# The exact error Spark Connect raises when the API is used without the shim.
_CONNECT_ERRORS: dict[str, tuple[str, str]] = {
    "SparkSession.sparkContext": ("jvm_attribute", "sparkContext"),
    "SparkContext.__init__": ("context_unavailable", ""),
    "SparkContext.getOrCreate": ("context_unavailable", ""),
    "SparkSession._sc": ("attribute", "_sc"),
    "SparkSession._jsc": ("jvm_attribute", "_jsc"),
    "SparkSession._jsparkSession": ("jvm_attribute", "_jsparkSession"),
    "SparkSession._jconf": ("jvm_attribute", "_jconf"),
    "SparkSession._jvm": ("jvm_attribute", "_jvm"),
    "SparkSession.newSession": ("jvm_attribute", "newSession"),
    "DataFrame._jdf": ("jvm_attribute", "_jdf"),
    "DataFrame._jseq": ("jvm_attribute", "_jseq"),
    "DataFrame._jmap": ("jvm_attribute", "_jmap"),
    "DataFrame._jcols": ("jvm_attribute", "_jcols"),
    "DataFrame.sql_ctx": ("attribute", "sql_ctx"),
    "DataFrame.sqlContext": ("attribute", "sqlContext"),
    "DataFrame._sc": ("attribute", "_sc"),
    "DataFrame.rdd": ("not_implemented", "rdd"),
    "DataFrame.toJSON": ("not_implemented", "toJSON()"),
    "SQLContext.__init__": ("not_implemented", "SQLContext"),
    "SQLContext.getOrCreate": ("not_implemented", "SQLContext"),
    "HiveContext.__init__": ("not_implemented", "HiveContext"),
    "HiveContext.getOrCreate": ("not_implemented", "HiveContext"),
}


def _build() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for code, apis, rewrite, reason in _TABLE:
        for api in apis:
            if api in rules:
                raise AssertionError(f"duplicate rule entry for {api}")
            rules[api] = Rule(code, rewrite, reason, _CONNECT_ERRORS.get(api))
    return rules


RULES: dict[str, Rule] = _build()


def rule_for(api: str) -> Rule:
    """The rule of ``api`` (``Class.member``), falling back to the class's catch-all rule."""
    rule = RULES.get(api)
    if rule is None:
        owner = api.split(".", 1)[0]
        rule = RULES.get(f"{owner}.*")
    if rule is None:
        raise KeyError(f"no sparkmigrate rule for {api!r}")
    return rule


def all_codes() -> set[str]:
    """Every rule code the runtime can report."""
    return {rule.code for rule in RULES.values()}
