"""A stamp that moves whenever a change to the records is committed, so a page kept in
the cache (Today) is used only while nothing it was worked out from can have changed
(decision 0045).

Every statement that inserts, updates or deletes rows passes through an execute
wrapper on every database connection, so nothing escapes it: not `QuerySet.update`,
`bulk_create` or raw SQL, which send no model signals. Once the transaction that made
the change commits, the stamp gets a new random value. Writes that never change what
anyone's Today shows (sessions, the read log, worked-out figures, task bookkeeping) are
registered as quiet, so reading a page does not throw everyone's cache away.

The stamp lives where every process that writes can move it: in Redis when REDIS_URL is
set (every app server shares it), otherwise in a small file in the var folder (one
machine: gunicorn's workers and the task worker share it)."""

import hashlib
import logging
import os
import re
import secrets
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models
from django.db.backends.base.base import BaseDatabaseWrapper

log = logging.getLogger(__name__)

CACHE_KEY = "changes:stamp"
_WRITE = re.compile(
    r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(\w+)', re.IGNORECASE
)

_SETS = re.compile(r'(?:SET|,)\s+[`"]?(\w+)[`"]?\s*=')

_QUIET_TABLES: set[str] = set()
# Per table, columns that no Today reads: an update setting only these is quiet.
_QUIET_COLUMNS: dict[str, set[str]] = {}


def quiet(*models_: type[models.Model]) -> None:
    """Writes to these models never change what Today shows anyone."""
    _QUIET_TABLES.update(model._meta.db_table for model in models_)


def quiet_fields(model: type[models.Model], *fields: str) -> None:
    """An update that sets only these fields of `model` never changes what Today shows
    anyone (signing in sets `last_login`; display choices change how pages look)."""
    columns = _QUIET_COLUMNS.setdefault(model._meta.db_table, set())
    for name in fields:
        field = model._meta.get_field(name)
        if not isinstance(field, models.Field) or field.column is None:
            raise ValueError(f"{model.__name__}.{name} is not a column")
        columns.add(field.column)


def changes_records(sql: str) -> bool:
    """Whether `sql` writes rows that may change what Today shows someone."""
    found = _WRITE.match(sql)
    if found is None or found.group(1) in _QUIET_TABLES:
        return False
    quiet_columns = _QUIET_COLUMNS.get(found.group(1))
    if quiet_columns is None or sql.lstrip()[:6].upper() != "UPDATE":
        return True
    assignments = re.split(r"\sWHERE\s", sql, maxsplit=1, flags=re.IGNORECASE)[0]
    columns = set(_SETS.findall(assignments))
    return not columns or not columns <= quiet_columns


def _stamp_file() -> Path:
    return Path(settings.VAR_DIR) / "changes.stamp"


def _shared_cache() -> bool:
    return bool(getattr(settings, "REDIS_URL", None))


def current() -> str:
    """The stamp now: it differs after every committed change to the records."""
    if _shared_cache():
        return str(cache.get(CACHE_KEY) or "")
    try:
        return _stamp_file().read_text()
    except FileNotFoundError:
        return ""


def move() -> None:
    """Gives the stamp a new value no earlier one had."""
    value = secrets.token_hex(8)
    if _shared_cache():
        cache.set(CACHE_KEY, value, timeout=None)
        return
    # Written beside the stamp then renamed over it, so a reader never sees half a value.
    target = _stamp_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".changes.")
    with os.fdopen(handle, "w") as out:
        out.write(value)
    os.replace(temporary, target)


def _move_safely() -> None:
    try:
        move()
    except Exception:  # a cache that is down must not undo a committed change
        log.exception("Could not move the changes stamp")


def uncommitted(connection: BaseDatabaseWrapper) -> int:
    """How many changing statements this connection has made inside transactions that
    are still open: part of a cache key, so a page read in the same transaction as a
    change (the suite's tests, which never commit) is not served from before it."""
    return int(getattr(connection, "_changes_uncommitted", 0))


def _watch(
    connection: BaseDatabaseWrapper,
) -> Callable[..., Any]:
    def watch(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        result = execute(sql, params, many, context)
        if changes_records(sql):
            if connection.in_atomic_block:
                connection._changes_uncommitted = uncommitted(connection) + 1  # type: ignore[attr-defined]
                pending = (entry[1] for entry in connection.run_on_commit)
                if _move_safely not in pending:
                    connection.on_commit(_move_safely)
            else:
                _move_safely()
        return result

    watch.watches_changes = True  # type: ignore[attr-defined]
    return watch


def watch_connection(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """On every new database connection (the `connection_created` signal)."""
    if not any(getattr(w, "watches_changes", False) for w in connection.execute_wrappers):
        # First, not last: `connection.execute_wrapper()` pops the last one on leaving.
        connection.execute_wrappers.insert(0, _watch(connection))


_NOT_KEPT = object()
_worked_out = threading.local()


def note_worked_out() -> None:
    """Counts a kept value this thread had to work out (none was kept yet, or a change
    or the time made it out of date): such a visit makes more queries than the same
    page does from then on, and the bench reports it apart (bench/middleware.py)."""
    _worked_out.count = worked_out() + 1


def worked_out() -> int:
    """How many kept values this thread has worked out so far."""
    return int(getattr(_worked_out, "count", 0))


LONGEST_NAME = 120


def kept(name: str, work_out: Callable[[], Any], seconds: int = 300) -> Any:
    """work_out(), kept in the cache until a change to the records is committed or
    `seconds` pass: for a count or figure over many records that a page shows on every
    visit, and whose cost grows with the records (the people list's total). `name`
    says what it is and everything it depends on besides the records (a filter)."""
    if len(name) > LONGEST_NAME:
        # A name made of many ids (a page of batches) would pass the 250 characters a
        # cache key may have: its digest stands for it.
        name = f"{name[:40]}#{hashlib.sha256(name.encode()).hexdigest()}"
    try:
        in_transaction = str(uncommitted(connection)) if connection.in_atomic_block else ""
        key = ":".join(("kept", name, current(), in_transaction))
        value = cache.get(key, _NOT_KEPT)
    except Exception:  # a cache that is down makes the page slower, never wrong
        log.exception("A kept value could not be read")
        return work_out()
    if value is not _NOT_KEPT:
        return value
    note_worked_out()
    value = work_out()
    try:
        cache.set(key, value, seconds)
    except Exception:
        log.exception("A kept value could not be written")
    return value
