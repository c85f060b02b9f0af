"""The impact log's figure for the dashboard: the changes recorded in the period, by
the area of SCIE's jigsaw they changed and by whether they were inside or outside the
organisation. Two queries, whatever the number of entries.

It counts changes, not people, so nothing here needs small-number suppression (see
coproduce.lib.figures): no person can be picked out from how many policies changed."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Count
from django.urls import reverse

from coproduce.lib.figures import AREAS, Figure, Period, Row

from .models import ImpactEntry, Where

if TYPE_CHECKING:
    from coproduce.accounts.models import User


def changes_by_area(period: Period, viewer: User | None) -> Figure:
    counts: dict[tuple[str, str], int] = {
        (area, where): n
        for area, where, n in ImpactEntry.objects.filter(
            changed_on__gte=period.start, changed_on__lte=period.end
        )
        .values_list("area", "where")
        .annotate(n=Count("pk"))
        .values_list("area", "where", "n")
    }
    published = ImpactEntry.objects.filter(
        changed_on__gte=period.start, changed_on__lte=period.end, published=True
    ).count()
    by_area = {area: sum(n for (a, _), n in counts.items() if a == area) for area in AREAS}
    total = sum(by_area.values())
    log = reverse("impact:entry_list")
    grid: list[tuple[str | int | Decimal | None, ...]] = [
        ("Area of the jigsaw", *(str(label) for _, label in Where.choices))
    ]
    for area, label in AREAS.items():
        grid.append((label, *(counts.get((area, where), 0) for where, _ in Where.choices)))
    if total:
        busiest = max(AREAS, key=lambda area: by_area[area])
        summary = (
            f"{total} change{'s' if total != 1 else ''} came about because people took "
            f"part; most were in {AREAS[busiest].lower()} ({by_area[busiest]}). "
            f"{published} {'is' if published == 1 else 'are'} on the public impact page."
        )
    else:
        summary = "No changes were recorded in the impact log for this period."
    return Figure(
        title="What changed because people took part",
        summary=summary,
        value=total,
        unit="changes",
        rows=tuple(
            Row(label=label, value=by_area[area], url=f"{log}?area={area}")
            for area, label in AREAS.items()
        ),
        columns=("Area of the jigsaw", "Changes"),
        url=log,
        url_permission="impact.view_log",
        grid=tuple(grid),
        notes=(
            "Counted by the date each change happened. Inside: a service, policy or way of "
            "working of ours. Outside: a council, commissioner or other body.",
        ),
    )
