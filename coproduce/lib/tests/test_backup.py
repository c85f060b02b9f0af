"""`manage.py backup` and `manage.py restore`: a backup restored into a new database and a
new uploads folder holds the same records and files, byte for byte; a damaged backup is
refused before anything is touched."""

import json
import os
import sqlite3
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings

from coproduce.accounts.models import User
from coproduce.bench import servers
from coproduce.payments import actions, crypto
from coproduce.payments.models import BankDetails
from coproduce.payments.tests.factories import PNG, make_claim, make_expense_type

FIELD_KEY = "backup-test-field-key"
DETAILS = {"account_name": "Ada Lovelace", "sort_code": "30-94-57", "account_number": "12345678"}
# Every byte value, so a copy that changed line endings or encoding would show.
RECEIPT = PNG + bytes(range(256))


def make_records(people):
    """People (the fixture), a claim with a receipt file, and encrypted bank details."""
    person = people["coproducer"]
    actions.save_bank_details(person=person, **DETAILS)
    claim = make_claim(claimant=person)
    item = actions.add_expense(
        claim=claim,
        expense_type=make_expense_type(),
        description="Taxi to the meeting",
        amount_pence=1800,
        receipt=SimpleUploadedFile("taxi receipt.png", RECEIPT, content_type="image/png"),
        receipt_type="image/png",
    )
    return item


def back_up(tmp_path, *args):
    out = StringIO()
    call_command("backup", "--output", str(tmp_path / "backups"), *args, stdout=out)
    (folder,) = (tmp_path / "backups").glob("coproduce-backup-*")
    return folder, out.getvalue()


def files_under(root):
    root = Path(root)
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


def restore_elsewhere(folder, tmp_path, database_url):
    """`manage.py restore` in its own process, set up with a new database and uploads folder."""
    env = servers.base_env(
        DATABASE_URL=database_url,
        COPRODUCE_PRIVATE_MEDIA_ROOT=tmp_path / "restored-uploads",
        COPRODUCE_VAR_DIR=tmp_path / "restored-var",
        SECRET_KEY=settings.SECRET_KEY,
        COPRODUCE_FIELD_KEY=FIELD_KEY,
    )
    return servers.manage("restore", str(folder), env=env)


@pytest.mark.django_db(transaction=True)
@override_settings(COPRODUCE_FIELD_KEY=FIELD_KEY)
def test_a_sqlite_backup_restores_the_same_records_and_files(people, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("runs in the SQLite pass; the PostgreSQL pass has its own round trip")
    item = make_records(people)
    folder, output = back_up(tmp_path)
    assert "Copying the SQLite database" in output
    assert "keep those in your password manager" in output.lower()

    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["database_vendor"] == "sqlite"
    applied = MigrationRecorder(connection).applied_migrations()
    assert manifest["migrations"]["payments"] == max(n for app, n in applied if app == "payments")
    assert manifest["created"] and manifest["app_version"]
    listed = {entry["path"]: entry for entry in manifest["files"]}
    receipt_entry = listed[f"uploads/{item.receipt.name}"]
    assert receipt_entry["size"] == len(RECEIPT)
    assert "database.sqlite3" in listed
    assert FIELD_KEY not in (folder / "manifest.json").read_text()

    with sqlite3.connect(folder / "database.sqlite3") as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()

    restored_db = tmp_path / "restored.sqlite3"
    output = restore_elsewhere(folder, tmp_path, f"sqlite:///{restored_db}")
    assert "every file is whole" in output
    assert "This site's keys read every encrypted value (bank details): 1 value." in output
    assert "Restore finished." in output

    # Every row of every table, as the live database holds it.
    # Read with the type conversions Django's own connection uses.
    with (
        sqlite3.connect(
            restored_db, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES
        ) as restored,
        connection.cursor() as live,
    ):
        tables = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        live.execute(tables)
        names = [row[0] for row in live.fetchall()]
        assert names == [row[0] for row in restored.execute(tables)]
        for name in names:
            query = f'SELECT * FROM "{name}" ORDER BY rowid'  # noqa: S608
            live.execute(query)
            assert live.fetchall() == restored.execute(query).fetchall(), name
        (token,) = restored.execute("SELECT encrypted FROM payments_bankdetails").fetchone()
    restored.close()
    assert crypto.decrypt(token) == DETAILS

    # Every uploaded file, byte for byte, the receipt among them.
    source_files = files_under(storages["private"].location)
    restored_files = files_under(tmp_path / "restored-uploads")
    assert restored_files == source_files
    assert restored_files[item.receipt.name] == RECEIPT


@pytest.mark.django_db(transaction=True)
def test_a_tampered_backup_is_refused_before_anything_is_restored(people, tmp_path):
    item = make_records(people)
    folder, _ = back_up(tmp_path)
    receipt = folder / "uploads" / item.receipt.name
    receipt.write_bytes(receipt.read_bytes().replace(b"PNG", b"PNX"))
    (folder / "uploads" / "added.txt").write_text("not from the site")
    User.objects.create_user(email="after.backup@example.org", password="a-long-password-1")

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(folder), "--force", stdout=StringIO())
    message = str(refused.value)
    assert "The backup is damaged, so nothing was restored" in message
    assert f"uploads/{item.receipt.name} has changed since the backup was made" in message
    assert "uploads/added.txt was not part of the backup" in message
    # The database is as it was: restoring would have removed this account.
    assert User.objects.filter(email="after.backup@example.org").exists()


@pytest.mark.django_db(transaction=True)
def test_restore_will_not_replace_a_database_that_holds_data_unless_forced(people, tmp_path):
    folder, _ = back_up(tmp_path)
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(folder), stdout=StringIO())
    assert f"already hold {User.objects.count()} accounts" in str(refused.value)
    assert "--force" in str(refused.value)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        ({"migrations": {"payments": "9999_from_the_future"}}, "made by a newer version"),
        (
            {"database_vendor": "oracle"},
            "This backup's database is oracle, but this site is set up for",
        ),
    ],
)
def test_a_backup_this_site_cannot_take_is_refused(people, tmp_path, change, refusal):
    folder, _ = back_up(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    (folder / "manifest.json").write_text(json.dumps({**manifest, **change}))
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(folder), "--force", stdout=StringIO())
    assert refusal in str(refused.value)


def test_a_folder_that_is_not_a_backup_is_named_as_such(tmp_path):
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(tmp_path), stdout=StringIO())
    assert "is not a Coproduce backup: it has no manifest.json" in str(refused.value)


@pytest.mark.django_db(transaction=True)
def test_uploads_in_object_storage_are_left_to_the_bucket_unless_asked_for(tmp_path):
    remote = {"BACKEND": "django.core.files.storage.InMemoryStorage"}
    with override_settings(STORAGES={**settings.STORAGES, "private": remote}):
        storages["private"].save("receipts/2026/remote.png", SimpleUploadedFile("r.png", RECEIPT))
        folder, output = back_up(tmp_path / "without")
        assert "turn on the bucket's versioning or replication" in output
        assert not (folder / "uploads").exists()
        assert "not included" in json.loads((folder / "manifest.json").read_text())["uploads"]

        folder, output = back_up(tmp_path / "with", "--include-remote-files")
        assert (folder / "uploads" / "receipts/2026/remote.png").read_bytes() == RECEIPT


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@override_settings(COPRODUCE_FIELD_KEY=FIELD_KEY)
def test_a_postgresql_backup_restores_into_a_fresh_database(people, tmp_path):
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        pytest.skip("runs in the PostgreSQL pass, when DATABASE_URL points at PostgreSQL")
    # Asked for PostgreSQL: from here on, a server that cannot be reached fails the test.
    assert connection.vendor == "postgresql"
    import psycopg

    item = make_records(people)
    folder, output = back_up(tmp_path)
    assert "Copying the PostgreSQL database" in output
    assert (folder / "database.pgdump").read_bytes().startswith(b"PGDMP")

    live = connection.settings_dict
    address = {
        "host": live["HOST"] or "127.0.0.1",
        "port": live["PORT"] or 5432,
        "user": live["USER"],
        "password": live["PASSWORD"] or None,
    }
    name = f"coproduce_restore_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **address) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = f"postgres://{address['user']}@{address['host']}:{address['port']}/{name}"
        if address["password"]:
            url = url.replace("@", f":{address['password']}@", 1)
        output = restore_elsewhere(folder, tmp_path, url)
        assert "This site's keys read every encrypted value (bank details): 1 value." in output

        with psycopg.connect(dbname=name, **address) as restored, connection.cursor() as cursor:
            for table in connection.introspection.table_names():
                query = f'SELECT * FROM "{table}"'  # noqa: S608
                cursor.execute(query)
                expected = sorted(cursor.fetchall(), key=repr)
                assert sorted(restored.execute(query).fetchall(), key=repr) == expected, table
            (token,) = restored.execute("SELECT encrypted FROM payments_bankdetails").fetchone()
        assert crypto.decrypt(token) == DETAILS
        assert BankDetails.objects.get().encrypted == token
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **address) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    restored_files = files_under(tmp_path / "restored-uploads")
    assert restored_files == files_under(storages["private"].location)
    assert restored_files[item.receipt.name] == RECEIPT
