"""The figures' history for other apps (strategy's trajectories): what the daily
snapshots (decision 0030) said, read through these functions rather than the table."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from .models import ROLLING_12_MONTHS, FigureSnapshot
from .snapshots import _latest


def monthly(keys: Iterable[str], since: date) -> dict[str, tuple[str, list[tuple[date, Decimal]]]]:
    """{key: (unit, [(day, value)])}: for each figure, the last snapshot with a value in
    each calendar month from `since` on, oldest first, and the unit of the latest.
    Suppressed or missing headlines (None) are left out. One query, whatever the number
    of figures."""
    found: dict[str, dict[tuple[int, int], tuple[date, Decimal]]] = {}
    units: dict[str, str] = {}
    rows = (
        FigureSnapshot.objects.filter(
            key__in=list(keys),
            period=ROLLING_12_MONTHS,
            taken_on__gte=since,
            value__isnull=False,
        )
        .order_by("key", "taken_on")
        .values_list("key", "taken_on", "value", "unit")
    )
    for key, taken_on, value, unit in rows:
        found.setdefault(key, {})[(taken_on.year, taken_on.month)] = (taken_on, value)
        units[key] = unit
    return {key: (units[key], list(months.values())) for key, months in found.items()}


def latest_titles() -> dict[str, tuple[str, str]]:
    """{key: (title, unit)} from each figure's latest snapshot. One query."""
    return {key: (shot.title, shot.unit) for key, shot in _latest().items()}
