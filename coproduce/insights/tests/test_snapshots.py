"""Figure snapshots, dashboard visits and the figures that moved on a board member's
Today (decision 0030)."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.insights import actions, snapshots
from coproduce.insights.models import DashboardVisit, FigureSnapshot
from coproduce.insights.tests.data import build
from coproduce.insights.today import figures_moved
from coproduce.lib import figures
from coproduce.lib.figures import Figure, Source

pytestmark = pytest.mark.django_db


def only_these(monkeypatch, computes):
    """Makes `computes` ({key: compute}) the only registered figures."""
    monkeypatch.setattr(
        figures,
        "_SOURCES",
        {
            key: Source(key=key, area="practice", order=number, compute=compute)
            for number, (key, compute) in enumerate(computes.items())
        },
    )


def fixed(title, value, unit="%"):
    return lambda period, viewer: Figure(title=title, summary=f"{title}: {value}", value=value,
                                         unit=unit)  # fmt: skip


def test_the_snapshot_job_is_idempotent_and_stores_suppressed_values_as_null(monkeypatch):
    asked = []

    def paid(period, viewer):
        asked.append((period, viewer))
        return Figure(title="Claims paid within 14 days", summary="80%", value=80, unit="%")

    def broken(period, viewer):
        raise RuntimeError("boom")

    only_these(monkeypatch, {"test.paid": paid, "test.reach": fixed("Reach", None, ""),
                             "test.broken": broken})  # fmt: skip
    snapshots.snapshot_figures.call()
    snapshots.snapshot_figures.call()

    today = timezone.localdate()
    stored = {s.key: s for s in FigureSnapshot.objects.all()}
    assert set(stored) == {"test.paid", "test.reach"}
    assert stored["test.paid"].value == Decimal(80) and stored["test.paid"].unit == "%"
    assert stored["test.paid"].taken_on == today and stored["test.paid"].period == "12m"
    assert stored["test.reach"].value is None
    # The rolling 12 months ending yesterday, for no particular viewer.
    period, viewer = asked[0]
    assert viewer is None and period.end == today - timedelta(days=1)
    assert period.start == period.end.replace(year=period.end.year - 1) + timedelta(days=1)


def test_restricted_figures_are_stored_as_a_viewer_of_none_sees_them(people):
    build(1, people["lead"])
    snapshots.take()
    reach = FigureSnapshot.objects.get(key="people.reach.ethnicity")
    assert reach.value is None
    assert reach.summary == "Only the co-production lead and the board see reach."
    assert FigureSnapshot.objects.filter(value__isnull=False).exists()


def test_a_visit_moves_the_last_day_seen_to_the_day_before(people):
    board = people["board"]
    day = timezone.localdate() - timedelta(days=20)
    actions.record_visit(user=board, today=day)
    actions.record_visit(user=board, today=day)
    visit = DashboardVisit.objects.get(user=board)
    assert (visit.last_seen_on, visit.previous_seen_on) == (day, None)
    later = day + timedelta(days=5)
    actions.record_visit(user=board, today=later)
    actions.record_visit(user=board, today=later)
    visit.refresh_from_db()
    assert (visit.last_seen_on, visit.previous_seen_on) == (later, day)


def test_board_members_opening_the_dashboard_is_recorded_and_nobody_elses(client_as, people):
    client_as("lead").get(reverse("insights:dashboard"))
    assert not DashboardVisit.objects.exists()
    client_as("board").get(reverse("insights:dashboard"))
    visit = DashboardVisit.objects.get()
    assert visit.user == people["board"] and visit.last_seen_on == timezone.localdate()


def snap(key, days_ago, value, title="A figure", unit="%"):
    FigureSnapshot.objects.create(
        key=key, taken_on=timezone.localdate() - timedelta(days=days_ago), title=title,
        value=None if value is None else Decimal(value), unit=unit,
    )  # fmt: skip


def sentences(user):
    return [item.sentence for item in figures_moved(user, timezone.now())]


def test_today_says_which_figures_moved_and_not_unchanged_or_suppressed_ones(monkeypatch, people):
    keys = ["paid", "median", "same", "hidden_now", "hidden_then", "new", "older"]
    only_these(monkeypatch, {f"test.{key}": fixed(key, 1) for key in keys})
    board = people["board"]
    seen_on = timezone.localdate() - timedelta(days=10)
    snap("test.older", 40, 10, title="Older")
    for days_ago, values in ((12, (72, 4.5, 5, 10, None)), (0, (80, "3.25", 5, None, 7))):
        for key, value in zip(keys, values, strict=False):
            snap(f"test.{key}", days_ago, value, title=key.capitalize(),
                 unit="days" if key == "median" else "%")  # fmt: skip
    snap("test.new", 0, 3)
    snap("test.older", 0, 12, title="Older")
    assert sentences(board) == []  # never looked at the dashboard

    actions.record_visit(user=board, today=seen_on)
    found = list(figures_moved(board, timezone.now()))
    on = f"{seen_on:%-d %B}"
    assert [item.sentence for item in found] == [
        f"Paid went up from 72% to 80% since you last looked on {on}.",
        f"Median went down from 4.5 days to 3.25 days since you last looked on {on}.",
        f"Older went up from 10% to 12% since you last looked on {on}.",
    ]
    assert found[0].action_label == "See the figure"
    assert found[0].action_url == reverse("insights:dashboard") + "#figure-testpaid"
    # Having looked today, the moves since the visit before today stay on Today.
    actions.record_visit(user=board, today=timezone.localdate())
    assert len(sentences(board)) == 3
    # Nobody but the board is told, and a figure no longer registered is left out.
    assert sentences(people["lead"]) == []
    only_these(monkeypatch, {"test.paid": fixed("paid", 1)})
    assert len(sentences(board)) == 1


def test_nothing_is_said_without_snapshots_from_before_the_visit(monkeypatch, people):
    only_these(monkeypatch, {"test.paid": fixed("paid", 1)})
    board = people["board"]
    actions.record_visit(user=board, today=timezone.localdate() - timedelta(days=3))
    assert sentences(board) == []
    snap("test.paid", 0, 80)
    assert sentences(board) == []
    snap("test.paid", 1, 70)
    assert sentences(board) == []  # taken after the visit: nothing to compare with


def test_moves_are_capped_and_their_queries_do_not_grow(monkeypatch, people):
    board = people["board"]
    actions.record_visit(user=board, today=timezone.localdate() - timedelta(days=5))
    assert board.has_role("board")  # roles are read once per request, for every provider

    def grow(count, days):
        only_these(monkeypatch, {f"test.f{n}": fixed("f", 1) for n in range(count)})
        FigureSnapshot.objects.all().delete()
        for n in range(count):
            for day in range(days):
                snap(f"test.f{n}", day * 3, n + day)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            found = list(figures_moved(board, timezone.now()))
        return len(captured), found

    grow(2, 3)
    small, found = queries()
    assert len(found) == 2
    grow(30, 12)
    large, found = queries()
    assert len(found) == 10
    assert small == large == 3


def test_the_demo_board_member_sees_a_moved_figure_on_today(settings, client):
    from coproduce.accounts.models import Role, User

    settings.COPRODUCE_DEMO = True
    call_command("demo", "--migrate", stdout=StringIO())
    board = User.objects.filter(role_assignments__role=Role.BOARD).order_by("pk").first()
    client.force_login(board)
    page = client.get(reverse("accounts:home")).content.decode()
    assert "since you last looked on" in page and "See the figure" in page
    assert f'href="{reverse("insights:dashboard")}#figure-' in page
    # The dashboard's figures were worked out ahead, and say when.
    from coproduce.insights.models import FigureSet

    sets = FigureSet.objects.count()
    assert "Figures as of " in client.get(reverse("insights:dashboard")).content.decode()
    assert FigureSet.objects.count() == sets
