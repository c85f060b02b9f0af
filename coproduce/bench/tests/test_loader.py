"""The generators' Loader stores exactly what the ORM would: the same raw values for
dates, times in any zone, JSON defaults and choices, on SQLite and PostgreSQL."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from django.db import connection, transaction

from coproduce.accounts.models import Role, RoleAssignment, User
from coproduce.lib import generation
from coproduce.lib.generation import Loading
from coproduce.people.models import Profile


def raw(table, email_or_id, column="email"):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE {column} = %s", [email_or_id])  # noqa: S608
        row = cursor.fetchone()
        names = [d[0] for d in cursor.description]
    return dict(zip(names, row, strict=True))


@pytest.mark.django_db(transaction=True)
def test_the_loader_stores_what_the_orm_stores(monkeypatch):
    monkeypatch.setattr(generation, "LOAD_BATCH", 2)  # several batches, as for big tables
    joined = datetime(2026, 3, 29, 1, 30, 15, 250, tzinfo=timezone(timedelta(hours=5)))
    User.objects.bulk_create([User(email="orm@example.org", name="Orm", date_joined=joined)])
    messages = []
    with transaction.atomic(), Loading(messages.append) as load:
        people = load.table(User, ["email", "name", "date_joined"], expected=3)
        for n in range(3):
            people.add((f"loaded{n}@example.org", "Loaded", joined))
    assert people.count == 3
    assert any("accounts_user: 2 rows of about 3" in message for message in messages)
    orm, loaded = (
        raw("accounts_user", "orm@example.org"),
        raw("accounts_user", "loaded0@example.org"),
    )
    for row in (orm, loaded):
        del row["id"], row["email"], row["name"]
    assert loaded == orm
    assert User.objects.get(email="loaded2@example.org").date_joined == joined.astimezone(UTC)
    # Defaults (JSON lists, timestamps) filled in; dates, None and choices as given.
    person = User.objects.get(email="loaded1@example.org")
    with transaction.atomic(), Loading(messages.append) as load:
        load.table(Profile, ["user_id", "last_involved", "payment_preference"]).add(
            (person.pk, date(2026, 1, 2), "")
        )
        load.table(RoleAssignment, ["user_id", "role"]).add((person.pk, Role.COPRODUCER))
    profile = Profile.objects.get(user=person)
    assert profile.contact_methods == [] and profile.last_involved == date(2026, 1, 2)
    assert profile.created_at is not None
    assert RoleAssignment.objects.get(user=person).role == "coproducer"
    if connection.vendor == "postgresql":  # foreign keys and indexes made again
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_constraint WHERE conrelid = 'people_profile'::regclass "
                "AND contype = 'f'"
            )
            assert cursor.fetchone()[0] == 1


@pytest.mark.django_db(transaction=True)
def test_the_loader_refuses_to_repeat_one_default_in_a_unique_column():
    with pytest.raises(ValueError, match="unique"), Loading(print) as load:
        load.table(User, ["name"])
