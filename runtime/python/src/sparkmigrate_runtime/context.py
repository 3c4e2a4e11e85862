"""The SparkContext facade returned by ``spark.sparkContext`` and ``SparkContext.getOrCreate()``
on a shimmed Spark Connect session.

Each member maps to its Connect equivalent where one is faithful: data sources become
DataFrame-backed RDDs (:mod:`.rdd`), configuration reads go to ``spark.conf``, files go
through ``spark.addArtifacts``, job groups become session tags. Members without a faithful
equivalent (accumulators, Hadoop formats, driver internals) raise a Connect-style error naming
the rule code. There is one facade per session, like one SparkContext per application.
"""

from __future__ import annotations

import bisect
import importlib
import os
import shutil
import sys
import tempfile
import threading
import urllib.parse
import weakref
from typing import Any, Iterable

from pyspark.errors import PySparkRuntimeError
from pyspark.sql.connect import functions as F

from . import portable
from .callsite import warn_at_call_site
from .errors import NoFaithfulEquivalent, SparkMigrateWarning
from .rdd import ConnectRDD
from .runtime import intercepted, refuse_attribute, refusing

_LOG_LEVELS = frozenset({"ALL", "DEBUG", "ERROR", "FATAL", "INFO", "OFF", "TRACE", "WARN"})
_CONTEXTS: "weakref.WeakKeyDictionary[Any, ConnectSparkContext]" = weakref.WeakKeyDictionary()
_CONTEXTS_LOCK = threading.Lock()


def context_for(session: Any) -> "ConnectSparkContext":
    """The SparkContext facade of a Connect session (one per session)."""
    with _CONTEXTS_LOCK:
        context = _CONTEXTS.get(session)
        if context is None:
            context = _CONTEXTS[session] = ConnectSparkContext(session)
        return context


def _refused_property(api: str) -> property:
    return property(refusing(api))


def _slice_bounds(data: Any, length: int, slices: int) -> list[int]:
    """First element index of every slice, as classic ``SparkContext.parallelize`` cuts them.

    A ``range`` is cut arithmetically; other data is cut in serializer batches of
    ``max(1, min(length // slices, 1024))`` elements, the batches split as the JVM does.
    """
    if isinstance(data, range):
        return [int(s * length / slices) for s in range(slices + 1)]
    batch = max(1, min(length // slices, 1024))
    batches = -(-length // batch)
    return [min(length, (s * batches // slices) * batch) for s in range(slices + 1)]


def _plain_type(values: Any) -> str | None:
    """The Spark type of a column that gives ``values`` back exactly as they are (plain ints,
    floats or strings, all of one type), or None when they must be pickled."""
    kinds = {type(value) for value in values}
    if kinds == {int}:
        return "long" if all(-(2**63) <= value < 2**63 for value in values) else None
    return {float: "double", str: "string"}.get(kinds.pop()) if len(kinds) == 1 else None


def _stored(value: Any, column_type: str) -> Any:
    """``value`` as a column of ``column_type`` holds it (pickled in a binary column)."""
    return portable.dumps(value) if column_type == "binary" else value


def _sliced_frame(session: Any, values: Any, slices: int, column_type: str) -> Any:
    """A DataFrame of the elements in exactly ``slices`` partitions, in classic order, in a
    ``value`` column of ``column_type`` (see :func:`_stored`).

    Partition ``i`` of ``spark.range(0, slices, 1, slices)`` holds id ``i``; a broadcast join
    attaches slice ``i``'s elements to it, and a local sort restores the element order.
    """
    bounds = _slice_bounds(values, len(values), slices)
    rows = [
        (bisect.bisect_right(bounds, index) - 1, index, _stored(value, column_type))
        for index, value in enumerate(values)
    ]
    local = session.createDataFrame(rows, f"slice long, position long, value {column_type}")
    ids = session.range(0, slices, 1, slices)
    joined = ids.join(F.broadcast(local), ids["id"] == local["slice"])
    return joined.sortWithinPartitions("position").select("value")


def _split_paths(paths: str) -> list[str]:
    """A Hadoop comma-separated path list; commas inside ``{a,b}`` globs do not split."""
    parts, current, depth = [], [], 0
    for char in paths:
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        current.append(char)
    parts.append("".join(current))
    return parts


def _local_path(path: str) -> str:
    """The local file behind ``path`` (plain path or file: URI); remote URIs are refused."""
    parsed = urllib.parse.urlparse(path)
    if parsed.scheme in ("", "file"):
        local = parsed.path if parsed.scheme == "file" else path
        if not os.path.exists(local):
            raise FileNotFoundError(f"{path} does not exist")
        return os.path.abspath(local)
    raise NoFaithfulEquivalent(
        f"spark.addArtifacts uploads local files only, and {path} is a {parsed.scheme}: URI"
    )


class ConnectSparkContext:
    """Stands in for ``pyspark.SparkContext`` on a Spark Connect session."""

    def __init__(self, session: Any) -> None:
        self._session = session
        self._thread = threading.local()  # job group / description tags, per thread
        self._artifacts: set[tuple[str, str]] = set()
        self._driver_dir: str | None = None
        self._parallelism: int | None = None

    # --- RDD sources ----------------------------------------------------------------------

    @intercepted("SparkContext.parallelize")
    def parallelize(self, c: Iterable[Any], numSlices: int | None = None) -> ConnectRDD:
        slices = int(numSlices) if numSlices is not None else self._measured_parallelism()
        if slices is not None and slices <= 0:
            raise ValueError(f"numSlices must be a positive number, got {numSlices}")
        values = c if isinstance(c, range) else list(c)
        if isinstance(values, range) and slices and len(values) * slices < 2**52:
            # Spark's range cuts partitions where classic cuts a parallelized range, exactly
            # while the product is exact in floating point: nothing to upload.
            frame = self._session.range(values.start, values.stop, values.step, slices)
            return ConnectRDD.of_column(frame, "id", plain=True)
        plain = _plain_type(values)
        for column_type in ([plain] if plain else []) + ["binary"]:
            try:
                if slices is None:  # cannot measure the default: let Spark choose
                    rows = [(_stored(value, column_type),) for value in values]
                    frame = self._session.createDataFrame(rows, f"value {column_type}")
                else:
                    frame = _sliced_frame(self._session, values, slices, column_type)
            except (UnicodeError, ValueError, TypeError):
                if column_type == "binary":
                    raise
                continue  # e.g. a string Arrow cannot encode: pickle the elements instead
            if column_type == "binary":
                return ConnectRDD.of_pickled(frame)
            return ConnectRDD.of_column(frame, "value", plain=True)

    @intercepted("SparkContext.range")
    def range(
        self, start: int, end: int | None = None, step: int = 1, numSlices: int | None = None
    ) -> ConnectRDD:
        if end is None:
            start, end = 0, start
        frame = self._session.range(start, end, step, numSlices)
        return ConnectRDD.of_column(frame, "id", plain=True)

    @intercepted("SparkContext.emptyRDD")
    def emptyRDD(self) -> ConnectRDD:
        return ConnectRDD.of_pickled(self._session.createDataFrame([], "value binary"))

    @intercepted("SparkContext.textFile")
    def textFile(
        self, name: str, minPartitions: int | None = None, use_unicode: bool = True
    ) -> ConnectRDD:
        lines = self._session.read.text(_split_paths(name))
        if not use_unicode:
            lines = lines.select(F.encode("value", "UTF-8").alias("value"))
        return ConnectRDD.of_column(lines, "value", plain=use_unicode)

    @intercepted("SparkContext.wholeTextFiles")
    def wholeTextFiles(
        self, path: str, minPartitions: int | None = None, use_unicode: bool = True
    ) -> ConnectRDD:
        files = self._session.read.text(_split_paths(path), wholetext=True)
        # _metadata.file_path is URL-encoded; Hadoop paths (classic) are not. url_decode
        # reads '+' as a space, so literal '+' is protected first.
        encoded = F.regexp_replace(F.col("_metadata.file_path"), r"\+", "%2B")
        name, content = F.url_decode(encoded), F.col("value")
        if not use_unicode:
            name, content = F.encode(name, "UTF-8"), F.encode(content, "UTF-8")
        return ConnectRDD.of_tuples(files.select(name.alias("path"), content.alias("content")))

    @intercepted("SparkContext.binaryFiles")
    def binaryFiles(self, path: str, minPartitions: int | None = None) -> ConnectRDD:
        files = self._session.read.format("binaryFile").load(_split_paths(path))
        return ConnectRDD.of_tuples(files.select("path", "content"))

    @intercepted("SparkContext.union")
    def union(self, rdds: list[ConnectRDD]) -> ConnectRDD:
        rdds = list(rdds)
        if not rdds:
            raise ValueError("union() needs at least one RDD")
        return ConnectRDD.union_all(rdds)

    sequenceFile = refusing("SparkContext.sequenceFile")
    hadoopFile = refusing("SparkContext.hadoopFile")
    hadoopRDD = refusing("SparkContext.hadoopRDD")
    newAPIHadoopFile = refusing("SparkContext.newAPIHadoopFile")
    newAPIHadoopRDD = refusing("SparkContext.newAPIHadoopRDD")
    pickleFile = refusing("SparkContext.pickleFile")
    objectFile = refusing("SparkContext.objectFile")
    binaryRecords = refusing("SparkContext.binaryRecords")

    # --- shared variables -----------------------------------------------------------------

    @intercepted("SparkContext.broadcast")
    def broadcast(self, value: Any) -> portable.LocalBroadcast:
        return portable.LocalBroadcast(value)

    accumulator = refusing("SparkContext.accumulator")

    # --- logging, files, configuration ----------------------------------------------------

    @intercepted("SparkContext.setLogLevel")
    def setLogLevel(self, logLevel: str) -> None:
        if str(logLevel).upper() not in _LOG_LEVELS:
            raise ValueError(
                f"invalid log level {logLevel!r}; valid levels are {', '.join(sorted(_LOG_LEVELS))}"
            )
        warn_at_call_site(
            f"sc.setLogLevel({logLevel!r}) was skipped: under Spark Connect the log level is "
            "server configuration (spark.log.level); client logging uses the logging module",
            SparkMigrateWarning,
        )

    @intercepted("SparkContext.addPyFile")
    def addPyFile(self, path: str) -> None:
        local = _local_path(path)
        self._add_artifact(local, "pyfile")
        self._import_on_driver(local)

    @intercepted("SparkContext.addFile")
    def addFile(self, path: str, recursive: bool = False) -> None:
        local = _local_path(path)
        if recursive or os.path.isdir(local):
            raise NoFaithfulEquivalent("spark.addArtifacts uploads single files, not directories")
        self._add_artifact(local, "file")

    @intercepted("SparkContext.addArchive")
    def addArchive(self, path: str) -> None:
        self._add_artifact(_local_path(path), "archive")

    def _add_artifact(self, local: str, kind: str) -> None:
        """Upload once per session: classic Spark ignores adding the same path again."""
        key = (os.path.realpath(local), kind)
        if key not in self._artifacts:
            self._session.addArtifacts(local, **{kind: True})
            self._artifacts.add(key)

    def _import_on_driver(self, local: str) -> None:
        """Make an added Python file importable here too, as classic addPyFile does."""
        if self._driver_dir is None:
            self._driver_dir = tempfile.mkdtemp(prefix="sparkmigrate-pyfiles-")
            sys.path.insert(1, self._driver_dir)
        copied = shutil.copy(local, self._driver_dir)
        if copied.lower().endswith((".zip", ".egg", ".jar")):
            sys.path.insert(1, copied)
        importlib.invalidate_caches()

    @intercepted("SparkContext.getConf")
    def getConf(self) -> Any:
        return self._conf_copy()

    @property
    @intercepted("SparkContext._conf")
    def _conf(self) -> Any:
        return self._conf_copy()

    def _conf_copy(self) -> Any:
        """A SparkConf holding the session's configuration (classic getConf returns a copy)."""
        from pyspark.conf import SparkConf

        conf = SparkConf(loadDefaults=False)
        conf.setAll(sorted(self._session.conf.getAll.items()))
        return conf

    # --- application properties -----------------------------------------------------------

    def _server_conf(self, key: str) -> str:
        value = self._session.conf.get(key, None)
        if value is None:
            raise NoFaithfulEquivalent(f"the Spark Connect server does not expose {key}")
        return value

    @property
    @intercepted("SparkContext.appName")
    def appName(self) -> str:
        return self._server_conf("spark.app.name")

    @property
    @intercepted("SparkContext.applicationId")
    def applicationId(self) -> str:
        return self._server_conf("spark.app.id")

    @property
    @intercepted("SparkContext.master")
    def master(self) -> str:
        return self._server_conf("spark.master")

    @property
    @intercepted("SparkContext.version")
    def version(self) -> str:
        return self._session.version

    @property
    @intercepted("SparkContext.startTime")
    def startTime(self) -> int:
        return int(self._server_conf("spark.app.startTime"))

    @property
    @intercepted("SparkContext.pythonVer")
    def pythonVer(self) -> str:
        # UDFs are pickled by this process, so its Python is the one workers must match.
        return "%d.%d" % sys.version_info[:2]

    sparkUser = refusing("SparkContext.sparkUser")

    def _measured_parallelism(self) -> int | None:
        """The server's default parallelism, or None when it cannot be determined honestly.

        ``spark.default.parallelism`` when set; otherwise the partition count of
        ``spark.range(1)``, which the server sizes to its default parallelism unless
        ``spark.sql.leafNodeDefaultParallelism`` overrides it.
        """
        if self._parallelism is None:
            conf = self._session.conf
            configured = conf.get("spark.default.parallelism", None)
            if configured:
                self._parallelism = int(configured)
            elif not conf.get("spark.sql.leafNodeDefaultParallelism", None):
                probe = ConnectRDD.of_column(self._session.range(0, 1), "id")
                self._parallelism = probe._count_partitions()
        return self._parallelism

    @property
    @intercepted("SparkContext.defaultParallelism")
    def defaultParallelism(self) -> int:
        measured = self._measured_parallelism()
        if measured is None:
            raise NoFaithfulEquivalent(
                "spark.sql.leafNodeDefaultParallelism is set on the server and "
                "spark.default.parallelism is not, so the default parallelism is not observable"
            )
        return measured

    @property
    @intercepted("SparkContext.defaultMinPartitions")
    def defaultMinPartitions(self) -> int:
        return min(self.defaultParallelism, 2)

    # --- job groups and tags --------------------------------------------------------------

    def _add_tag(self, tag: str) -> None:
        try:
            self._session.addTag(tag)
        except ValueError:
            raise NoFaithfulEquivalent(
                f"Spark Connect tags must be non-empty and cannot contain ','; got {tag!r}"
            ) from None

    def _replace_tag(self, slot: str, tag: str | None) -> None:
        previous = getattr(self._thread, slot, None)
        if previous is not None:
            self._session.removeTag(previous)
            setattr(self._thread, slot, None)
        if tag is not None:
            self._add_tag(tag)
            setattr(self._thread, slot, tag)

    @intercepted("SparkContext.setJobGroup")
    def setJobGroup(self, groupId: str, description: str, interruptOnCancel: bool = False):
        self._replace_tag("group", groupId)

    @intercepted("SparkContext.setJobDescription")
    def setJobDescription(self, value: str | None) -> None:
        self._replace_tag("description", value)

    @intercepted("SparkContext.cancelJobGroup")
    def cancelJobGroup(self, groupId: str) -> None:
        self._session.interruptTag(groupId)

    @intercepted("SparkContext.cancelAllJobs")
    def cancelAllJobs(self) -> None:
        self._session.interruptAll()

    @intercepted("SparkContext.addJobTag")
    def addJobTag(self, tag: str) -> None:
        self._add_tag(tag)

    @intercepted("SparkContext.removeJobTag")
    def removeJobTag(self, tag: str) -> None:
        self._session.removeTag(tag)

    @intercepted("SparkContext.getJobTags")
    def getJobTags(self) -> set[str]:
        return self._session.getTags()

    @intercepted("SparkContext.clearJobTags")
    def clearJobTags(self) -> None:
        self._session.clearTags()

    @intercepted("SparkContext.cancelJobsWithTag")
    def cancelJobsWithTag(self, tag: str) -> None:
        self._session.interruptTag(tag)

    setLocalProperty = refusing("SparkContext.setLocalProperty")
    cancelJob = refusing("SparkContext.cancelJob")

    # --- driver internals -----------------------------------------------------------------

    statusTracker = refusing("SparkContext.statusTracker")
    getLocalProperty = refusing("SparkContext.getLocalProperty")
    setSystemProperty = refusing("SparkContext.setSystemProperty")
    dump_profiles = refusing("SparkContext.dump_profiles")
    show_profiles = refusing("SparkContext.show_profiles")
    runJob = refusing("SparkContext.runJob")
    getCheckpointDir = refusing("SparkContext.getCheckpointDir")
    setCheckpointDir = refusing("SparkContext.setCheckpointDir")
    uiWebUrl = _refused_property("SparkContext.uiWebUrl")
    resources = _refused_property("SparkContext.resources")
    listFiles = _refused_property("SparkContext.listFiles")
    listArchives = _refused_property("SparkContext.listArchives")

    # --- lifecycle ------------------------------------------------------------------------

    @intercepted("SparkContext.getOrCreate")
    def getOrCreate(self, conf: Any = None) -> "ConnectSparkContext":
        """``sc.getOrCreate()`` on an instance: the running context, this facade (a ``conf``
        is ignored, as classic ignores it once a context runs)."""
        return self

    @intercepted("SparkContext.stop")
    def stop(self) -> None:
        self._session.stop()

    def __enter__(self) -> "ConnectSparkContext":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.stop()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return refuse_attribute(f"SparkContext.{name}")

    def __reduce__(self) -> Any:
        raise PySparkRuntimeError(errorClass="CONTEXT_ONLY_VALID_ON_DRIVER", messageParameters={})

    def __repr__(self) -> str:
        return f"<SparkContext facade of Spark Connect session {self._session.session_id}>"
