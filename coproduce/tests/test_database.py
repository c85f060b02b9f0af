"""The suite runs on the database DATABASE_URL names; when that is PostgreSQL it
must really be PostgreSQL, so a missing server fails instead of falling back."""

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_runs_on_the_database_asked_for():
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone()[0] == 1
