"""Backing up and restoring a whole site (decision 0018): the database, the uploaded
files and a manifest that says what was taken and the sha256 of every file.

A backup is one folder:
    manifest.json
    database.sqlite3  (SQLite: a consistent copy through sqlite3's online backup API)
    database.pgdump   (PostgreSQL: `pg_dump --format=custom`)
    uploads/...       (the private uploads: receipts, papers, pictures)

It never holds COPRODUCE_FIELD_KEY or SECRET_KEY: they are kept apart, so a stolen backup
does not reveal bank details, and losing them loses the bank details in every backup."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.template.defaultfilters import filesizeformat

from coproduce.lib import encryption

MANIFEST = "manifest.json"
FORMAT = 1
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
UPLOADS = "uploads"
# The uploads that matter: receipts, meeting papers, pictures. Nothing is stored in the
# default storage, and static files are rebuilt from the code.
UPLOAD_STORAGE = "private"
CHUNK = 1024 * 1024


Say = Callable[[str], object]
Manifest = dict[str, Any]


class BackupError(Exception):
    """A reason, in plain English, why a backup or restore cannot go on."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _entry(folder: Path, path: Path) -> dict[str, object]:
    return {
        "path": path.relative_to(folder).as_posix(),
        "size": path.stat().st_size,
        "sha256": _sha256(path),
    }


def _app_version() -> str:
    try:
        return version("coproduce")
    except PackageNotFoundError:
        return "unknown (run from a checkout that was not installed)"


def _private_file(path: Path) -> IO[bytes]:
    """Opens a new file that only this user can read: backups hold personal data."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


def describe_database(connection: BaseDatabaseWrapper) -> str:
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        return f"SQLite database {name}"
    host = connection.settings_dict.get("HOST") or "localhost"
    return f"PostgreSQL database {name} on {host}"


def postgres_environment(settings_dict: dict[str, Any]) -> dict[str, str]:
    """The connection settings for pg_dump and pg_restore as libpq's environment
    variables, so a password never appears on a command line (where `ps` shows it)."""
    env = dict(os.environ)
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
    }
    options = settings_dict.get("OPTIONS") or {}
    for option, variable in (
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
        ("connect_timeout", "PGCONNECT_TIMEOUT"),
    ):
        values[variable] = options.get(option)
    env.update({key: str(value) for key, value in values.items() if value not in (None, "")})
    return env


def _postgres_tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BackupError(
            f"{name} is not installed. Install PostgreSQL's client programs "
            "(on Debian: apt install postgresql-client) of the same or a newer version "
            "than the database server."
        )
    return path


def _run_postgres_tool(arguments: list[str], settings_dict: dict[str, Any]) -> None:
    result = subprocess.run(  # noqa: S603 (fixed program, no shell, no password in arguments)
        arguments, env=postgres_environment(settings_dict), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(
            f"{Path(arguments[0]).name} failed:\n{(result.stderr or result.stdout).strip()}"
        )


def _copy_database(connection: BaseDatabaseWrapper, destination: Path) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(destination) as copy:
            # The online backup API copies a consistent state while the site keeps writing.
            connection.connection.backup(copy)
            # One self-contained file, without a write-ahead log beside it.
            copy.execute("PRAGMA journal_mode=DELETE")
        copy.close()
        destination.chmod(0o600)
    elif connection.vendor == "postgresql":
        _run_postgres_tool(
            [_postgres_tool("pg_dump"), "--format=custom", "--file", str(destination)],
            connection.settings_dict,
        )
        destination.chmod(0o600)
    else:
        raise BackupError(f"Backups of a {connection.vendor} database are not supported.")


def _walk(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in a storage, folders included."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local uploads folder not made yet: nothing uploaded
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from _walk(storage, f"{folder}/{name}" if folder else name)


def _copy_uploads(storage: Storage, destination: Path) -> tuple[int, int]:
    count = size = 0
    for name in _walk(storage):
        target = destination / PurePosixPath(name)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with storage.open(name, "rb") as source, _private_file(target) as copy:
            shutil.copyfileobj(source, copy, CHUNK)
        count += 1
        size += target.stat().st_size
    return count, size


def _latest_migrations(connection: BaseDatabaseWrapper) -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


def make_backup(
    parent: str | Path, *, include_remote_files: bool = False, say: Say = print
) -> Path:
    """Writes a backup folder inside `parent` and returns its path."""
    connection = connections["default"]
    storage = storages[UPLOAD_STORAGE]
    local_uploads = isinstance(storage, FileSystemStorage)
    created = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    parent = Path(parent)
    parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    final = parent / f"coproduce-backup-{created:%Y%m%d-%H%M%S}"
    if final.exists():
        raise BackupError(f"{final} already exists. Wait a second and run the backup again.")
    # Built under another name and renamed at the end: a folder with the final name is
    # always a finished backup.
    folder = parent / f".{final.name}.unfinished"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=0o700)

    say(f"Copying the {describe_database(connection)}...")
    database_file = folder / DATABASE_FILES.get(connection.vendor, "database")
    _copy_database(connection, database_file)
    say(f"  done: {filesizeformat(database_file.stat().st_size)}.")

    if local_uploads or include_remote_files:
        where = (
            storage.location
            if isinstance(storage, FileSystemStorage)
            else f"the {type(storage).__name__} storage"
        )
        say(f"Copying the uploaded files from {where}...")
        count, size = _copy_uploads(storage, folder / UPLOADS)
        say(f"  done: {count} file{'s' if count != 1 else ''}, {filesizeformat(size)}.")
        uploads_note = "included"
    else:
        uploads_note = (
            "not included: they are in object storage, whose own versioning or "
            "replication is their backup (add --include-remote-files to copy them)"
        )
        say(
            "The uploaded files are in object storage (S3), so they are not copied: turn on "
            "the bucket's versioning or replication, which is their backup. Add "
            "--include-remote-files to copy them into this backup as well."
        )

    files = [
        _entry(folder, path)
        for path in sorted(folder.rglob("*"), key=lambda path: path.as_posix())
        if path.is_file()
    ]
    manifest = {
        "format": FORMAT,
        "created": created.isoformat(),
        "app_version": _app_version(),
        "database_vendor": connection.vendor,
        "database_file": database_file.name,
        "migrations": _latest_migrations(connection),
        "uploads": uploads_note,
        "files": files,
    }
    with _private_file(folder / MANIFEST) as stream:
        stream.write(json.dumps(manifest, indent=2).encode())
    folder.rename(final)
    return final


def _safe_relative(path: str) -> PurePosixPath:
    parts = PurePosixPath(path).parts
    if not parts or PurePosixPath(path).is_absolute() or ".." in parts:
        raise BackupError(f"The manifest names a file outside the backup: {path}")
    return PurePosixPath(path)


def verify(folder: str | Path) -> Manifest:
    """The manifest of a backup folder, after checking that every file it lists is
    there, whole (size and sha256), and that nothing unlisted was added."""
    folder = Path(folder)
    if not (folder / MANIFEST).is_file():
        raise BackupError(
            f"{folder} is not a Coproduce backup: it has no {MANIFEST}. Give the folder "
            "that `manage.py backup` made (its name starts with coproduce-backup-)."
        )
    try:
        manifest: Manifest = json.loads((folder / MANIFEST).read_text())
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"The backup's {MANIFEST} is damaged and cannot be read.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"This backup was written in format {manifest.get('format')}; this version of "
            f"Coproduce reads format {FORMAT}."
        )
    problems: list[str] = []
    listed: set[str] = set()
    for entry in manifest["files"]:
        relative = _safe_relative(entry["path"])
        listed.add(relative.as_posix())
        path = folder / relative
        if not path.is_file():
            problems.append(f"{relative} is missing")
        elif path.stat().st_size != entry["size"] or _sha256(path) != entry["sha256"]:
            problems.append(f"{relative} has changed since the backup was made")
    for path in folder.rglob("*"):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and name != MANIFEST and name not in listed:
            problems.append(f"{name} was not part of the backup")

    if problems:
        raise BackupError(
            "The backup is damaged, so nothing was restored:\n  - "
            + "\n  - ".join(problems)
            + "\nUse another copy of this backup, or an older backup."
        )
    return manifest


def _accounts(connection: BaseDatabaseWrapper) -> int:
    table = get_user_model()._meta.db_table
    if table not in connection.introspection.table_names():
        return 0
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        row = cursor.fetchone()
        return int(row[0]) if row else 0


def _unknown_migrations(connection: BaseDatabaseWrapper, manifest: Manifest) -> list[str]:
    known = MigrationLoader(connection, ignore_no_migrations=True).disk_migrations
    return [
        f"{app} {name}" for app, name in manifest["migrations"].items() if (app, name) not in known
    ]


def _restore_database(connection: BaseDatabaseWrapper, source: Path) -> None:
    if connection.vendor == "sqlite":
        target = Path(connection.settings_dict["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        connection.close()
        with (
            sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True) as backup,
            sqlite3.connect(target) as database,
        ):
            # Through SQLite itself, so the target's write-ahead log is dealt with too.
            backup.backup(database)
        backup.close()
        database.close()
    else:
        connection.close()
        _run_postgres_tool(
            [
                _postgres_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                connection.settings_dict["NAME"],
                str(source),
            ],
            connection.settings_dict,
        )


def _restore_uploads(storage: Storage, folder: Path, manifest: Manifest, say: Say) -> None:
    prefix = f"{UPLOADS}/"
    entries = [entry for entry in manifest["files"] if entry["path"].startswith(prefix)]
    for entry in entries:
        name = entry["path"][len(prefix) :]
        if storage.exists(name):
            storage.delete(name)
        with open(folder / entry["path"], "rb") as stream:
            saved = storage.save(name, File(stream, name=name))
        if saved != name:
            raise BackupError(f"The storage saved {name} as {saved}; the restore stopped.")
    where = storage.location if isinstance(storage, FileSystemStorage) else "object storage"
    say(f"  done: {len(entries)} file{'s' if len(entries) != 1 else ''} put back in {where}.")


def readable_encrypted_values() -> tuple[int, int]:
    """(readable, unreadable) counts over every encrypted value, with the keys set now."""
    readable = unreadable = 0
    for model, field in encryption.encrypted_fields():
        tokens = model._default_manager.exclude(**{field.attname: ""}).values_list(
            field.attname, flat=True
        )
        for token in tokens.iterator(chunk_size=2000):
            try:
                encryption.decrypt(token)
            except encryption.InvalidToken:
                unreadable += 1
            else:
                readable += 1
    return readable, unreadable


def restore(folder: str | Path, *, force: bool = False, say: Say = print) -> bool:
    """Puts a backup back: checks every file first, then the database, then the uploads.
    Returns whether migrations are still to be applied."""
    folder = Path(folder)
    connection = connections["default"]
    storage = storages[UPLOAD_STORAGE]
    say(f"Checking the backup in {folder}...")
    manifest = verify(folder)
    say(
        f"  every file is whole ({len(manifest['files'])} files). Made {manifest['created']} "
        f"by Coproduce {manifest['app_version']}."
    )
    if manifest["database_vendor"] != connection.vendor:
        raise BackupError(
            f"This backup's database is {manifest['database_vendor']}, but this site is set "
            f"up for {connection.vendor}. Point DATABASE_URL at a {manifest['database_vendor']} "
            "database and run the restore again."
        )
    unknown = _unknown_migrations(connection, manifest)
    if unknown:
        raise BackupError(
            "This backup was made by a newer version of Coproduce (this one does not know "
            f"{', '.join(unknown)}). Install that version, then restore."
        )
    accounts = _accounts(connection)
    has_uploads = next(_walk(storage), None) is not None
    if (accounts or has_uploads) and not force:
        holds = []
        if accounts:
            holds.append(f"{accounts} account{'s' if accounts != 1 else ''}")
        if has_uploads:
            holds.append("uploaded files")
        raise BackupError(
            f"The {describe_database(connection)} and its uploads already hold "
            f"{' and '.join(holds)}, so nothing was restored. Restoring replaces them. If "
            "that is what you want, stop the site and the worker and run the restore again "
            "with --force."
        )

    say(f"Restoring the {describe_database(connection)}...")
    _restore_database(connection, folder / manifest["database_file"])
    say("  done.")
    if any(entry["path"].startswith(f"{UPLOADS}/") for entry in manifest["files"]):
        say("Restoring the uploaded files...")
        _restore_uploads(storage, folder, manifest, say)
    else:
        say(f"The backup holds no uploaded files ({manifest['uploads']}).")

    readable, unreadable = readable_encrypted_values()
    if unreadable:
        say(
            f"WARNING: {unreadable} of {readable + unreadable} encrypted values (bank details) "
            "cannot be read with "
            "this site's COPRODUCE_FIELD_KEY (or SECRET_KEY when that is not set). Set the "
            "key the backed-up site used, then check with `manage.py rotate_field_key --check`."
        )
    else:
        say(
            f"This site's keys read every encrypted value (bank details): {readable} "
            f"value{'s' if readable != 1 else ''}."
        )
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
