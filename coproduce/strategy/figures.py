"""The strategy's figure for the dashboard's structure area: how many commitments with
a figure and a target are on track. Two queries, whatever the number of commitments.

It counts the organisation's commitments, not people, so it needs no small-number
suppression (coproduce.lib.suppression): nobody can be picked out from how many
promises are on track."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from coproduce.lib.figures import Figure, Period, Row

from .models import Commitment
from .trajectory import LABELS, MET, MISSED, OFF_TRACK, ON_TRACK, TOO_LITTLE, trajectories

if TYPE_CHECKING:
    from coproduce.accounts.models import User


def commitments_on_track(period: Period, viewer: User | None) -> Figure:
    """Commitments with a figure and a target that are still open at the start of the
    period, judged as of today from their figures' history."""
    measured = list(Commitment.objects.measured().filter(due_on__gte=period.start))
    judged = trajectories(measured, timezone.localdate())
    counts = {status: 0 for status in (ON_TRACK, MET, OFF_TRACK, MISSED, TOO_LITTLE)}
    for trajectory in judged.values():
        counts[trajectory.status] += 1
    on_track = counts[ON_TRACK] + counts[MET]
    total = len(measured)
    if total:
        summary = ngettext(
            "%(on_track)s of %(total)s commitment with a figure and a target is on track or met.",
            "%(on_track)s of %(total)s commitments with a figure and a target are on track or met.",
            total,
        ) % {"on_track": on_track, "total": total}
    else:
        summary = gettext("No commitment in the strategy has a figure and a target yet.")
    url = reverse("strategy:commitment_list")
    return Figure(
        title=gettext("Strategy commitments on track"),
        summary=summary,
        value=on_track if total else None,
        unit=gettext("commitments"),
        rows=tuple(
            Row(label=str(LABELS[status]), value=n, url=url) for status, n in counts.items()
        ),
        columns=(gettext("How it is going"), gettext("Commitments")),
        url=url,
        # The board's dashboard stays aggregates only, without links into records; the
        # board reaches the strategy from the navigation.
        url_permission="strategy.manage_strategy",
        notes=(
            gettext(
                "Judged today: the trend of each figure over the last 6 months, carried on to "
                "the commitment's date. Commitments due before the period are left out."
            ),
            gettext(
                "These are counts of commitments, not of people, so no number is held back "
                "for being small."
            ),
        ),
    )
