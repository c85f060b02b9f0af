"""Today is kept in the cache between visits (lib.today.kept_items_for) and worked out
again as soon as a change to the records is committed, whoever made it, or after
KEPT_SECONDS; it is never served from before a change the reader could see."""

import re
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.lib import today
from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.tests.factories import make_meeting

HOME = reverse("accounts:home")


def visit(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(HOME)
    assert response.status_code == 200
    page = response.content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    return re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", main), len(queries)


def invite(people, title):
    meeting = make_meeting(organiser=people["staff"], title=title)
    meeting_actions.invite(meeting=meeting, people=[people["coproducer"]],
                           invited_by=people["staff"])  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_a_second_visit_is_kept_and_a_change_by_someone_else_shows_at_once(people, client):
    client.force_login(people["coproducer"])
    invite(people, "Bus routes group")
    first, worked_out = visit(client)
    assert "Bus routes group" in first
    again, kept = visit(client)
    assert again == first
    assert kept < worked_out  # session and account only; no provider ran
    # Staff invite the person to another meeting: committed, so the next visit shows it.
    invite(people, "Hospital transport panel")
    after, _ = visit(client)
    assert "Hospital transport panel" in after


@pytest.mark.django_db
def test_a_change_in_the_same_open_transaction_shows_too(people, client):
    client.force_login(people["coproducer"])
    visit(client)
    invite(people, "Bus routes group")
    after, _ = visit(client)
    assert "Bus routes group" in after


@pytest.mark.django_db(transaction=True)
def test_each_language_is_kept_apart(people, client):
    invite(people, "Bus routes group")
    client.force_login(people["coproducer"])
    english, _ = visit(client)
    assert "Meetings" in english
    client.post(reverse("accounts:language"), {"language": "cy", "next": HOME})
    welsh, _ = visit(client)
    assert "Cyfarfodydd" in welsh


@pytest.mark.django_db
def test_time_passing_alone_works_today_out_again(people):
    person = people["coproducer"]
    start = int(timezone.now().timestamp()) // today.KEPT_SECONDS * today.KEPT_SECONDS
    now = datetime.fromtimestamp(start, tz=UTC)  # the start of a kept period
    # The stamp held still: another test process's changes would move it.
    with mock.patch.object(today.changes, "current", return_value="still"):
        first = today.kept_items_for(person, now)
        with mock.patch.object(today, "items_for", return_value=[("Later", [])]) as worked_out:
            assert today.kept_items_for(person, now + timedelta(seconds=1)) == first
            later = now + timedelta(seconds=today.KEPT_SECONDS)
            assert today.kept_items_for(person, later) == [("Later", [])]
    assert worked_out.call_count == 1


@pytest.mark.django_db
def test_a_cache_that_is_down_makes_today_slower_not_missing(people, client):
    invite(people, "Bus routes group")
    client.force_login(people["coproducer"])
    with mock.patch("coproduce.lib.today.cache.get", side_effect=ConnectionError("down")):
        page, _ = visit(client)
    assert "Bus routes group" in page
