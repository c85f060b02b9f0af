"""The meetings figures on the dashboard (see coproduce.lib.figures)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, F, Q
from django.urls import reverse

from coproduce.lib.figures import Figure, Period, Row
from coproduce.lib.suppression import floor, suppress

from .models import AccessAnswer, Arrangement, Feedback

if TYPE_CHECKING:
    from coproduce.accounts.models import User

PERMISSION = "meetings.view_feedback_results"


def _notes(shown: dict[str, int | None]) -> tuple[str, ...]:
    if any(value is None for value in shown.values()):
        return (f"Numbers under {floor()} are hidden so nobody can be identified.",)
    return ()


def access_needs_met(period: Period, viewer: User | None) -> Figure:
    counts = dict(
        Feedback.objects.filter(given_on__gte=period.start, given_on__lte=period.end)
        .values_list("access_needs_met")
        .annotate(n=Count("pk"))
    )
    raw = {str(label): counts.get(value, 0) for value, label in AccessAnswer.choices}
    shown, total = suppress(raw)
    url = reverse("meetings:feedback_overview")
    needs = [
        shown[str(choice.label)]
        for choice in (AccessAnswer.YES, AccessAnswer.PARTLY, AccessAnswer.NO)
    ]
    known = [n for n in needs if n is not None]
    title = "Access needs met at meetings"
    value = None
    if total == 0:
        summary = "Nobody gave feedback on a meeting in this period."
    elif total is None:
        summary = f"Fewer than {floor()} people answered, so the numbers are hidden."
    elif len(known) < len(needs):
        # Working out a share from hidden numbers would reveal them.
        summary = f"{total} people gave feedback. Some answers are too few to show."
    elif sum(known):
        value = round(100 * known[0] / sum(known))
        summary = (
            f"{known[0]} of {sum(known)} people with access needs who gave feedback said their "
            f"needs were met ({value}%)."
        )
    else:
        summary = f"{total} people gave feedback; none had access needs for the meeting."
    return Figure(
        title=title,
        summary=summary,
        value=value,
        unit="%",
        rows=tuple(Row(label=label, value=shown[label], url=url) for label in raw),
        columns=("Were your access needs met?", "People"),
        url=url,
        url_permission=PERMISSION,
        notes=_notes(shown),
    )


def arrangements_ready(period: Period, viewer: User | None) -> Figure:
    since, until = period.datetimes()
    items = Arrangement.objects.filter(
        meeting__starts_at__gte=since, meeting__starts_at__lt=until, still_needed=True
    )
    ready_q = Q(status=Arrangement.Status.DONE, done_at__lt=F("meeting__starts_at"))
    counts = items.aggregate(ready=Count("pk", filter=ready_q), all=Count("pk"))
    raw = {
        "Arranged before the meeting": counts["ready"],
        "Not arranged before the meeting": counts["all"] - counts["ready"],
    }
    shown, total = suppress(raw)
    ready = shown["Arranged before the meeting"]
    if total == 0:
        summary, value = "No meetings in this period needed access arrangements.", None
    elif total is None or ready is None:
        summary = f"Fewer than {floor()} arrangements, so the numbers are hidden."
        value = None
    else:
        value = round(100 * ready / total)
        summary = (
            f"{ready} of {total} access arrangements ({value}%) were ready before the meeting."
        )
    url = reverse("meetings:meeting_list")
    return Figure(
        title="Access arrangements ready in time",
        summary=summary,
        value=value,
        unit="%",
        rows=tuple(Row(label=label, value=shown[label], url=url) for label in raw),
        columns=("Access arrangements", "Number"),
        url=url,
        url_permission="meetings.view_checklist",
        notes=_notes(shown),
    )
