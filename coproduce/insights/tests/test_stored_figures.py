"""The dashboard's figures stored for each preset and audience (decision 0031): worked
out on the first visit, kept up to date by the job, shown with their time, and never
shown to anyone who would see less if they were worked out for them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.insights import stored
from coproduce.insights.compute import compute_all
from coproduce.insights.models import FigureSet
from coproduce.insights.periods import preset_period
from coproduce.insights.tests.data import build
from coproduce.lib import figures
from coproduce.lib.figures import Figure
from coproduce.privacy.models import ReadLog

pytestmark = pytest.mark.django_db

REACH_HIDDEN = "Only the co-production lead and the board see reach."
REACH_SHOWN = "Co-producers active in the period by ethnic group and gender"


@pytest.fixture
def data(people):
    return build(1, people["lead"])


def dashboard(client):
    return client.get(reverse("insights:dashboard")).content.decode()


def age(minutes=60):
    FigureSet.objects.update(computed_at=timezone.now() - timedelta(minutes=minutes))


def test_the_first_visit_works_the_figures_out_stores_them_and_says_when(client_as, data):
    page = dashboard(client_as("lead"))
    figure_set = FigureSet.objects.get()
    assert figure_set.preset == "12m"
    period = preset_period("12m")
    assert (figure_set.start, figure_set.end) == (period.start, period.end)
    as_of = f"{timezone.localtime(figure_set.computed_at):%H:%M}"
    assert f"Figures as of {as_of} today." in page
    assert "being brought up to date" not in page
    assert "Staff trained in co-production" in page


@pytest.mark.parametrize(
    "roles",
    [["lead"], ["board"], ["administrator"], ["administrator", "board"], ["lead", "board"]],
)
def test_a_stored_set_shows_each_viewer_exactly_what_working_it_out_for_them_would(
    client, data, people, roles
):
    """Every kind of viewer, whichever audience's set was stored first: what they are
    shown is what their own figures would be, links and restricted figures included."""
    viewer = UserFactory(roles=roles)
    for someone in ("lead", "board", "administrator"):
        client.force_login(people[someone])
        dashboard(client)
    client.force_login(viewer)
    page = dashboard(client)
    figure_set = next(
        s
        for s in FigureSet.objects.all()
        if all(viewer.has_perm(p) == a for p, a in s.asked.items())
    )
    assert page.count(figure_set.html) == 1
    own = stored.areas_html(compute_all(preset_period("12m"), viewer))
    assert figure_set.html == own


def test_a_viewer_without_the_permission_never_gets_the_restricted_set(client_as, data):
    lead = dashboard(client_as("lead"))
    board = dashboard(client_as("board"))
    administrator = dashboard(client_as("administrator"))
    # The lead and the board see reach (suppressed); the board has no links into records.
    for page in (lead, board):
        assert REACH_HIDDEN not in page and REACH_SHOWN in page
    assert "See the records behind this" in lead and "See the records behind this" not in board
    assert REACH_HIDDEN in administrator and REACH_SHOWN not in administrator
    # Three audiences: what each may see differs.
    sets = {s.audience: s for s in FigureSet.objects.all()}
    assert len(sets) == 3
    restricted = [s for s in sets.values() if s.asked["people.view_equality_report"]]
    assert len(restricted) == 2 and all(s.reads for s in restricted)


def test_reads_of_equality_answers_are_logged_for_each_person_shown_them(client_as, people, data):
    dashboard(client_as("lead"))
    dashboard(client_as("administrator"))
    dashboard(client_as("lead"))
    reads = ReadLog.objects.filter(what=ReadLog.What.EQUALITY)
    assert reads.filter(viewer__isnull=True).count() == 0  # working out is nobody's read
    assert not reads.filter(viewer=people["administrator"]).exists()
    by_lead = reads.filter(viewer=people["lead"])
    assert by_lead.count() == 2  # one at each visit, with every reason
    assert {read.reason for read in by_lead} == {
        "Dashboard: reach among active co-producers; "
        "Dashboard: reach among active co-producers (two questions)"
    }


def test_suppression_is_kept_in_the_stored_figures_and_their_downloads(client_as, data):
    client = client_as("lead")
    dashboard(client)
    reach = next(
        entry["figure"]
        for entry in FigureSet.objects.get().figures
        if entry["key"] == "people.reach.ethnicity_by_gender"
    )
    cells = [cell for line in reach["grid"][1:] for cell in line[1:]]
    assert None in cells and not any(cell and cell < 5 for cell in cells)
    assert "Fewer than 5" in dashboard(client)
    response = client.get(reverse("insights:report_xlsx"))
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(response.content))
    cells = {cell.value for sheet in book for row in sheet.iter_rows() for cell in row}
    assert "Fewer than 5 (not shown)" in cells


def test_a_stale_set_is_refreshed_by_the_job(client_as, people, data):
    client = client_as("lead")
    dashboard(client)
    build(1, people["lead"])
    assert "6 projects running in the period" not in dashboard(client)  # not yet
    age()
    assert stored.refresh_figure_sets.call() == 1
    figure_set = FigureSet.objects.get(preset="12m")
    assert figure_set.computed_at > timezone.now() - timedelta(minutes=1)
    assert "6 projects running in the period" in dashboard(client)
    assert stored.refresh_all() == 0  # nothing stale now


def test_a_page_that_finds_its_set_stale_queues_one_refresh(
    client_as, people, data, django_capture_on_commit_callbacks
):
    client = client_as("lead")
    dashboard(client)
    build(1, people["lead"])
    age()
    with django_capture_on_commit_callbacks(execute=True) as queued:
        page = dashboard(client)
        dashboard(client)
    assert "They are being brought up to date now." in page
    assert len(queued) == 1  # the second visit does not queue it again
    assert "6 projects running in the period" in dashboard(client)


def test_after_midnight_a_set_for_yesterdays_dates_is_stale(data, people):
    figure_set = stored.work_out_for("3m", people["lead"].has_perm)
    assert not stored.is_stale(figure_set)
    assert stored.is_stale(figure_set, timezone.now() + timedelta(days=1))


def test_dates_the_person_chooses_are_worked_out_on_request_and_not_stored(client_as, data):
    today = timezone.localdate()
    query = f"?period=custom&start={today - timedelta(days=30):%Y-%m-%d}&end={today:%Y-%m-%d}"
    page = client_as("lead").get(reverse("insights:dashboard") + query).content.decode()
    assert "Figures as of" in page and "Staff trained in co-production" in page
    assert not FigureSet.objects.exists()


def test_a_set_whose_figures_ask_a_new_permission_is_dropped_not_guessed(client_as, data):
    client = client_as("board")
    dashboard(client)
    figures.register(
        "test.linked",
        "review",
        lambda period, viewer: Figure(
            title="Linked", summary="With links.", url="/claims/", url_permission="payments.pay"
        ),
    )
    try:
        age()
        assert stored.refresh_all() == 0
        assert not FigureSet.objects.exists()  # nobody can say how the board answers it
        page = dashboard(client)
    finally:
        figures._SOURCES.pop("test.linked")
    assert "With links." in page and FigureSet.objects.get().asked["payments.pay"] is False
