"""Code that runs inside Spark's Python workers on the Spark Connect server.

Every function or class that the RDD facade ships to the server (UDF bodies, mapInArrow
partition functions, the broadcast holder) lives here, and this module is registered with
cloudpickle to be pickled *by value* (see ``sparkmigrate_runtime/__init__.py``): the server
never needs sparkmigrate-runtime installed. Keep it self-contained -- standard library,
pyspark and pyarrow only, never another sparkmigrate_runtime module.

Elements of an RDD that are arbitrary Python values travel as cloudpickled bytes in a single
binary column named ``value``; mapInArrow functions receive and produce Arrow batches of it.
"""

from __future__ import annotations

import collections
import copy
import datetime
import decimal
import fractions
import functools
import heapq
import itertools
import math
import os
import pickle
import random
import zlib
from typing import Any, Callable, Iterable, Iterator

import pyarrow as pa
from pyspark import cloudpickle
from pyspark.util import fail_on_stopiteration

VALUE_SCHEMA = pa.schema([("value", pa.binary())])
KEYED_SCHEMA = pa.schema([("bucket", pa.int64()), ("value", pa.binary())])
MARKER_SCHEMA = pa.schema([("partition", pa.int64())])
_BATCH_ROWS = 1024
_INT64_MASK = (1 << 63) - 1


# --- element encoding -------------------------------------------------------------------

def dumps(value: Any) -> bytes:
    return cloudpickle.dumps(value)


def loads(data: bytes) -> Any:
    return pickle.loads(data)


def as_is(value: Any) -> Any:
    return value


def as_tuple(row: Any) -> tuple:
    return tuple(row)


def iter_values(batches: Iterable[pa.RecordBatch]) -> Iterator[Any]:
    """The elements held in Arrow batches of a single pickled ``value`` column."""
    for batch in batches:
        for data in batch.column(0).to_pylist():
            yield loads(data)


def arrow_reader(kind: str, names: list[str]) -> Callable[[Iterable[pa.RecordBatch]], Iterator]:
    """Reads the elements of an RDD straight from Arrow batches of plain columns.

    Only for columns whose Arrow values are the Python values a pickled UDF would receive
    (strings, integers, floating point, booleans; the facade checks): ``kind`` is the
    encoding's name (``scalar``: the single column's value, ``tuple``: the row as a tuple,
    ``row``: a Row with the column names).
    """

    def read(batches: Iterable[pa.RecordBatch]) -> Iterator[Any]:
        from pyspark.sql.types import _create_row

        for batch in batches:
            columns = [column.to_pylist() for column in batch.columns]
            if kind == "scalar":
                yield from columns[0]
            elif kind == "tuple":
                yield from zip(*columns)
            else:
                for values in zip(*columns):
                    yield _create_row(names, list(values))

    return read


# --- pipelined per-element stages -----------------------------------------------------------
#
# Narrow transformations (map, filter, flatMap and the pair-RDD ones built on them) are not run
# one by one: the facade keeps them as stages and runs the whole chain in the one mapInArrow
# that needs its elements, as classic PySpark pipelines them in one Python worker pass. As in
# classic, a StopIteration escaping a user function is an error, not a silent end of the data.

def _stage(function: Callable, over: Callable) -> Callable[[Iterator], Iterator]:
    """A stage running ``over(function, values)`` with ``function`` made StopIteration-safe."""
    safe = fail_on_stopiteration(function)

    def stage(values: Iterator[Any]) -> Iterator[Any]:
        return over(safe, values)

    return stage


def _flat_map(function: Callable, values: Iterator[Any]) -> Iterator[Any]:
    return itertools.chain.from_iterable(map(function, values))


def mapped(function: Callable) -> Callable[[Iterator], Iterator]:
    return _stage(function, map)


def flattened(function: Callable) -> Callable[[Iterator], Iterator]:
    return _stage(function, _flat_map)


def kept(function: Callable) -> Callable[[Iterator], Iterator]:
    return _stage(function, filter)


def staged(
    read: Callable[[Iterable[pa.RecordBatch]], Iterator], stages: tuple,
    batches: Iterable[pa.RecordBatch],
) -> Iterator[Any]:
    """The elements of a partition: read from its batches, then through every stage."""
    values = read(batches)
    for stage in stages:
        values = stage(values)
    return values


def to_batches(rows: Iterable[tuple], schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """Arrow batches of ``schema`` holding ``rows`` (tuples in schema order)."""
    columns: list[list[Any]] = [[] for _ in schema]
    for row in rows:
        for column, value in zip(columns, row):
            column.append(value)
        if len(columns[0]) >= _BATCH_ROWS:
            yield _batch(columns, schema)
            columns = [[] for _ in schema]
    if columns[0]:
        yield _batch(columns, schema)


def _batch(columns: list[list[Any]], schema: pa.Schema) -> pa.RecordBatch:
    arrays = [pa.array(column, type=field.type) for column, field in zip(columns, schema)]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def partition_index() -> int:
    from pyspark import TaskContext

    return TaskContext.get().partitionId()


# --- per-element UDF bodies ---------------------------------------------------------------

def element_pickler(decode: Callable[[Any], Any]) -> Callable[[Any], bytes]:
    def apply(value: Any) -> bytes:
        return dumps(decode(value))

    return apply


def value_mapper(function: Callable) -> Callable[[tuple], tuple]:
    def apply(pair: Any) -> tuple:
        return pair[0], function(pair[1])

    return apply


def value_flat_mapper(function: Callable) -> Callable[[tuple], Iterator[tuple]]:
    def apply(pair: Any) -> Iterator[tuple]:
        return ((pair[0], item) for item in function(pair[1]))

    return apply


def key_by(function: Callable) -> Callable[[Any], tuple]:
    def apply(value: Any) -> tuple:
        return function(value), value

    return apply


def pair_with_none(value: Any) -> tuple:
    return value, None


def pair_pickler(first: bytes, second: bytes) -> bytes:
    """The pickled pair of two pickled values (RDD.cartesian)."""
    return dumps((loads(first), loads(second)))


def keep_first(first: Any, _second: Any) -> Any:
    return first


def composed(outer: Callable, inner: Callable) -> Callable:
    def apply(value: Any) -> Any:
        return outer(inner(value))

    return apply


def key_matcher(key: Any) -> Callable[[Any], bool]:
    def apply(pair: Any) -> bool:
        return pair[0] == key

    return apply


def chooser(pick: Callable, key: Callable | None) -> Callable[[Any, Any], Any]:
    """``max``/``min`` of two values, optionally by ``key`` (RDD.max / RDD.min)."""

    def apply(first: Any, second: Any) -> Any:
        return pick(first, second) if key is None else pick(first, second, key=key)

    return apply


def text_line(value: Any) -> str:
    """What saveAsTextFile writes for one element."""
    return value.decode("utf-8") if isinstance(value, (bytes, bytearray)) else str(value)


# --- per-partition functions (mapInArrow) -------------------------------------------------

def partition_mapper(
    function: Callable, with_index: bool = False,
    read: Callable[[Iterable[pa.RecordBatch]], Iterator] = iter_values, stages: tuple = (),
) -> Callable:
    """A mapInArrow function applying ``function`` to the elements of each partition, as
    ``read`` finds them in its batches and ``stages`` transform them."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        values = staged(read, stages, batches)
        produced = function(partition_index(), values) if with_index else function(values)
        yield from to_batches(((dumps(item),) for item in produced), VALUE_SCHEMA)

    return run


def partition_marker(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """One row per partition, empty partitions included: counting rows counts partitions."""
    for _ in batches:
        pass
    yield from to_batches([(partition_index(),)], MARKER_SCHEMA)


def glommer(values: Iterator[Any]) -> Iterator[list]:
    yield list(values)


def partition_size(index: int, values: Iterator[Any]) -> Iterator[tuple[int, int]]:
    yield index, sum(1 for _ in values)


def index_zipper(offsets: dict[int, int]) -> Callable:
    def apply(index: int, values: Iterator[Any]) -> Iterator[tuple]:
        for position, value in enumerate(values, offsets[index]):
            yield value, position

    return apply


def unique_id_zipper(partitions: int) -> Callable:
    def apply(index: int, values: Iterator[Any]) -> Iterator[tuple]:
        for position, value in enumerate(values):
            yield value, position * partitions + index

    return apply


def reducer(function: Callable) -> Callable:
    def apply(values: Iterator[Any]) -> Iterator[Any]:
        try:
            initial = next(values)
        except StopIteration:
            return
        yield functools.reduce(function, values, initial)

    return apply


def folder(zero: Any, operation: Callable) -> Callable:
    def apply(values: Iterator[Any]) -> Iterator[Any]:
        accumulator = copy.deepcopy(zero)
        for value in values:
            accumulator = operation(accumulator, value)
        yield accumulator

    return apply


def summer(values: Iterator[Any]) -> Iterator[Any]:
    yield sum(values)


def counter(values: Iterator[Any]) -> Iterator[int]:
    yield sum(1 for _ in values)


def stat_counter(values: Iterator[Any]) -> Iterator[Any]:
    from pyspark.statcounter import StatCounter

    yield StatCounter(values)


def value_counter(values: Iterator[Any]) -> Iterator[dict]:
    counts: dict = collections.defaultdict(int)
    for value in values:
        counts[value] += 1
    yield counts


def top_selector(count: int, key: Callable | None, largest: bool) -> Callable:
    def apply(values: Iterator[Any]) -> Iterator[list]:
        select = heapq.nlargest if largest else heapq.nsmallest
        yield select(count, values, key=key)

    return apply


def element_runner(function: Callable) -> Callable:
    def apply(values: Iterator[Any]) -> Iterator[Any]:
        for value in values:
            function(value)
        return iter(())

    return apply


def partition_runner(function: Callable) -> Callable:
    def apply(values: Iterator[Any]) -> Iterator[Any]:
        function(values)
        return iter(())

    return apply


# --- random sampling (sample / takeSample / randomSplit / sampleByKey) -----------------------
#
# Classic PySpark samples each partition in its Python worker with a generator seeded from the
# driver's seed and the partition index (pyspark.rddsampler). The same draws, in the same
# order, on the same partitions give the same sample; so these functions make exactly the
# draws classic makes: one uniform number per element, or a Poisson count per element when
# sampling with replacement.

def partition_random(seed: int, index: int) -> random.Random:
    """The generator of partition ``index``: seeded with ``seed ^ index``, then warmed up."""
    generator = random.Random(seed ^ index)
    for _ in range(10):  # neighbouring partitions have nearly equal seeds: decorrelate them
        generator.randint(0, 1)
    return generator


def poisson_draw(generator: random.Random, mean: float) -> int:
    """A Poisson(``mean``) count: Knuth's product of uniforms below 20, sums of exponentials
    from 20 on (the draws classic's sampler makes)."""
    if mean < 20.0:
        threshold = math.exp(-mean)
        product, count = generator.random(), 0
        while product > threshold:
            count += 1
            product *= generator.random()
        return count
    total, count = generator.expovariate(mean), 0
    while total < 1.0:
        count += 1
        total += generator.expovariate(mean)
    return count


def fraction_sampler(with_replacement: bool, fraction: float, seed: int) -> Callable:
    """Per partition (with index): elements kept with probability ``fraction``, or repeated
    a Poisson(``fraction``) number of times with replacement."""

    def run(index: int, values: Iterator[Any]) -> Iterator[Any]:
        generator = partition_random(seed, index)
        for value in values:
            if with_replacement:
                for _ in range(poisson_draw(generator, fraction)):
                    yield value
            elif generator.random() < fraction:
                yield value

    return run


def range_sampler(lower: float, upper: float, seed: int) -> Callable:
    """Per partition (with index): elements whose uniform draw falls in [lower, upper)."""

    def run(index: int, values: Iterator[Any]) -> Iterator[Any]:
        generator = partition_random(seed, index)
        for value in values:
            if lower <= generator.random() < upper:
                yield value

    return run


def stratified_sampler(with_replacement: bool, key_fractions: dict, seed: int) -> Callable:
    """Per partition (with index): pairs sampled with their key's fraction (a key without
    one fails, as in classic)."""

    def run(index: int, pairs: Iterator[Any]) -> Iterator[Any]:
        generator = partition_random(seed, index)
        for key, value in pairs:
            fraction = key_fractions[key]
            if with_replacement:
                for _ in range(poisson_draw(generator, fraction)):
                    yield key, value
            elif generator.random() < fraction:
                yield key, value

    return run


# --- key grouping ---------------------------------------------------------------------------

def stable_hash(key: Any) -> int:
    """A hash that agrees with ``==`` and is identical in every Python process.

    Numbers hash with Python's own (process-independent) numeric hash, so ``1 == 1.0 == True``
    land together; strings and bytes use CRC-32 instead of the per-process randomised hash;
    other types use ``hash()`` only when PYTHONHASHSEED pins it, else one shared bucket
    (correct, just less spread).
    """
    if key is None:
        return 0
    if isinstance(key, (bool, int, float, complex, decimal.Decimal, fractions.Fraction)):
        return hash(key) & _INT64_MASK
    if isinstance(key, str):
        return zlib.crc32(key.encode("utf-8", "surrogatepass"))
    if isinstance(key, (bytes, bytearray)):
        return zlib.crc32(bytes(key))
    if isinstance(key, tuple):
        combined = 0x345678
        for item in key:
            combined = ((combined * 1000003) ^ stable_hash(item)) & _INT64_MASK
        return combined
    if isinstance(key, frozenset):
        return sum(stable_hash(item) for item in key) & _INT64_MASK
    seed = os.environ.get("PYTHONHASHSEED", "random")
    return hash(key) & _INT64_MASK if seed != "random" else 1


def partition_bucket(partition_func: Callable, partitions: int) -> Callable[[Any], int]:
    """The target partition of a key, exactly as RDD.partitionBy computes it."""

    def apply(key: Any) -> int:
        return partition_func(key) % partitions

    return apply


def pair_bucketer(bucket: Callable[[Any], int]) -> Callable[[bytes], int]:
    def apply(data: bytes) -> int:
        return bucket(loads(data)[0])

    return apply


def combine_partition(
    create_combiner: Callable, merge_value: Callable, bucket: Callable[[Any], int],
    read: Callable[[Iterable[pa.RecordBatch]], Iterator] = iter_values, stages: tuple = (),
) -> Callable:
    """Map-side combine of (key, value) pairs; emits (bucket, pickled (key, combiner))."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        combiners: dict = {}
        for key, value in staged(read, stages, batches):
            if key in combiners:
                combiners[key] = merge_value(combiners[key], value)
            else:
                combiners[key] = create_combiner(value)
        rows = ((bucket(key), dumps((key, combined))) for key, combined in combiners.items())
        yield from to_batches(rows, KEYED_SCHEMA)

    return run


def combiner_merger(merge_combiners: Callable) -> Callable:
    def apply(pairs: Iterator[tuple]) -> Iterator[tuple]:
        merged: dict = {}
        for key, combined in pairs:
            merged[key] = merge_combiners(merged[key], combined) if key in merged else combined
        return iter(merged.items())

    return apply


def list_create(value: Any) -> list:
    return [value]


def list_append(values: list, value: Any) -> list:
    values.append(value)
    return values


def list_extend(values: list, more: list) -> list:
    values.extend(more)
    return values


def as_result_iterable(values: list) -> Any:
    from pyspark.resultiterable import ResultIterable

    return ResultIterable(values)


def value_creator(zero: Any, operation: Callable) -> Callable:
    def apply(value: Any) -> Any:
        return operation(copy.deepcopy(zero), value)

    return apply


def tagger(tag: int) -> Callable[[Any], tuple]:
    def apply(value: Any) -> tuple:
        return tag, value

    return apply


def cogroup_splitter(sources: int) -> Callable:
    def apply(tagged: Iterable[tuple]) -> tuple:
        from pyspark.resultiterable import ResultIterable

        buffers: list[list] = [[] for _ in range(sources)]
        for tag, value in tagged:
            buffers[tag].append(value)
        return tuple(ResultIterable(buffer) for buffer in buffers)

    return apply


def join_dispatcher(keep_left: bool, keep_right: bool) -> Callable:
    """Pairs of a cogrouped key, as RDD.join / leftOuterJoin / rightOuterJoin / fullOuterJoin."""

    def apply(tagged: Iterable[tuple]) -> Iterator[tuple]:
        left: list = []
        right: list = []
        for tag, value in tagged:
            (left if tag == 0 else right).append(value)
        if keep_left and not right:
            right.append(None)
        if keep_right and not left:
            left.append(None)
        return ((v, w) for v in left for w in right)

    return apply


# --- DataFrame conversion (toDF / createDataFrame) -------------------------------------------

def dataframe_row(decode: Callable, kind: str, schema: Any, verify: bool) -> Callable:
    """Turn one element into a row of ``schema`` exactly as classic createDataFrame(rdd) does.

    ``kind`` is ``inferred`` (convert dicts/objects to tuples with the inferred schema),
    ``struct`` (user StructType: verify) or ``atomic`` (user atomic type: verify, wrap).
    The UDF machinery then applies ``StructType.toInternal`` like classic does.
    """
    prepared: dict[str, Callable] = {}

    def prepare() -> Callable:
        from pyspark.sql.types import _create_converter, _make_type_verifier

        if kind == "inferred":
            return _create_converter(schema)
        verifier = None
        if verify:
            verifier = (_make_type_verifier(schema) if kind == "struct"
                        else _make_type_verifier(schema, name="field value"))

        def convert(obj: Any) -> Any:
            if verifier is not None:
                verifier(obj)
            return obj if kind == "struct" else (obj,)

        return convert

    def apply(value: Any) -> Any:
        if "convert" not in prepared:
            prepared["convert"] = prepare()
        return prepared["convert"](decode(value))

    return apply


def schema_inferrer(names: list[str] | None, options: dict[str, bool]) -> Callable:
    """Infer and merge the schema of a partition's elements (createDataFrame samplingRatio)."""

    def apply(values: Iterator[Any]) -> Iterator[Any]:
        from pyspark.sql.types import _infer_schema, _merge_type

        schema = None
        for value in values:
            inferred = _infer_schema(value, names, **options)
            schema = inferred if schema is None else _merge_type(schema, inferred)
        if schema is not None:
            yield schema

    return apply


# --- ordering (sortBy / sortByKey) ------------------------------------------------------------

def new_summary() -> dict:
    return {"kinds": set(), "min": None, "max": None, "items": []}


def _summarize(value: Any, summary: dict) -> None:
    if isinstance(value, bool):
        kind = "bool"
    elif isinstance(value, int):
        kind = "int"
        summary["min"] = value if summary["min"] is None else min(summary["min"], value)
        summary["max"] = value if summary["max"] is None else max(summary["max"], value)
    elif isinstance(value, float):
        kind = "float"
    elif isinstance(value, str):
        kind = "str"
    elif isinstance(value, (bytes, bytearray)):
        kind = "bytes"
    elif isinstance(value, datetime.datetime):
        kind = "timestamp" if value.utcoffset() is not None else "timestamp_ntz"
    elif isinstance(value, datetime.date):
        kind = "date"
    elif isinstance(value, tuple):
        kind = "tuple"
        items = summary["items"]
        while len(items) < len(value):
            items.append(new_summary())
        for item, child in zip(value, items):
            _summarize(item, child)
    elif value is None:
        kind = "None"
    else:
        kind = type(value).__name__
    summary["kinds"].add(kind)


def merge_summaries(first: dict, second: dict) -> dict:
    merged = new_summary()
    merged["kinds"] = first["kinds"] | second["kinds"]
    bounds = [b for b in (first["min"], second["min"]) if b is not None]
    merged["min"] = min(bounds) if bounds else None
    bounds = [b for b in (first["max"], second["max"]) if b is not None]
    merged["max"] = max(bounds) if bounds else None
    length = max(len(first["items"]), len(second["items"]))
    for position in range(length):
        left = first["items"][position] if position < len(first["items"]) else new_summary()
        right = second["items"][position] if position < len(second["items"]) else new_summary()
        merged["items"].append(merge_summaries(left, right))
    return merged


def sort_key_summarizer(key: Callable) -> Callable:
    def apply(values: Iterator[Any]) -> Iterator[dict]:
        summary = new_summary()
        for value in values:
            _summarize(key(value), summary)
        yield summary

    return apply


def sort_key_type(summary: dict) -> Any:
    """The Spark type whose ordering equals Python's ordering of the summarised keys.

    Raises TypeError when there is none (mixed or unorderable kinds, huge integers).
    """
    from pyspark.sql import types as T

    kinds = summary["kinds"]
    exact_double = 2**53
    if kinds == {"tuple"}:
        return T.StructType(
            [T.StructField(f"_{i + 1}", sort_key_type(item), True)
             for i, item in enumerate(summary["items"])]
        )
    if kinds <= {"bool"}:
        return T.BooleanType()
    low, high = summary["min"] or 0, summary["max"] or 0
    if kinds <= {"bool", "int"}:
        if -(2**63) <= low and high < 2**63:
            return T.LongType()
        if max(abs(low), abs(high)) < 10**38:
            return T.DecimalType(38, 0)
    elif kinds <= {"bool", "int", "float"} and max(abs(low), abs(high)) <= exact_double:
        return T.DoubleType()
    simple = {"str": T.StringType(), "bytes": T.BinaryType(), "date": T.DateType(),
              "timestamp_ntz": T.TimestampNTZType(), "timestamp": T.TimestampType()}
    if len(kinds) == 1 and next(iter(kinds)) in simple:
        return simple[next(iter(kinds))]
    raise TypeError(
        "sort keys of kinds " + ", ".join(sorted(kinds)) + " have no Spark ordering equal to "
        "Python's (supported: numbers, str, bytes, date, datetime, and tuples of those)"
    )


def _encode_sort_key(value: Any, spark_type: Any) -> Any:
    from pyspark.sql import types as T

    if isinstance(spark_type, T.StructType):
        padded = list(value) + [None] * (len(spark_type.fields) - len(value))
        return tuple(
            None if item is None else _encode_sort_key(item, field.dataType)
            for item, field in zip(padded, spark_type.fields)
        )
    if isinstance(spark_type, T.LongType):
        return int(value)
    if isinstance(spark_type, T.DecimalType):
        return decimal.Decimal(int(value))
    if isinstance(spark_type, T.DoubleType):
        return float(value)
    if isinstance(spark_type, T.BinaryType):
        return bytes(value)
    return value


def sort_key_encoder(key: Callable, spark_type: Any) -> Callable[[bytes], Any]:
    def apply(data: bytes) -> Any:
        return _encode_sort_key(key(loads(data)), spark_type)

    return apply


def key_of_pair(key: Callable) -> Callable[[Any], Any]:
    def apply(pair: Any) -> Any:
        return key(pair[0])

    return apply


# --- broadcast -------------------------------------------------------------------------------

class LocalBroadcast:
    """Stands in for ``pyspark.Broadcast`` on Spark Connect.

    The value stays on the client and travels inside the closures (UDFs) that reference this
    object, which is how Spark Connect ships Python state to the server.
    """

    def __init__(self, value: Any) -> None:
        self._value = value
        self._destroyed = False

    @property
    def value(self) -> Any:
        return self._value

    def unpersist(self, blocking: bool = False) -> None:
        """Nothing to delete: no copies are cached on executors between jobs."""

    def destroy(self, blocking: bool = False) -> None:
        """After this, shipping the broadcast to the server fails, as in classic Spark."""
        self._destroyed = True

    def __reduce__(self) -> tuple:
        if self._destroyed:
            from pyspark.errors import PySparkRuntimeError

            raise PySparkRuntimeError(
                "Attempted to use a broadcast variable after it was destroyed."
            )
        return LocalBroadcast, (self._value,)

    def __repr__(self) -> str:
        return f"LocalBroadcast({self._value!r})"
