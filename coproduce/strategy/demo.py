"""Demo strategy: five commitments. One ("from the start") is measured by a dashboard
figure with a made-up monthly history leading up to the figure's real value today, so
its trajectory shows; it is public and written with Chris (the demo co-producer). Two
are due within 30 days, so the lead and staff see them on Today."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.insights import actions as insights_actions
from coproduce.insights import history

from . import actions
from .models import Commitment, Direction
from .trajectory import months_before

FROM_THE_START = "projects.from_the_start"
PAID_ON_TIME = "payments.paid_within_14_days"


def _history(today, log):
    """The 28th of each of the last six months and yesterday, as if the daily job had
    run then (the real snapshots of small demo numbers are suppressed, so hold no
    value): three points a month below the figure's real value now (or 50 with none)."""
    unit, rows = history.monthly([FROM_THE_START], months_before(today, 0)).get(
        FROM_THE_START, ("%", [])
    )
    now = rows[-1][1] if rows else Decimal(50)
    values = {
        months_before(today, months) + timedelta(days=27): max(Decimal(0), now - 3 * months)
        for months in range(6, 0, -1)
    }
    values[today - timedelta(days=1)] = now
    added = insights_actions.record_demo_history(
        key=FROM_THE_START,
        values=values,
        title="Projects that involved co-producers from the start",
        unit=unit,
    )
    log(f"Demo strategy: {added} made-up monthly values of {FROM_THE_START}")


def load(log):
    if Commitment.objects.exists():
        log("Demo strategy: already there")
        return
    people = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    lead = people.get("lead@example.org")
    if lead is None:
        log("Demo strategy: no demo lead, skipped")
        return
    today = timezone.localdate()
    _history(today, log)
    spring = date(today.year + 1, 3, 31)
    commitments = [
        (
            Commitment(
                text="70% of projects involve co-producers from the start",
                text_cy="Bydd 70% o brosiectau yn cynnwys cyd-gynhyrchwyr o'r dechrau",
                owner=lead,
                due_on=spring,
                figure_key=FROM_THE_START,
                target=Decimal(70),
                direction=Direction.AT_LEAST,
                public=True,
            ),
            [people.get("coproducer@example.org")],
        ),
        (
            Commitment(
                text="95% of claims are paid within 14 days",
                owner=people.get("finance@example.org", lead),
                due_on=spring,
                figure_key=PAID_ON_TIME,
                target=Decimal(95),
                direction=Direction.AT_LEAST,
                public=True,
            ),
            [],
        ),
        (
            Commitment(
                text="Co-producers co-chair the board's review of this strategy",
                owner=lead,
                due_on=today + timedelta(days=25),
            ),
            [people.get("coproducer@example.org")],
        ),
        (
            Commitment(
                text="Every meeting's papers go out in the formats people asked for",
                owner=people.get("staff@example.org", lead),
                due_on=today + timedelta(days=20),
            ),
            [],
        ),
        (
            Commitment(
                text="Co-producers shape next year's involvement budget with finance",
                owner=people.get("finance@example.org", lead),
                due_on=date(today.year + 1, 6, 30),
            ),
            [],
        ),
    ]
    for commitment, co_authors in commitments:
        actions.save_commitment(
            commitment=commitment, by=lead, co_authors=[p for p in co_authors if p is not None]
        )
    log(f"Demo strategy: {len(commitments)} commitments, 2 public, 2 due within 30 days")
