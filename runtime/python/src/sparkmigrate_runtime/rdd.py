"""The RDD facade: an RDD-like object backed by a Spark Connect DataFrame.

Elements live in the DataFrame in one of four encodings (:class:`Encoding`): the rows
themselves (``df.rdd``), rows as plain tuples (``wholeTextFiles``), the single column's value
(``textFile``, ``range``, ``toJSON``) or -- after any Python function has been applied -- a
cloudpickled value in a binary column ``value``. Chains of per-element functions are
pipelined with the per-partition work after them into one ``mapInArrow`` that reads plain
columns straight from Arrow (see :class:`ConnectRDD`); the code comes from :mod:`.portable`,
which is shipped by value. Key-based operations hash keys stably, combine map-side, shuffle the
combiners and merge them with Python equality, so results equal classic Spark's.

Every public method is recorded under its rule code; methods with no faithful equivalent
raise the Connect-style error described in docs/runtime.md.
"""

from __future__ import annotations

import copy
import enum
import functools
import heapq
import itertools
import math
import operator
import random
import sys
from collections import defaultdict
from collections.abc import Sized
from typing import Any, Callable, Iterator

from pyspark.errors import PySparkRuntimeError, PySparkTypeError, PySparkValueError
from pyspark.sql.connect import functions as F
from pyspark.sql.types import (
    ArrayType,
    BinaryType,
    BooleanType,
    ByteType,
    DataType,
    DateType,
    DoubleType,
    FloatType,
    IntegerType,
    LongType,
    MapType,
    NumericType,
    ShortType,
    StringType,
    StructField,
    StructType,
    TimestampNTZType,
    TimestampType,
    _has_nulltype,
    _infer_schema,
    _merge_type,
)
from pyspark.storagelevel import StorageLevel

from . import portable
from .callsite import warn_at_call_site
from .errors import NoFaithfulEquivalent
from .runtime import intercepted, refuse_attribute, refusing

try:  # the default partitioner of classic pair-RDD operations
    from pyspark.rdd import portable_hash as _classic_portable_hash
except ImportError:  # pyspark-client has no pyspark.rdd
    _classic_portable_hash = None

_HADOOP_CODECS = {
    "org.apache.hadoop.io.compress.GzipCodec": "gzip",
    "org.apache.hadoop.io.compress.BZip2Codec": "bzip2",
    "org.apache.hadoop.io.compress.DeflateCodec": "deflate",
    "org.apache.hadoop.io.compress.DefaultCodec": "deflate",
    "org.apache.hadoop.io.compress.SnappyCodec": "snappy",
    "org.apache.hadoop.io.compress.Lz4Codec": "lz4",
    "org.apache.hadoop.io.compress.ZStandardCodec": "zstd",
}


class Encoding(enum.Enum):
    """How a DataFrame row holds one RDD element."""

    ROW = "row"  # the Row itself
    TUPLE = "tuple"  # the row as a plain tuple
    SCALAR = "scalar"  # the value of the single column "value"
    PICKLED = "pickled"  # a cloudpickled value in the single binary column "value"


def _udf(function: Callable, return_type: DataType) -> Callable:
    """A pickle-based Python UDF, evaluated exactly once per row."""
    return F.udf(function, return_type, useArrow=False).asNondeterministic()


# Column types whose Arrow values are the Python values a pickled UDF receives, so that
# mapInArrow can read them directly (dates, timestamps, decimals, binary and nested types are
# converted differently and go through a pickling UDF first).
_PLAIN_TYPES = (StringType, LongType, IntegerType, ShortType, ByteType, DoubleType, FloatType,
                BooleanType)


def _udf_input(encoding: Encoding) -> tuple[Any, Callable[[Any], Any]]:
    """(UDF input column, worker-side function turning it into the element) for rows held in
    ``encoding``."""
    if encoding is Encoding.PICKLED:
        return F.col("value"), portable.loads
    if encoding is Encoding.SCALAR:
        return F.col("value"), portable.as_is
    decode = portable.as_is if encoding is Encoding.ROW else portable.as_tuple
    return F.struct(F.col("*")), decode


class ConnectRDD:
    """An RDD-like view of a Spark Connect DataFrame (see the module docstring).

    Narrow per-element transformations are kept as pending ``_stages`` over ``_frame``, not
    run one by one: the first operation that needs the elements runs the whole chain in one
    mapInArrow (see :func:`portable.staged`), as classic PySpark pipelines them. ``_df`` and
    ``_encoding`` are the elements after the stages; reading them settles the chain once.
    """

    def __init__(
        self, df: Any, encoding: Encoding, stages: tuple = (), reader: Any = None
    ) -> None:
        self._frame = df  # what the stages read
        self._kind = encoding  # how _frame holds one element
        self._stages = stages  # portable.mapped/flattened/kept stages, in order
        self._reader = reader  # how mapInArrow reads _frame's elements; None: not known yet
        self._settled: ConnectRDD | None = None

    # --- construction ---------------------------------------------------------------------

    @classmethod
    def of_rows(cls, df: Any) -> "ConnectRDD":
        return cls(df, Encoding.ROW)

    @classmethod
    def of_tuples(cls, df: Any) -> "ConnectRDD":
        return cls(df, Encoding.TUPLE)

    @classmethod
    def of_column(cls, df: Any, column: str, plain: bool = False) -> "ConnectRDD":
        """The values of ``column``; ``plain`` when its type is one Arrow hands over as the
        Python values classic gives (see :data:`_PLAIN_TYPES`), which saves asking."""
        reader = portable.arrow_reader(Encoding.SCALAR.value, ["value"]) if plain else None
        return cls(df.select(F.col(column).alias("value")), Encoding.SCALAR, reader=reader)

    @classmethod
    def of_pickled(cls, df: Any) -> "ConnectRDD":
        return cls(df, Encoding.PICKLED)

    # --- plumbing -------------------------------------------------------------------------

    @property
    def _df(self) -> Any:
        return self._settle()._frame if self._stages else self._frame

    @property
    def _encoding(self) -> Encoding:
        return Encoding.PICKLED if self._stages else self._kind

    @property
    def _session(self) -> Any:
        return self._frame.sparkSession

    def _settle(self) -> "ConnectRDD":
        """This RDD's elements as a DataFrame of pickled values (computed once)."""
        if self._settled is None:
            self._settled = self._map_partitions(portable.as_is)
        return self._settled

    def _then(self, stage: Callable) -> "ConnectRDD":
        return ConnectRDD(self._frame, self._kind, self._stages + (stage,), self._reader)

    def _input(self) -> tuple[Any, Callable[[Any], Any]]:
        """(UDF input column over ``_df``, worker-side function turning it into the element)."""
        return _udf_input(self._encoding)

    def _arrow_input(self) -> tuple[Any, Callable]:
        """(DataFrame, worker-side reader of its Arrow batches) giving ``_frame``'s elements."""
        if self._reader is None and self._kind is Encoding.PICKLED:
            self._reader = portable.iter_values
        elif self._reader is None:
            fields = self._frame.schema.fields
            plain = all(isinstance(field.dataType, _PLAIN_TYPES) for field in fields)
            names = [field.name for field in fields]
            self._reader = portable.arrow_reader(self._kind.value, names) if plain else False
        if self._reader is not False:
            return self._frame, self._reader
        column, decode = _udf_input(self._kind)  # other types: as a pickled UDF sees them
        pickler = _udf(portable.element_pickler(decode), BinaryType())
        return self._frame.select(pickler(column).alias("value")), portable.iter_values

    def _decode(self, row: Any) -> Any:
        """The element held by one collected row of ``_df``."""
        if self._encoding is Encoding.PICKLED:
            return portable.loads(row[0])
        if self._encoding is Encoding.SCALAR:
            return row[0]
        return row if self._encoding is Encoding.ROW else tuple(row)

    def _pickled(self) -> Any:
        """The elements as a DataFrame of one pickled ``value`` column."""
        if self._kind is Encoding.PICKLED and not self._stages:
            return self._frame
        return self._settle()._frame

    def _map(self, function: Callable) -> "ConnectRDD":
        return self._then(portable.mapped(function))

    def _flat_map(self, function: Callable) -> "ConnectRDD":
        return self._then(portable.flattened(function))

    def _map_partitions(self, function: Callable, with_index: bool = False) -> "ConnectRDD":
        frame, read = self._arrow_input()
        mapper = portable.partition_mapper(function, with_index, read, self._stages)
        return ConnectRDD.of_pickled(frame.mapInArrow(mapper, "value binary"))

    def _partition_results(self, function: Callable, with_index: bool = False) -> list:
        """Run ``function`` on every partition; its outputs, in partition order."""
        rows = self._map_partitions(function, with_index)._df.collect()
        return [portable.loads(row[0]) for row in rows]

    def _run_partitions(self, function: Callable) -> None:
        self._map_partitions(function)._df.collect()

    def _default_reduce_partitions(self) -> int:
        """Partitions of a shuffle when none are given (RDD._defaultReducePartitions)."""
        configured = self._session.conf.get("spark.default.parallelism", None)
        return int(configured) if configured else self._count_partitions()

    def _count_partitions(self) -> int:
        marked = self._frame.select(F.lit(1).alias("one"))  # stages never move elements
        return marked.mapInArrow(portable.partition_marker, "partition long").count()

    def _combine_by_key(
        self,
        create_combiner: Callable,
        merge_value: Callable,
        merge_combiners: Callable,
        num_partitions: int | None,
        partition_func: Callable | None,
    ) -> "ConnectRDD":
        """combineByKey: map-side combine, shuffle by key, merge with Python equality.

        Without ``num_partitions`` (and with the default partitioner) keys are shuffled by a
        process-independent hash into spark.sql.shuffle.partitions partitions; otherwise every
        key goes to partition ``partition_func(key) % num_partitions``, as in classic Spark.
        """
        custom = partition_func is not None and partition_func is not _classic_portable_hash
        if num_partitions is None and not custom:
            bucket: Callable[[Any], int] = portable.stable_hash
        else:
            partitions = num_partitions or self._default_reduce_partitions()
            bucket = portable.partition_bucket(
                partition_func or _classic_portable_hash or portable.stable_hash, partitions
            )
        frame, read = self._arrow_input()
        combine = portable.combine_partition(
            create_combiner, merge_value, bucket, read, self._stages
        )
        local = frame.mapInArrow(combine, "bucket long, value binary")
        if bucket is portable.stable_hash:
            shuffled = local.repartition(F.col("bucket"))
        else:
            shuffled = _repartition_by_id(local, partitions, "bucket")
        merged = ConnectRDD.of_pickled(shuffled.select("value"))
        return merged._map_partitions(portable.combiner_merger(merge_combiners))

    def _group_lists(self, num_partitions: int | None, partition_func: Callable | None):
        return self._combine_by_key(
            portable.list_create, portable.list_append, portable.list_extend,
            num_partitions, partition_func,
        )

    def _cogrouped(self, others: list["ConnectRDD"], num_partitions: int | None):
        """(key, [(source index, value), ...]) over self and ``others``."""
        tagged = [
            rdd._map(portable.value_mapper(portable.tagger(index)))
            for index, rdd in enumerate([self, *others])
        ]
        return ConnectRDD.union_all(tagged)._group_lists(num_partitions, None)

    def _sorted(self, key: Callable, ascending: bool, num_partitions: int | None):
        summaries = self._partition_results(portable.sort_key_summarizer(key))
        summary = functools.reduce(portable.merge_summaries, summaries, portable.new_summary())
        pickled = self._pickled()
        if not summary["kinds"]:
            return ConnectRDD.of_pickled(pickled)
        try:
            spark_type = portable.sort_key_type(summary)
        except TypeError as error:
            raise NoFaithfulEquivalent(str(error)) from None
        encode = _udf(portable.sort_key_encoder(key, spark_type), spark_type)
        keyed = pickled.select(encode(F.col("value")).alias("key"), "value")
        order = F.col("key").asc() if ascending else F.col("key").desc()
        if num_partitions is None:
            ordered = keyed.orderBy(order)
        else:
            ordered = keyed.repartitionByRange(num_partitions, order).sortWithinPartitions(order)
        return ConnectRDD.of_pickled(ordered.select("value"))

    @staticmethod
    def union_all(rdds: list["ConnectRDD"]) -> "ConnectRDD":
        """The concatenation of ``rdds`` (partitions in order, as RDD.union)."""
        for rdd in rdds:
            if not isinstance(rdd, ConnectRDD):
                raise TypeError(
                    f"union expects RDDs created on this Spark Connect session, got "
                    f"{type(rdd).__name__}"
                )
        first = rdds[0]
        if first._encoding is not Encoding.PICKLED and all(
            rdd._encoding is first._encoding and _same_shape(rdd, first) for rdd in rdds[1:]
        ):
            frames, encoding = [rdd._df for rdd in rdds], first._encoding
        else:
            frames, encoding = [rdd._pickled() for rdd in rdds], Encoding.PICKLED
        return ConnectRDD(functools.reduce(lambda a, b: a.union(b), frames), encoding)

    # --- actions --------------------------------------------------------------------------

    @intercepted("RDD.collect")
    def collect(self) -> list:
        return [self._decode(row) for row in self._df.collect()]

    @intercepted("RDD.count")
    def count(self) -> int:
        if self._stages:  # count in the pipeline rather than pickle every element
            return sum(self._partition_results(portable.counter))
        return self._df.count()

    @intercepted("RDD.take")
    def take(self, num: int) -> list:
        if num <= 0:
            return []
        return [self._decode(row) for row in self._df.limit(int(num)).collect()]

    @intercepted("RDD.first")
    def first(self) -> Any:
        items = self.take(1)
        if items:
            return items[0]
        raise ValueError("RDD is empty")

    @intercepted("RDD.isEmpty")
    def isEmpty(self) -> bool:
        return not self.take(1)

    @intercepted("RDD.toLocalIterator")
    def toLocalIterator(self, prefetchPartitions: bool = False) -> Iterator:
        return (self._decode(row) for row in self._df.toLocalIterator())

    @intercepted("RDD.reduce")
    def reduce(self, f: Callable) -> Any:
        values = self._partition_results(portable.reducer(f))
        if values:
            return functools.reduce(f, values)
        raise ValueError("Can not reduce() empty RDD")

    @intercepted("RDD.fold")
    def fold(self, zeroValue: Any, op: Callable) -> Any:
        return functools.reduce(op, self._partition_results(portable.folder(zeroValue, op)),
                                zeroValue)

    @intercepted("RDD.aggregate")
    def aggregate(self, zeroValue: Any, seqOp: Callable, combOp: Callable) -> Any:
        values = self._partition_results(portable.folder(zeroValue, seqOp))
        return functools.reduce(combOp, values, zeroValue)

    @intercepted("RDD.sum")
    def sum(self) -> Any:
        return functools.reduce(operator.add, self._partition_results(portable.summer), 0)

    @intercepted("RDD.max")
    def max(self, key: Callable | None = None) -> Any:
        return self.reduce(portable.chooser(max, key))

    @intercepted("RDD.min")
    def min(self, key: Callable | None = None) -> Any:
        return self.reduce(portable.chooser(min, key))

    @intercepted("RDD.stats")
    def stats(self) -> Any:
        counters = self._partition_results(portable.stat_counter)
        if not counters:
            raise ValueError("Can not reduce() empty RDD")
        return functools.reduce(lambda a, b: a.mergeStats(b), counters)

    @intercepted("RDD.mean")
    def mean(self) -> float:
        return self.stats().mean()

    @intercepted("RDD.variance")
    def variance(self) -> float:
        return self.stats().variance()

    @intercepted("RDD.stdev")
    def stdev(self) -> float:
        return self.stats().stdev()

    @intercepted("RDD.sampleVariance")
    def sampleVariance(self) -> float:
        return self.stats().sampleVariance()

    @intercepted("RDD.sampleStdev")
    def sampleStdev(self) -> float:
        return self.stats().sampleStdev()

    @intercepted("RDD.top")
    def top(self, num: int, key: Callable | None = None) -> list:
        parts = self._partition_results(portable.top_selector(num, key, largest=True))
        return heapq.nlargest(num, itertools.chain.from_iterable(parts), key=key)

    @intercepted("RDD.takeOrdered")
    def takeOrdered(self, num: int, key: Callable | None = None) -> list:
        if num < 0:
            raise ValueError("top N cannot be negative.")
        parts = self._partition_results(portable.top_selector(num, key, largest=False))
        return heapq.nsmallest(num, itertools.chain.from_iterable(parts), key=key)

    @intercepted("RDD.collectAsMap")
    def collectAsMap(self) -> dict:
        return dict(self.collect())

    @intercepted("RDD.lookup")
    def lookup(self, key: Any) -> list:
        return self.filter(portable.key_matcher(key)).values().collect()

    @intercepted("RDD.countByValue")
    def countByValue(self) -> dict:
        counts: dict = defaultdict(int)
        for partial in self._partition_results(portable.value_counter):
            for value, count in partial.items():
                counts[value] += count
        return counts

    @intercepted("RDD.countByKey")
    def countByKey(self) -> dict:
        return self.keys().countByValue()

    @intercepted("RDD.getNumPartitions")
    def getNumPartitions(self) -> int:
        return self._count_partitions()

    @intercepted("RDD.foreach")
    def foreach(self, f: Callable) -> None:
        self._run_partitions(portable.element_runner(f))

    @intercepted("RDD.foreachPartition")
    def foreachPartition(self, f: Callable) -> None:
        self._run_partitions(portable.partition_runner(f))

    # --- per-element transformations ------------------------------------------------------

    @intercepted("RDD.map")
    def map(self, f: Callable, preservesPartitioning: bool = False) -> "ConnectRDD":
        return self._map(f)

    @intercepted("RDD.flatMap")
    def flatMap(self, f: Callable, preservesPartitioning: bool = False) -> "ConnectRDD":
        return self._flat_map(f)

    @intercepted("RDD.filter")
    def filter(self, f: Callable) -> "ConnectRDD":
        return self._then(portable.kept(f))

    @intercepted("RDD.mapValues")
    def mapValues(self, f: Callable) -> "ConnectRDD":
        return self._map(portable.value_mapper(f))

    @intercepted("RDD.flatMapValues")
    def flatMapValues(self, f: Callable) -> "ConnectRDD":
        return self._flat_map(portable.value_flat_mapper(f))

    @intercepted("RDD.keyBy")
    def keyBy(self, f: Callable) -> "ConnectRDD":
        return self._map(portable.key_by(f))

    @intercepted("RDD.keys")
    def keys(self) -> "ConnectRDD":
        return self._map(operator.itemgetter(0))

    @intercepted("RDD.values")
    def values(self) -> "ConnectRDD":
        return self._map(operator.itemgetter(1))

    # --- per-partition transformations ----------------------------------------------------

    @intercepted("RDD.mapPartitions")
    def mapPartitions(self, f: Callable, preservesPartitioning: bool = False) -> "ConnectRDD":
        return self._map_partitions(f)

    @intercepted("RDD.mapPartitionsWithIndex")
    def mapPartitionsWithIndex(
        self, f: Callable, preservesPartitioning: bool = False
    ) -> "ConnectRDD":
        return self._map_partitions(f, with_index=True)

    @intercepted("RDD.mapPartitionsWithSplit")
    def mapPartitionsWithSplit(
        self, f: Callable, preservesPartitioning: bool = False
    ) -> "ConnectRDD":
        warn_at_call_site(
            "mapPartitionsWithSplit is deprecated; use mapPartitionsWithIndex instead",
            FutureWarning,
        )
        return self._map_partitions(f, with_index=True)

    @intercepted("RDD.zipWithIndex")
    def zipWithIndex(self) -> "ConnectRDD":
        sizes = dict(self._partition_results(portable.partition_size, with_index=True))
        offsets, total = {}, 0
        for index in sorted(sizes):
            offsets[index], total = total, total + sizes[index]
        return self._map_partitions(portable.index_zipper(offsets), with_index=True)

    @intercepted("RDD.zipWithUniqueId")
    def zipWithUniqueId(self) -> "ConnectRDD":
        partitions = self._count_partitions()
        return self._map_partitions(portable.unique_id_zipper(partitions), with_index=True)

    # --- random sampling ------------------------------------------------------------------
    #
    # Classic's algorithms (pyspark.rddsampler, RDD.takeSample): every partition is sampled by
    # a generator seeded from the seed and the partition index, so with the same seed and the
    # same partitions (parallelize, range, numPartitions-shaped data) the sample is classic's.

    def _sampled(self, sampler: Callable) -> "ConnectRDD":
        return self._map_partitions(sampler, with_index=True)

    @intercepted("RDD.sample")
    def sample(
        self, withReplacement: bool, fraction: float, seed: int | None = None
    ) -> "ConnectRDD":
        if not fraction >= 0:
            raise ValueError("Fraction must be nonnegative.")
        if seed is None:  # classic draws one seed on the driver for every partition
            seed = random.randint(0, sys.maxsize)
        return self._sampled(portable.fraction_sampler(bool(withReplacement), fraction, seed))

    @intercepted("RDD.takeSample")
    def takeSample(self, withReplacement: bool, num: int, seed: int | None = None) -> list:
        limit = sys.maxsize - int(10.0 * math.sqrt(sys.maxsize))
        if num < 0:
            raise ValueError("Sample size cannot be negative.")
        if num > limit:
            raise ValueError("Sample size cannot be greater than %d." % limit)
        if num == 0:
            return []
        total = self.count()  # classic also asks for the partition count; 0 partitions = 0 rows
        if total == 0:
            return []
        shuffler = random.Random(seed)
        if not withReplacement and num >= total:
            everything = self.collect()
            shuffler.shuffle(everything)
            return everything
        fraction = _fraction_for_sample_size(num, total, bool(withReplacement))
        samples = self.sample(withReplacement, fraction, seed).collect()
        while len(samples) < num:  # rare (the fraction aims at 99.99%): draw again
            seed = shuffler.randint(0, sys.maxsize)
            samples = self.sample(withReplacement, fraction, seed).collect()
        shuffler.shuffle(samples)
        return samples[0:num]

    @intercepted("RDD.randomSplit")
    def randomSplit(self, weights: list, seed: int | None = None) -> list["ConnectRDD"]:
        if not all(weight >= 0 for weight in weights):
            raise ValueError("Weights must be nonnegative")
        total = float(sum(weights))
        if not total > 0:
            raise ValueError("Sum of weights must be positive")
        bounds = [0.0]
        for weight in weights:
            bounds.append(bounds[-1] + weight / total)
        if seed is None:
            seed = random.randint(0, 2**32 - 1)
        return [self._sampled(portable.range_sampler(lower, upper, seed))
                for lower, upper in zip(bounds, bounds[1:])]

    @intercepted("RDD.sampleByKey")
    def sampleByKey(
        self, withReplacement: bool, fractions: dict, seed: int | None = None
    ) -> "ConnectRDD":
        for fraction in fractions.values():
            assert fraction >= 0.0, "Negative fraction value: %s" % fraction
        if seed is None:
            seed = random.randint(0, sys.maxsize)
        return self._sampled(
            portable.stratified_sampler(bool(withReplacement), dict(fractions), seed)
        )

    # --- key-based operations -------------------------------------------------------------

    @intercepted("RDD.combineByKey")
    def combineByKey(
        self,
        createCombiner: Callable,
        mergeValue: Callable,
        mergeCombiners: Callable,
        numPartitions: int | None = None,
        partitionFunc: Callable | None = None,
    ) -> "ConnectRDD":
        return self._combine_by_key(
            createCombiner, mergeValue, mergeCombiners, numPartitions, partitionFunc
        )

    @intercepted("RDD.reduceByKey")
    def reduceByKey(
        self, func: Callable, numPartitions: int | None = None,
        partitionFunc: Callable | None = None,
    ) -> "ConnectRDD":
        return self._combine_by_key(portable.as_is, func, func, numPartitions, partitionFunc)

    @intercepted("RDD.foldByKey")
    def foldByKey(
        self, zeroValue: Any, func: Callable, numPartitions: int | None = None,
        partitionFunc: Callable | None = None,
    ) -> "ConnectRDD":
        create = portable.value_creator(zeroValue, func)
        return self._combine_by_key(create, func, func, numPartitions, partitionFunc)

    @intercepted("RDD.aggregateByKey")
    def aggregateByKey(
        self, zeroValue: Any, seqFunc: Callable, combFunc: Callable,
        numPartitions: int | None = None, partitionFunc: Callable | None = None,
    ) -> "ConnectRDD":
        create = portable.value_creator(zeroValue, seqFunc)
        return self._combine_by_key(create, seqFunc, combFunc, numPartitions, partitionFunc)

    @intercepted("RDD.groupByKey")
    def groupByKey(
        self, numPartitions: int | None = None, partitionFunc: Callable | None = None
    ) -> "ConnectRDD":
        grouped = self._group_lists(numPartitions, partitionFunc)
        return grouped._map(portable.value_mapper(portable.as_result_iterable))

    @intercepted("RDD.groupBy")
    def groupBy(
        self, f: Callable, numPartitions: int | None = None,
        partitionFunc: Callable | None = None,
    ) -> "ConnectRDD":
        return self.keyBy(f).groupByKey(numPartitions, partitionFunc)

    @intercepted("RDD.distinct")
    def distinct(self, numPartitions: int | None = None) -> "ConnectRDD":
        pairs = self._map(portable.pair_with_none)
        unique = pairs._combine_by_key(
            portable.as_is, portable.keep_first, portable.keep_first, numPartitions, None
        )
        return unique._map(operator.itemgetter(0))

    @intercepted("RDD.sortBy")
    def sortBy(
        self, keyfunc: Callable, ascending: bool = True, numPartitions: int | None = None
    ) -> "ConnectRDD":
        return self._sorted(keyfunc, ascending, numPartitions)

    @intercepted("RDD.sortByKey")
    def sortByKey(
        self, ascending: bool = True, numPartitions: int | None = None,
        keyfunc: Callable = portable.as_is,
    ) -> "ConnectRDD":
        return self._sorted(portable.key_of_pair(keyfunc), ascending, numPartitions)

    @intercepted("RDD.cogroup")
    def cogroup(self, other: "ConnectRDD", numPartitions: int | None = None) -> "ConnectRDD":
        grouped = self._cogrouped([other], numPartitions)
        return grouped._map(portable.value_mapper(portable.cogroup_splitter(2)))

    def _join(self, other: "ConnectRDD", num_partitions: int | None, left: bool, right: bool):
        grouped = self._cogrouped([other], num_partitions)
        return grouped._flat_map(portable.value_flat_mapper(portable.join_dispatcher(left, right)))

    @intercepted("RDD.join")
    def join(self, other: "ConnectRDD", numPartitions: int | None = None) -> "ConnectRDD":
        return self._join(other, numPartitions, left=False, right=False)

    @intercepted("RDD.leftOuterJoin")
    def leftOuterJoin(self, other: "ConnectRDD", numPartitions: int | None = None):
        return self._join(other, numPartitions, left=True, right=False)

    @intercepted("RDD.rightOuterJoin")
    def rightOuterJoin(self, other: "ConnectRDD", numPartitions: int | None = None):
        return self._join(other, numPartitions, left=False, right=True)

    @intercepted("RDD.fullOuterJoin")
    def fullOuterJoin(self, other: "ConnectRDD", numPartitions: int | None = None):
        return self._join(other, numPartitions, left=True, right=True)

    @intercepted("RDD.cartesian")
    def cartesian(self, other: "ConnectRDD") -> "ConnectRDD":
        """Every pair (a, b) in classic's order: each partition of this RDD with each of the
        other's in turn, each element of the first with every element of the second. The
        order comes from monotonically_increasing_id (the partition above bit 33, the
        position within it below)."""
        ids = F.monotonically_increasing_id()
        left = self._pickled().select(F.col("value").alias("a"), ids.alias("ai"))
        right = other._pickled().select(F.col("value").alias("b"), ids.alias("bi"))
        pairs = left.crossJoin(right).orderBy(
            F.shiftright("ai", 33), F.shiftright("bi", 33), "ai", "bi")
        pickler = _udf(portable.pair_pickler, BinaryType())
        return ConnectRDD.of_pickled(pairs.select(pickler("a", "b").alias("value")))

    @intercepted("RDD.union")
    def union(self, other: "ConnectRDD") -> "ConnectRDD":
        return ConnectRDD.union_all([self, other])

    # --- persistence and partitioning -----------------------------------------------------

    @intercepted("RDD.cache")
    def cache(self) -> "ConnectRDD":
        return self.persist(StorageLevel.MEMORY_ONLY)

    @intercepted("RDD.persist")
    def persist(self, storageLevel: StorageLevel = StorageLevel.MEMORY_ONLY) -> "ConnectRDD":
        if self._stages:  # what follows must read the cached elements, not rerun the stages
            settled = self._settle()
            self._frame, self._kind, self._stages = settled._frame, settled._kind, ()
            self._reader = settled._reader
        self._frame.persist(storageLevel)
        return self

    @intercepted("RDD.unpersist")
    def unpersist(self, blocking: bool = False) -> "ConnectRDD":
        self._df.unpersist(blocking)
        return self

    @intercepted("RDD.getStorageLevel")
    def getStorageLevel(self) -> StorageLevel:
        return self._df.storageLevel

    @intercepted("RDD.repartition")
    def repartition(self, numPartitions: int) -> "ConnectRDD":
        return ConnectRDD(self._df.repartition(numPartitions), self._encoding)

    @intercepted("RDD.coalesce")
    def coalesce(self, numPartitions: int, shuffle: bool = False) -> "ConnectRDD":
        if shuffle:
            return ConnectRDD(self._df.repartition(numPartitions), self._encoding)
        return ConnectRDD(self._df.coalesce(numPartitions), self._encoding)

    @intercepted("RDD.glom")
    def glom(self) -> "ConnectRDD":
        return self._map_partitions(portable.glommer)

    @intercepted("RDD.partitionBy")
    def partitionBy(
        self, numPartitions: int | None, partitionFunc: Callable | None = None
    ) -> "ConnectRDD":
        partitions = numPartitions or self._default_reduce_partitions()
        func = partitionFunc or _classic_portable_hash or portable.stable_hash
        bucket = _udf(portable.pair_bucketer(portable.partition_bucket(func, partitions)),
                      LongType())
        pickled = self._pickled()
        keyed = pickled.select(bucket(F.col("value")).alias("bucket"), "value")
        return ConnectRDD.of_pickled(_repartition_by_id(keyed, partitions, "bucket")
                                     .select("value"))

    # --- conversion and output ------------------------------------------------------------

    @intercepted("RDD.toDF")
    def toDF(self, schema: Any = None, sampleRatio: float | None = None) -> Any:
        return to_dataframe(self, schema, sampleRatio, verify_schema=True)

    @intercepted("RDD.saveAsTextFile")
    def saveAsTextFile(self, path: str, compressionCodecClass: str | None = None) -> None:
        column, decode = self._input()
        line = _udf(portable.composed(portable.text_line, decode), StringType())
        writer = self._df.select(line(column).alias("value")).write
        if compressionCodecClass is not None:
            codec = _HADOOP_CODECS.get(compressionCodecClass)
            if codec is None:
                raise NoFaithfulEquivalent(
                    f"the text writer has no compression codec {compressionCodecClass}"
                )
            writer = writer.option("compression", codec)
        writer.text(path)

    saveAsPickleFile = refusing("RDD.saveAsPickleFile")
    saveAsSequenceFile = refusing("RDD.saveAsSequenceFile")
    saveAsHadoopFile = refusing("RDD.saveAsHadoopFile")
    saveAsNewAPIHadoopFile = refusing("RDD.saveAsNewAPIHadoopFile")
    saveAsHadoopDataset = refusing("RDD.saveAsHadoopDataset")
    saveAsNewAPIHadoopDataset = refusing("RDD.saveAsNewAPIHadoopDataset")
    checkpoint = refusing("RDD.checkpoint")

    # --- object protocol ------------------------------------------------------------------

    @property
    def context(self) -> Any:
        """The SparkContext facade of this RDD's session (classic ``rdd.context``)."""
        from .context import context_for

        return context_for(self._session)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return refuse_attribute(f"RDD.{name}")

    def __reduce__(self) -> Any:
        raise PySparkRuntimeError(
            errorClass="RDD_TRANSFORM_ONLY_VALID_ON_DRIVER", messageParameters={}
        )

    def __repr__(self) -> str:
        return f"ConnectRDD[{self._encoding.value}] over {self._df!r}"


def _fraction_for_sample_size(wanted: int, total: int, with_replacement: bool) -> float:
    """A sampling fraction that yields at least ``wanted`` of ``total`` elements 99.99% of the
    time (classic RDD._computeFractionForSampleSize: a Poisson bound with replacement, a
    binomial one without)."""
    fraction = float(wanted) / total
    if with_replacement:
        deviations = 9 if wanted < 12 else 5
        return fraction + deviations * math.sqrt(fraction / total)
    gamma = -math.log(0.00005) / total
    return min(1, fraction + gamma + math.sqrt(gamma * gamma + 2 * gamma * fraction))


def _same_shape(rdd: ConnectRDD, other: ConnectRDD) -> bool:
    """Whether two non-pickled RDDs can be unioned as DataFrames without changing elements."""
    fields, other_fields = rdd._df.schema.fields, other._df.schema.fields
    if len(fields) != len(other_fields):
        return False
    names_matter = rdd._encoding is Encoding.ROW
    return all(
        a.dataType == b.dataType and (not names_matter or a.name == b.name)
        for a, b in zip(fields, other_fields)
    )


def _repartition_by_id(df: Any, partitions: int, column: str) -> Any:
    """Rows into partition ``column`` exactly (DataFrame.repartitionById, pyspark >= 4.1)."""
    if not hasattr(df, "repartitionById"):
        raise NoFaithfulEquivalent(
            "placing keys in exact partitions needs DataFrame.repartitionById (pyspark 4.1+)"
        )
    return df.repartitionById(partitions, F.col(column).cast("int"))


# --- createDataFrame(rdd) / rdd.toDF() --------------------------------------------------------

_INFERENCE_CONFS = (
    "spark.sql.pyspark.inferNestedDictAsStruct.enabled",
    "spark.sql.pyspark.legacy.inferArrayTypeFromFirstElement.enabled",
    "spark.sql.pyspark.legacy.inferMapTypeFromFirstPair.enabled",
    "spark.sql.timestampType",
)


def _inference_options(session: Any) -> dict[str, bool]:
    confs = session.client.get_config_dict(*_INFERENCE_CONFS)

    def enabled(key: str) -> bool:
        return str(confs.get(key, "false")).lower() == "true"

    return {
        "infer_dict_as_struct": enabled(_INFERENCE_CONFS[0]),
        "infer_array_from_first_element": enabled(_INFERENCE_CONFS[1]),
        "infer_map_from_first_pair": enabled(_INFERENCE_CONFS[2]),
        "prefer_timestamp_ntz": confs.get(_INFERENCE_CONFS[3]) == "TIMESTAMP_NTZ",
    }


def _infer_struct(rdd: ConnectRDD, sampling_ratio: float | None, names: list[str] | None):
    """The schema classic Spark infers for createDataFrame(rdd) (SparkSession._inferSchema)."""
    options = _inference_options(rdd._session)
    if sampling_ratio is not None:
        sample = rdd if sampling_ratio >= 0.99 else ConnectRDD.of_pickled(
            rdd._pickled().sample(False, float(sampling_ratio))
        )
        schemas = sample._partition_results(portable.schema_inferrer(names, options))
        if not schemas:
            raise ValueError("Can not reduce() empty RDD")
        return functools.reduce(_merge_type, schemas)
    first = rdd.first()
    if isinstance(first, Sized) and len(first) == 0:
        raise PySparkValueError(errorClass="CANNOT_INFER_EMPTY_SCHEMA", messageParameters={})
    schema = _infer_schema(
        first, names=names, infer_dict_as_struct=options["infer_dict_as_struct"],
        prefer_timestamp_ntz=options["prefer_timestamp_ntz"],
    )
    if _has_nulltype(schema):
        for row in rdd.take(100)[1:]:
            schema = _merge_type(schema, _infer_schema(row, names=names, **options))
            if not _has_nulltype(schema):
                break
        else:
            raise PySparkValueError(errorClass="CANNOT_DETERMINE_TYPE", messageParameters={})
    return schema


def to_dataframe(
    rdd: ConnectRDD, schema: Any = None, sampling_ratio: float | None = None,
    verify_schema: bool = True,
) -> Any:
    """``spark.createDataFrame(rdd, schema)`` with classic Spark's inference and conversion."""
    if isinstance(schema, str):
        schema = rdd._session._parse_ddl(schema)
    if isinstance(schema, StructType):
        kind, converter_schema, struct = "struct", schema, schema
    elif isinstance(schema, DataType):
        kind, converter_schema = "atomic", schema
        struct = StructType().add("value", schema)
    elif schema is None or isinstance(schema, (list, tuple)):
        names = None if schema is None else [str(name) for name in schema]
        kind = "inferred"
        converter_schema = _infer_struct(rdd, sampling_ratio, names)
        struct = copy.deepcopy(converter_schema)
        for index, name in enumerate(names or []):
            struct.fields[index].name = name
            struct.names[index] = name
    else:
        raise PySparkTypeError(
            errorClass="NOT_LIST_OR_NONE_OR_STRUCT",
            messageParameters={"arg_name": "schema", "arg_type": type(schema).__name__},
        )
    column, decode = rdd._input()
    convert = _udf(portable.dataframe_row(decode, kind, converter_schema, verify_schema), struct)
    rows = rdd._df.select(convert(column).alias("row"))
    if all(field.nullable for field in struct.fields):
        return rows.select("row.*")
    # A UDF result is always nullable; verified rows hold no nulls in non-nullable fields, so
    # coalescing with a typed zero restores the declared nullability without changing values.
    return rows.select([_declared_field(F.col("row").getField(field.name), field)
                        for field in struct.fields])


def _declared_field(column: Any, field: StructField) -> Any:
    zero = None if field.nullable else _zero(field.dataType)
    return (column if zero is None else F.coalesce(column, zero)).alias(field.name)


def _zero(data_type: DataType) -> Any:
    """A non-null literal of ``data_type`` (None for types without an obvious one)."""
    if isinstance(data_type, (NumericType,)):
        return F.lit(0).cast(data_type)
    if isinstance(data_type, (StringType, BinaryType)):
        return F.lit("").cast(data_type)
    if isinstance(data_type, BooleanType):
        return F.lit(False)
    if isinstance(data_type, (DateType, TimestampType, TimestampNTZType)):
        return F.lit("1970-01-01").cast(data_type)
    if isinstance(data_type, ArrayType):
        return F.array().cast(data_type)
    if isinstance(data_type, MapType):
        return F.create_map().cast(data_type)
    if isinstance(data_type, StructType):
        fields = [(_zero(field.dataType), field.name) for field in data_type.fields]
        if all(zero is not None for zero, _ in fields):
            return F.struct(*[zero.alias(name) for zero, name in fields])
    return None
