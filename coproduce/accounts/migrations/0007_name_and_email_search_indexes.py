"""Trigram indexes for finding people by part of their name or email on PostgreSQL
(decision 0047). SQLite has no such index, and a small organisation does not need one."""

import logging

from django.db import DatabaseError, migrations, transaction

logger = logging.getLogger(__name__)

# The expressions are the ones Django writes for `name__icontains` and `email__icontains`
# (UPPER(column::text) LIKE UPPER(%s)), so the planner can match them.
INDEXES = {
    "user_name_trigram": "UPPER(name::text)",
    "user_email_trigram": "UPPER(email::text)",
}


def add_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        # pg_trgm ships with PostgreSQL and is a trusted extension (13 and later): the
        # database's owner may add it. A savepoint keeps the migration going without it.
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as error:
        logger.warning(
            "Searching for people by name will read every person: this database user may "
            "not add the pg_trgm extension (%s). Ask whoever runs the database to run "
            "CREATE EXTENSION pg_trgm, then run `manage.py migrate accounts 0006` and "
            "`manage.py migrate` again.",
            error,
        )
        return
    for name, expression in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON accounts_user "
            f"USING gin ({expression} gin_trgm_ops)"
        )


def remove_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_font_and_tint"),
    ]

    operations = [migrations.RunPython(add_search_indexes, remove_search_indexes)]
