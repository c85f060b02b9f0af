"""Finding a person by part of their name or email: the count stops at a ceiling and
says so, and on PostgreSQL the search can read an index instead of everyone (decision
0047)."""

from importlib import import_module

import pytest
from django.db import DatabaseError, connection
from django.db.models import Q
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.people.forms import PersonSearchForm
from coproduce.people.tests.test_queries import add_people
from coproduce.people.views import people as people_views

pytestmark = pytest.mark.django_db


def test_a_search_matching_more_than_are_counted_says_so_and_shows_the_first(
    client_as, monkeypatch
):
    monkeypatch.setattr(people_views, "SEARCH_MATCHES_COUNTED", 3)
    add_people(5, 0)
    page = client_as("staff").get(reverse("people:person_list"), {"q": "bulk person"})
    text = page.content.decode()
    assert "More than 3 people match: these are the first 3" in text
    assert "add more of their name or email address" in text
    assert page.context["page"].paginator.count == 3
    assert [person.name for person in page.context["page"]] == [
        "Bulk Person 00000",
        "Bulk Person 00001",
        "Bulk Person 00002",
    ]


def test_a_search_matching_no_more_than_are_counted_gives_the_number(client_as, monkeypatch):
    monkeypatch.setattr(people_views, "SEARCH_MATCHES_COUNTED", 3)
    add_people(2, 5)
    add_people(1, 0)  # made last, listed first
    page = client_as("staff").get(reverse("people:person_list"), {"q": "BULK"})
    text = page.content.decode()
    assert "3 people" in text
    assert "More than" not in text
    # Found first and sorted after (sorted_once_found): still in name order.
    assert [person.name for person in page.context["page"]] == [
        "Bulk Person 00000",
        "Bulk Person 00005",
        "Bulk Person 00006",
    ]


def test_the_whole_list_is_always_counted_in_full(client_as, monkeypatch):
    monkeypatch.setattr(people_views, "SEARCH_MATCHES_COUNTED", 3)
    add_people(5, 0)
    page = client_as("staff").get(reverse("people:person_list"), {"interest": "housing"})
    assert page.context["page"].paginator.count == 5
    assert "More than" not in page.content.decode()


def test_the_ceiling_is_in_welsh_too(client_as, people, monkeypatch):
    monkeypatch.setattr(people_views, "SEARCH_MATCHES_COUNTED", 2)
    add_people(4, 0)
    staff = people["staff"]
    staff.language = "cy"
    staff.save(update_fields=["language"])
    page = client_as("staff").get(reverse("people:person_list"), {"q": "Bulk"})
    assert "Mae mwy na 2 o bobl yn cyfateb" in page.content.decode()


def test_a_search_by_part_of_a_name_or_email_can_use_an_index_on_postgresql(people):
    add_people(50, 0)
    form = PersonSearchForm({"q": "son 0004"})
    found = form.filter(people["staff"])
    assert [person.name for person in found] == [f"Bulk Person 0004{n}" for n in range(10)]
    by_email = PersonSearchForm({"q": "BULK49@"}).filter(people["staff"])
    assert [person.email for person in by_email] == ["bulk49@example.org"]
    if connection.vendor == "sqlite":
        # SQLite reads every person, which a small organisation's list makes quick; the
        # migration adds nothing there.
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE '%trigram%'")
            assert cursor.fetchall() == []
        return
    # The search's own SQL names the columns as Django's icontains writes them...
    sql = str(found.query)
    assert 'UPPER("accounts_user"."name"::text) LIKE UPPER(' in sql
    assert 'UPPER("accounts_user"."email"::text) LIKE UPPER(' in sql
    # ...and for those, with 50 people, the planner would rightly read the table. Forbidding
    # that and plain index scans shows whether the trigram indexes match the expressions.
    matching = User.objects.filter(Q(name__icontains="son 0004") | Q(email__icontains="son 0004"))
    sql, params = matching.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on user_name_trigram" in plan
    assert "Bitmap Index Scan on user_email_trigram" in plan


class RefusingEditor:
    """A schema editor on a database whose user may not add extensions."""

    class connection:  # noqa: N801 (stands in for the editor's connection)
        vendor = "postgresql"
        alias = "default"

    def __init__(self):
        self.statements = []

    def execute(self, statement):
        self.statements.append(statement)
        if statement.startswith("CREATE EXTENSION"):
            raise DatabaseError('permission denied to create extension "pg_trgm"')


def test_without_the_extension_the_migration_goes_on_and_says_what_to_ask_for(caplog):
    migration = import_module("coproduce.accounts.migrations.0007_name_and_email_search_indexes")
    editor = RefusingEditor()
    migration.add_search_indexes(None, editor)
    assert editor.statements == ["CREATE EXTENSION IF NOT EXISTS pg_trgm"]
    assert "CREATE EXTENSION pg_trgm" in caplog.text
    assert "permission denied" in caplog.text
