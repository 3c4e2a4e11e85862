"""SQLContext and HiveContext facades for a shimmed Spark Connect session.

``SQLContext(sc)`` and ``SQLContext.getOrCreate(sc)`` with a SparkContext facade return a
subclass of the classic ``SQLContext`` (so ``isinstance`` checks still hold) whose every
method maps to the Connect SparkSession -- the same mapping `sparkmigrate check` suggests:
``sql`` -> ``spark.sql``, ``registerDataFrameAsTable`` -> ``df.createOrReplaceTempView``,
``cacheTable`` -> ``spark.catalog.cacheTable`` and so on. A HiveContext is routed only when
the server's catalog really is Hive.
"""

from __future__ import annotations

import functools
import threading
import weakref
from typing import Any, Callable

from pyspark._globals import _NoValue
from pyspark.sql.context import HiveContext, SQLContext

from .callsite import warn_at_call_site
from .errors import NoFaithfulEquivalent
from .runtime import dispatch

_CACHED: "weakref.WeakKeyDictionary[Any, dict[type, Any]]" = weakref.WeakKeyDictionary()
_CACHED_LOCK = threading.Lock()


def _member(function: Callable) -> Callable:
    """Record each call under ``<SQLContext|HiveContext>.<name>``."""
    name = function.__name__

    @functools.wraps(function)
    def wrapper(self: "_SessionBacked", *args: Any, **kwargs: Any) -> Any:
        return dispatch(f"{self._api_prefix}.{name}", lambda: function(self, *args, **kwargs))

    return wrapper


def _quoted(identifier: str) -> str:
    return "`" + identifier.replace("`", "``") + "`"


class _SessionBacked:
    """Every SQLContext method, mapped to the Spark Connect session."""

    _api_prefix = "SQLContext"

    def __init__(
        self, sparkContext: Any, sparkSession: Any = None, jsqlContext: Any = None
    ) -> None:
        self._sc = sparkContext
        self.sparkSession = sparkContext._session

    @_member
    def setConf(self, key: str, value: Any) -> None:
        self.sparkSession.conf.set(key, value)

    @_member
    def getConf(self, key: str, defaultValue: Any = _NoValue) -> Any:
        return self.sparkSession.conf.get(key, defaultValue)

    @property
    @_member
    def udf(self) -> Any:
        return self.sparkSession.udf

    @property
    @_member
    def udtf(self) -> Any:
        return self.sparkSession.udtf

    @_member
    def range(
        self, start: int, end: int | None = None, step: int = 1,
        numPartitions: int | None = None,
    ) -> Any:
        return self.sparkSession.range(start, end, step, numPartitions)

    @_member
    def registerFunction(self, name: str, f: Callable, returnType: Any = None) -> Any:
        warn_at_call_site("Deprecated in 2.3.0. Use spark.udf.register instead.", FutureWarning)
        return self.sparkSession.udf.register(name, f, returnType)

    @_member
    def registerJavaFunction(self, name: str, javaClassName: str, returnType: Any = None):
        warn_at_call_site(
            "Deprecated in 2.3.0. Use spark.udf.registerJavaFunction instead.", FutureWarning
        )
        return self.sparkSession.udf.registerJavaFunction(name, javaClassName, returnType)

    @_member
    def createDataFrame(
        self, data: Any, schema: Any = None, samplingRatio: float | None = None,
        verifySchema: bool | None = None,
    ) -> Any:
        """Classic verifies rows by default; Connect does not (None keeps each default)."""
        return self.sparkSession.createDataFrame(data, schema, samplingRatio, verifySchema)

    @_member
    def registerDataFrameAsTable(self, df: Any, tableName: str) -> None:
        df.createOrReplaceTempView(tableName)

    @_member
    def dropTempTable(self, tableName: str) -> None:
        self.sparkSession.catalog.dropTempView(tableName)

    @_member
    def createExternalTable(
        self, tableName: str, path: str | None = None, source: str | None = None,
        schema: Any = None, **options: str,
    ) -> Any:
        return self.sparkSession.catalog.createExternalTable(
            tableName, path, source, schema, **options
        )

    @_member
    def sql(self, sqlQuery: str) -> Any:
        return self.sparkSession.sql(sqlQuery)

    @_member
    def table(self, tableName: str) -> Any:
        return self.sparkSession.table(tableName)

    @_member
    def tables(self, dbName: str | None = None) -> Any:
        """Columns namespace, tableName, isTemporary -- what classic returns."""
        statement = "SHOW TABLES" if dbName is None else f"SHOW TABLES IN {_quoted(dbName)}"
        return self.sparkSession.sql(statement)

    @_member
    def tableNames(self, dbName: str | None = None) -> list[str]:
        return [row.tableName for row in self.tables(dbName).collect()]

    @_member
    def cacheTable(self, tableName: str) -> None:
        self.sparkSession.catalog.cacheTable(tableName)

    @_member
    def uncacheTable(self, tableName: str) -> None:
        self.sparkSession.catalog.uncacheTable(tableName)

    @_member
    def clearCache(self) -> None:
        self.sparkSession.catalog.clearCache()

    @property
    @_member
    def read(self) -> Any:
        return self.sparkSession.read

    @property
    @_member
    def readStream(self) -> Any:
        return self.sparkSession.readStream

    @property
    @_member
    def streams(self) -> Any:
        return self.sparkSession.streams

    @_member
    def newSession(self) -> Any:
        raise NoFaithfulEquivalent()

    @property
    @_member
    def _ssql_ctx(self) -> Any:
        raise NoFaithfulEquivalent()


class ConnectSQLContext(_SessionBacked, SQLContext):
    """``SQLContext`` over a Spark Connect session."""

    _api_prefix = "SQLContext"


class ConnectHiveContext(_SessionBacked, HiveContext):
    """``HiveContext`` over a Spark Connect session whose server catalog is Hive."""

    _api_prefix = "HiveContext"

    @_member
    def refreshTable(self, tableName: str) -> None:
        self.sparkSession.catalog.refreshTable(tableName)


def is_facade(cls: type) -> bool:
    """Whether ``cls`` is one of the session-backed context classes of this module."""
    return issubclass(cls, _SessionBacked)


def facade_class(requested: type) -> type:
    """The facade standing in for ``requested`` (SQLContext, HiveContext or a subclass)."""
    return ConnectHiveContext if issubclass(requested, HiveContext) else ConnectSQLContext


def _warn_deprecated(kind: type) -> None:
    """The FutureWarning classic Spark emits when a legacy context is created."""
    if kind is ConnectHiveContext:
        message = ("HiveContext is deprecated in Spark 2.0.0. Please use "
                   "SparkSession.builder.enableHiveSupport().getOrCreate() instead.")
    else:
        message = "Deprecated in 3.0.0. Use SparkSession.builder.getOrCreate() instead."
    warn_at_call_site(message, FutureWarning)


def new_context(requested: type, spark_context: Any) -> Any:
    """An uninitialised facade; Python then runs its ``__init__`` with the caller's args.

    The first context of a kind made for a session is also the one ``getOrCreate`` and
    ``df.sql_ctx`` return afterwards, as classic keeps the first SQLContext created.
    """
    kind = facade_class(requested)
    if kind is ConnectHiveContext:
        _require_hive_catalog(spark_context._session)
    _warn_deprecated(kind)
    context = object.__new__(kind)
    with _CACHED_LOCK:
        _CACHED.setdefault(spark_context._session, {}).setdefault(kind, context)
    return context


def context_of(requested: type, spark_context: Any) -> Any:
    """``getOrCreate``: one facade of each kind per session."""
    kind = facade_class(requested)
    if kind is ConnectHiveContext:
        _require_hive_catalog(spark_context._session)
    _warn_deprecated(kind)
    return _cached_context(kind, spark_context)


def _cached_context(kind: type, spark_context: Any) -> Any:
    with _CACHED_LOCK:
        per_session = _CACHED.setdefault(spark_context._session, {})
        if kind not in per_session:
            context = object.__new__(kind)
            context.__init__(spark_context)
            per_session[kind] = context
        return per_session[kind]


_SQL_CTX_WARNING = ("DataFrame.sql_ctx is an internal property, and will be removed in future "
                    "releases. Use DataFrame.sparkSession instead.")


def dataframe_context(spark_context: Any) -> Any:
    """``df.sql_ctx``: the session's SQLContext, with the UserWarning classic emits (and not
    the deprecation warning of creating one, which classic does not emit here either)."""
    warn_at_call_site(_SQL_CTX_WARNING, UserWarning)
    return _cached_context(ConnectSQLContext, spark_context)


def _require_hive_catalog(session: Any) -> None:
    catalog = session.conf.get("spark.sql.catalogImplementation", None)
    if catalog != "hive":
        raise NoFaithfulEquivalent(
            f"the Spark Connect server's catalog is {catalog or 'not reported'}, not Hive, so "
            "tables would not come from the Hive metastore"
        )
