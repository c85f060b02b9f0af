"""Figure snapshots: every figure's headline, worked out each day for the rolling last
12 months ending yesterday, for no particular viewer (viewer=None), so a snapshot never
holds what only some people may see: the figures that read restricted data give
nothing to a viewer of None. They are the figures' history, for Today, for the
dashboard and for strategy (decision 0030)."""

import logging
from datetime import timedelta
from decimal import Decimal

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django_tasks import task

from coproduce.lib import figures

from .models import ROLLING_12_MONTHS, FigureSnapshot
from .periods import preset_period

log = logging.getLogger(__name__)

PLACES = Decimal("0.0001")


def take(taken_on=None):
    """Stores (or replaces) each figure's snapshot for `taken_on` (default today), for
    the 12 months ending the day before. Returns how many were stored. A figure that
    fails is logged and left out; the others are still stored."""
    taken_on = taken_on or timezone.localdate()
    period = preset_period(ROLLING_12_MONTHS, taken_on - timedelta(days=1))
    stored = 0
    for source in figures.sources():
        try:
            figure = source.compute(period, None)
        except Exception:
            log.exception("Figure %s failed in the snapshot", source.key)
            continue
        value = None if figure.value is None else Decimal(figure.value).quantize(PLACES)
        FigureSnapshot.objects.update_or_create(
            key=source.key,
            period=ROLLING_12_MONTHS,
            taken_on=taken_on,
            defaults={
                "title": figure.title[:200],
                "value": value,
                "unit": figure.unit[:50],
                "summary": figure.summary,
            },
        )
        stored += 1
    return stored


@task()
def snapshot_figures():
    return take()


def _latest(on_or_before=None):
    """{key: snapshot}: each figure's latest 12-month snapshot, on or before a day if
    given. One query, whatever the number of snapshots."""
    day = FigureSnapshot.objects.filter(key=OuterRef("key"), period=ROLLING_12_MONTHS)
    if on_or_before is not None:
        day = day.filter(taken_on__lte=on_or_before)
    chosen = FigureSnapshot.objects.filter(
        period=ROLLING_12_MONTHS,
        taken_on=Subquery(day.order_by("-taken_on").values("taken_on")[:1]),
    )
    return {snapshot.key: snapshot for snapshot in chosen}


def moved_since(day):
    """[(then, now)] snapshot pairs of the figures whose headline changed between the
    snapshot on or just before `day` and the latest one, in the dashboard's order.
    Suppressed or missing values (None) are never compared. Two queries."""
    then = _latest(on_or_before=day)
    if not then:
        return []
    latest = _latest()
    order = {source.key: number for number, source in enumerate(figures.sources())}
    pairs = [
        (then[key], snapshot)
        for key, snapshot in latest.items()
        if key in then
        and key in order
        and snapshot.taken_on > then[key].taken_on
        and snapshot.value is not None
        and then[key].value is not None
        and snapshot.value != then[key].value
    ]
    return sorted(pairs, key=lambda pair: order[pair[0].key])


def value_words(value, unit):
    """72% ; 1,234 claims ; 3.5 days."""
    number = value.normalize()
    text = f"{int(number):,}" if number == number.to_integral_value() else f"{number:,f}"
    return f"{text}%" if unit == "%" else f"{text} {unit}".strip()
