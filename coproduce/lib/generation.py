"""Made-up records in bulk, for the benchmark's large organisation (`make bench`).

Each app that has data worth measuring keeps a `bench.py` with `generate(scale, rng, log)`
and registers it from its `registrations.py`; the bench runs them in INSTALLED_APPS order
(so an app finds the people and projects of the apps before it). The helpers below are the
ones those generators share; they live here so that no app imports the bench."""

import time
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from random import Random
from types import TracebackType
from typing import Any, TypeVar

from django.apps import apps
from django.db import connection, models
from django.db.models import Field, Model
from django.utils import timezone

BATCH = 2000
# Rows a Loader sends at a time (one COPY or executemany each), and so how often it
# reports progress: large enough that the per-statement cost vanishes, small enough that
# memory stays flat however many rows a table gets.
LOAD_BATCH = 50_000
WORDS = [
    "access",
    "transport",
    "housing",
    "advice",
    "social",
    "care",
    "support",
    "employment",
    "benefits",
    "peer",
    "research",
    "training",
    "carers",
    "young",
    "people",
    "mental",
    "health",
    "wellbeing",
    "independent",
    "living",
    "community",
    "buildings",
    "digital",
    "inclusion",
    "advocacy",
    "easy",
    "read",
    "budget",
    "hospital",
    "discharge",
    "review",
]


T = TypeVar("T")
Log = Callable[[str], object]
# generate(scale, rng, log)
Generate = Callable[[float, Random, Log], object]

_GENERATORS: dict[str, Generate] = {}


def register(app_label: str, generate: Generate) -> None:
    """`generate(scale, rng, log)` fills the app's tables for the benchmark."""
    _GENERATORS[app_label] = generate


def generators() -> list[tuple[str, Generate]]:
    """(app label, generate) in INSTALLED_APPS order."""
    return [
        (config.label, _GENERATORS[config.label])
        for config in apps.get_app_configs()
        if config.label in _GENERATORS
    ]


def scaled(count: float, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(count * scale))


def sentence(rng: Random, words: int = 12) -> str:
    text = " ".join(rng.choices(WORDS, k=words))  # one call: quicker than a choice a word
    return text[0].upper() + text[1:] + "."


def random_choice_fields(
    model: type[Model], rng: Random, skip: Iterable[str] = ()
) -> dict[str, Any]:
    """A random valid value for each blank-able choice field of a model (equality answers
    and the like), so new choices are covered without editing the generator."""
    values: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if field.choices and field.name not in skip and not field.primary_key:
            values[field.name] = rng.choice([value for value, _ in field.flatchoices])
    return values


def days_ago(rng: Random, most: int) -> date:
    return timezone.localdate() - timedelta(days=rng.randint(0, most))


def skewed_pick(rng: Random, items: Sequence[T], k: int) -> list[T]:
    """k distinct items, favouring the front of the list (density falling as x^-2/3): a
    few people take part in many projects and most in one or none, as in real life."""
    chosen: set[T] = set()
    limit = len(items)
    for _ in range(50 * k):  # bounded even if k is close to len(items)
        if len(chosen) >= min(k, limit):
            break
        chosen.add(items[int(limit * rng.random() ** 3)])
    return list(chosen)


def bulk(model: type[Model], rows: Iterable[Model]) -> None:

    model._default_manager.bulk_create(rows, batch_size=BATCH)


# Field classes whose Python values the database driver takes as they are (with any
# integer field or foreign key). Everything else (JSON, encrypted and other custom fields; dates on
# SQLite) goes through the field.
_NATIVE: tuple[type[Field[Any, Any]], ...] = (
    models.BooleanField,
    models.CharField,
    models.TextField,
    models.FloatField,
)
_NATIVE_ON_POSTGRESQL = (*_NATIVE, models.DateField, models.DateTimeField)


class Loader:
    """Streams plain tuples into one table, LOAD_BATCH rows at a time, for the tables with
    hundreds of thousands of rows: no model instances and no per-row SQL, COPY on
    PostgreSQL and executemany elsewhere. Fields not named take their default, worked
    out once. Says how far it has got after each batch. Made by `Loading.table`."""

    def __init__(
        self, model: type[Model], columns: Sequence[str], log: Log, expected: int = 0
    ) -> None:
        self.model = model
        self.log = log
        self.expected = expected
        self.count = 0
        self.started = time.perf_counter()
        self.rows: list[Sequence[Any]] = []
        fields = {field.attname: field for field in model._meta.concrete_fields}
        given = [fields[name] for name in columns]
        self.fixed = tuple(
            _default(field) for field in fields.values() if _defaulted(field, columns)
        )
        names = [*columns, *(n for n, f in fields.items() if _defaulted(f, columns))]
        native = _NATIVE_ON_POSTGRESQL if connection.vendor == "postgresql" else _NATIVE
        self.prepare: list[Callable[[Any], Any] | None] = [
            None
            if type(field) in native or isinstance(field, (models.IntegerField, models.ForeignKey))
            else _preparer(field)
            for field in given
        ]
        if not any(self.prepare):
            self.prepare = []
        table = connection.ops.quote_name(model._meta.db_table)
        quoted = ", ".join(connection.ops.quote_name(str(fields[name].column)) for name in names)
        self.copy_sql = f"COPY {table} ({quoted}) FROM STDIN"
        placeholders = ", ".join(["%s"] * len(names))
        # Names from the model, quoted; the values go as parameters.
        self.insert_sql = f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})"  # noqa: S608

    def add(self, row: Sequence[Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= LOAD_BATCH:
            self.flush()

    def add_all(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.add(row)

    def flush(self) -> None:
        if not self.rows:
            return
        rows = [self._prepared(row) for row in self.rows]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany(self.insert_sql, rows)
        self.count += len(rows)
        self.rows = []
        self._report()

    def _prepared(self, row: Sequence[Any]) -> tuple[Any, ...]:
        if self.prepare:
            row = [
                value if p is None else p(value) for p, value in zip(self.prepare, row, strict=True)
            ]
        return (*row, *self.fixed)

    def _report(self) -> None:
        seconds = time.perf_counter() - self.started
        rate = self.count / max(seconds, 0.001)
        line = f"      {self.model._meta.db_table}: {self.count:,} rows"
        if self.expected > self.count:
            left = (self.expected - self.count) / max(rate, 1)
            line += f" of about {self.expected:,}"
            line += f", {rate:,.0f} a second, about {left:,.0f} s to go"
        else:
            line += f", {rate:,.0f} a second"
        self.log(line)


def _defaulted(field: Field[Any, Any], columns: Sequence[str]) -> bool:
    return field.attname not in columns and not field.primary_key


def _default(field: Field[Any, Any]) -> Any:
    if field.unique:
        raise ValueError(f"{field} is unique: give each row its own value")
    now = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    value = timezone.now() if now else field.get_default()
    return field.get_db_prep_save(value, connection)


def _preparer(field: Field[Any, Any]) -> Callable[[Any], Any]:
    if type(field) is models.DateTimeField and connection.vendor == "sqlite":
        # What the SQLite backend stores (naive, in the connection's zone) without its
        # checks per value: a quarter of all the time on SQLite went there.
        zone = connection.timezone

        def as_text(value: Any) -> Any:
            if value is None or value.tzinfo is None:
                return value if value is None else str(value)
            return str(value.astimezone(zone).replace(tzinfo=None))

        return as_text
    if type(field) is models.DateField and connection.vendor == "sqlite":
        return lambda value: value if value is None else str(value)

    def prepare(value: Any) -> Any:
        return field.get_db_prep_save(value, connection)

    return prepare


class Loading:
    """`with Loading(log) as load:` hands out Loaders (`load.table(...)`) and, on leaving,
    sends their last rows. On PostgreSQL, as pg_restore does, the loaded tables' foreign
    keys and plain indexes are dropped first and made again at the end: one pass over
    each table checks every row or builds an index from sorted rows, where row by row the
    checks and index updates took longer than the inserts themselves."""

    def __init__(self, log: Log) -> None:
        self.log = log
        self.loaders: list[Loader] = []
        self.dropped: list[tuple[str, str, str]] = []  # foreign keys: table, name, definition
        self.indexes: list[str] = []  # CREATE INDEX statements

    def __enter__(self) -> "Loading":
        return self

    def table(self, model: type[Model], columns: Sequence[str], expected: int = 0) -> Loader:
        loader = Loader(model, columns, self.log, expected)
        self.loaders.append(loader)
        if connection.vendor == "postgresql":
            self._drop_foreign_keys(model._meta.db_table)
            self._drop_indexes(model._meta.db_table)
        return loader

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is not None:
            return  # the transaction around it rolls back, foreign keys and all
        for loader in self.loaders:
            loader.flush()
        started = time.perf_counter()
        with connection.cursor() as cursor:
            if self.indexes:  # sorting in memory, not on disk, for the larger tables
                cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for statement in self.indexes:
                cursor.execute(statement)
            for table, name, definition in self.dropped:
                cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
        if self.dropped or self.indexes:
            self.log(
                f"      built {len(self.indexes)} indexes and checked {len(self.dropped)} "
                f"foreign keys in {time.perf_counter() - started:.1f} s"
            )

    def _drop_foreign_keys(self, db_table: str) -> None:
        table = connection.ops.quote_name(db_table)
        with connection.cursor() as cursor:
            # Checks still waiting (rows inserted earlier in this transaction) run now:
            # PostgreSQL will not alter a table with pending checks.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'f'",
                [table],
            )
            for name, definition in cursor.fetchall():
                quoted = connection.ops.quote_name(name)
                cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quoted}")
                self.dropped.append((table, quoted, definition))

    def _drop_indexes(self, db_table: str) -> None:
        """Indexes of their own only: those behind a primary key or unique constraint stay."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
                "WHERE indrelid = %s::regclass AND NOT EXISTS "
                "(SELECT 1 FROM pg_constraint WHERE conindid = indexrelid)",
                [connection.ops.quote_name(db_table)],
            )
            for name, definition in cursor.fetchall():
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
                self.indexes.append(definition)
