"""Writing commitments, the strategy page, its public version, its figure and Today."""

from datetime import timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from coproduce.insights import actions as insights_actions
from coproduce.lib import figures, today
from coproduce.lib.figures import Period
from coproduce.notifications.models import Notification
from coproduce.strategy.figures import commitments_on_track
from coproduce.strategy.models import Commitment, Direction
from coproduce.strategy.tests.factories import make_commitment
from coproduce.strategy.trajectory import months_before
from coproduce.tests.query_counts import assert_queries_do_not_grow

KEY = "projects.from_the_start"


def rising_history(start=30, step=5, months=6):
    """Month-end snapshots of KEY: `start` six months ago, up by `step` each month."""
    now = timezone.localdate()
    values = {}
    for back in range(months - 1, -1, -1):
        month_end = months_before(now, back - 1) - timedelta(days=1)
        values[min(month_end, now)] = Decimal(start + step * (months - 1 - back))
    insights_actions.record_demo_history(key=KEY, values=values, title="From the start", unit="%")


def measured(by, target, **fields):
    return make_commitment(
        by=by,
        figure_key=KEY,
        target=Decimal(target),
        direction=Direction.AT_LEAST,
        due_on=timezone.localdate() + timedelta(days=150),
        **fields,
    )


def test_the_lead_adds_a_commitment_with_a_figure_and_a_co_author(client_as, people):
    client = client_as("lead")
    response = client.post(
        reverse("strategy:commitment_create"),
        {
            "text": "70% of projects involve co-producers from the start",
            "text_cy": "70% o brosiectau yn cynnwys cyd-gynhyrchwyr o'r dechrau",
            "owner": people["staff"].pk,
            "due_on": (timezone.localdate() + timedelta(days=100)).isoformat(),
            "figure_key": KEY,
            "target": "70",
            "direction": "at_least",
            "public": "on",
            "co_authors": [people["coproducer"].pk],
        },
    )
    commitment = Commitment.objects.get()
    assert response.status_code == 302
    assert commitment.written_by == people["lead"] and commitment.public
    assert [c.person for c in commitment.co_authors.all()] == [people["coproducer"]]
    assert Notification.objects.filter(
        recipient=people["coproducer"], kind="strategy.co_author"
    ).exists()
    assert commitment.history.count() == 1


def test_bad_input_gets_clear_errors(client_as, people):
    response = client_as("lead").post(
        reverse("strategy:commitment_create"),
        {
            "text": "Pay on time",
            "owner": people["staff"].pk,
            "due_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "figure_key": "not.a.figure",
            "target": "-5",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Commitment.objects.exists()
    for error in (
        "The date must be today or later.",
        "Choose a figure from the list.",
        "Say whether the figure should be at least or at most the target.",
        "The target must be 0 or more.",
    ):
        assert error in page


def test_a_co_author_changes_the_words_but_not_who_writes_it_or_what_is_public(client_as, people):
    commitment = make_commitment(by=people["lead"], co_authors=[people["coproducer"]])
    client = client_as("coproducer")
    url = reverse("strategy:commitment_edit", args=[commitment.pk])
    form = client.get(url).content.decode()
    assert 'name="co_authors"' not in form and 'name="public"' not in form
    client.post(
        url,
        {
            "text": "Co-producers chair every project board",
            "owner": people["lead"].pk,
            "due_on": commitment.due_on.isoformat(),
            "public": "on",
        },
    )
    commitment.refresh_from_db()
    assert commitment.text == "Co-producers chair every project board"
    assert not commitment.public
    assert commitment.co_authors.count() == 1


def test_the_strategy_page_shows_the_trajectory_in_a_table_and_in_words(client_as, people):
    rising_history()
    on_track = measured(people["lead"], 60, text="Most projects start with co-producers")
    page = client_as("board").get(reverse("strategy:commitment_list")).content.decode()
    assert "Most projects start with co-producers" in page
    assert "On track. It is 55% now;" in page
    assert "<caption" in page and "at the end of each month" in page
    assert page.count('<th scope="row" class="govuk-table__header">') == 7  # 6 months + trend
    assert f'id="commitment-{on_track.pk}"' in page
    # The board may open the dashboard, where the figure links to its records.
    assert reverse("insights:dashboard") + "#figure-projectsfrom_the_start" in page


def test_the_public_page_shows_public_commitments_only_without_owners(client, people):
    rising_history()
    measured(people["lead"], 95, text="Every project starts with co-producers", public=True)
    make_commitment(by=people["lead"], text="A private plan for the budget")
    page = client.get(reverse("strategy:public_list")).content.decode()
    assert "Every project starts with co-producers" in page
    assert "Not on track." in page
    assert "A private plan for the budget" not in page
    assert people["lead"].name not in page
    updates = client.get(reverse("site:update_list")).content.decode()
    assert f'href="{reverse("strategy:public_list")}"' in updates


def test_the_structure_figure_counts_commitments_on_track(people):
    assert KEY in {s.key for s in figures.sources("structure")}
    assert "strategy.commitments_on_track" in {s.key for s in figures.sources("structure")}
    rising_history()
    measured(people["lead"], 60)
    measured(people["lead"], 99)
    make_commitment(by=people["lead"])  # no figure: not counted
    now = timezone.localdate()
    figure = commitments_on_track(Period(now - timedelta(days=365), now), None)
    assert figure.value == 1
    assert figure.summary == ("1 of 2 commitments with a figure and a target are on track or met.")
    assert any("not of people" in note for note in figure.notes)


def test_today_tells_the_owner_about_dates_and_trends_in_constant_queries(
    people, client_as, django_assert_max_num_queries
):
    rising_history()
    owner = people["lead"]
    make_commitment(by=owner, due_on=timezone.localdate() + timedelta(days=10))
    off = measured(owner, 99, text="Every project from the start")

    def items():
        owner.__dict__.pop("_today_counted", None)
        return {
            item.key: item
            for _, found in today.items_for(owner, timezone.now())
            for item in found
            if item.key.startswith("strategy.")
        }

    found = items()
    assert set(found) == {"strategy.due_soon", f"strategy.off_track:{off.pk}"}
    assert (
        found["strategy.due_soon"].sentence
        == "1 strategy commitment you own is due within 30 days."
    )

    def grow():
        for n in range(4):
            measured(owner, 99, text=f"More {n}")
            make_commitment(by=owner, due_on=timezone.localdate() + timedelta(days=n + 1))

    # Counted at their dearest: Today worked out afresh for a lead who owns commitments;
    # until something changes, a visit reads it kept in 2 (decision 0045).
    assert_queries_do_not_grow(
        {"today": (client_as("lead"), reverse("accounts:home"))}, grow, most=16
    )
