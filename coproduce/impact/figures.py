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
from django.utils.translation import gettext, ngettext

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
        (gettext("Area of the jigsaw"), *(str(label) for _, label in Where.choices))
    ]
    for area, label in AREAS.items():
        grid.append((str(label), *(counts.get((area, where), 0) for where, _ in Where.choices)))
    if total:
        busiest = max(AREAS, key=lambda area: by_area[area])
        summary = " ".join(
            (
                ngettext(
                    "%(total)s change came about because people took part; most were in "
                    "%(area)s (%(in_area)s).",
                    "%(total)s changes came about because people took part; most were in "
                    "%(area)s (%(in_area)s).",
                    total,
                )
                % {
                    "total": total,
                    "area": str(AREAS[busiest]).lower(),
                    "in_area": by_area[busiest],
                },
                ngettext(
                    "%(published)s is on the public impact page.",
                    "%(published)s are on the public impact page.",
                    published,
                )
                % {"published": published},
            )
        )
    else:
        summary = gettext("No changes were recorded in the impact log for this period.")
    return Figure(
        title=gettext("What changed because people took part"),
        summary=summary,
        value=total,
        unit=gettext("changes"),
        rows=tuple(
            Row(label=str(label), value=by_area[area], url=f"{log}?area={area}")
            for area, label in AREAS.items()
        ),
        columns=(gettext("Area of the jigsaw"), gettext("Changes")),
        url=log,
        url_permission="impact.view_log",
        grid=tuple(grid),
        notes=(
            gettext(
                "Counted by the date each change happened. Inside: a service, policy or way of "
                "working of ours. Outside: a council, commissioner or other body."
            ),
        ),
    )
