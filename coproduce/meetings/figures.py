"""The meetings figures on the dashboard (see coproduce.lib.figures)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils.translation import gettext

from coproduce.lib.figures import Figure, Period, Row
from coproduce.lib.suppression import floor, suppress

from .models import AccessAnswer, Arrangement, Feedback

if TYPE_CHECKING:
    from coproduce.accounts.models import User

PERMISSION = "meetings.view_feedback_results"


def _notes(shown: dict[str, int | None]) -> tuple[str, ...]:
    if any(value is None for value in shown.values()):
        return (
            gettext("Numbers under %(floor)s are hidden so nobody can be identified.")
            % {"floor": floor()},
        )
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
    title = gettext("Access needs met at meetings")
    value = None
    if total == 0:
        summary = gettext("Nobody gave feedback on a meeting in this period.")
    elif total is None:
        summary = gettext("Fewer than %(floor)s people answered, so the numbers are hidden.") % {
            "floor": floor()
        }
    elif len(known) < len(needs):
        # Working out a share from hidden numbers would reveal them.
        summary = gettext("%(total)s people gave feedback. Some answers are too few to show.") % {
            "total": total
        }
    elif sum(known):
        value = round(100 * known[0] / sum(known))
        summary = gettext(
            "%(met)s of %(all)s people with access needs who gave feedback said their "
            "needs were met (%(value)s%%)."
        ) % {"met": known[0], "all": sum(known), "value": value}
    else:
        summary = gettext(
            "%(total)s people gave feedback; none had access needs for the meeting."
        ) % {"total": total}
    return Figure(
        title=title,
        summary=summary,
        value=value,
        unit="%",
        rows=tuple(Row(label=label, value=shown[label], url=url) for label in raw),
        columns=(gettext("Were your access needs met?"), gettext("People")),
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
    arranged = gettext("Arranged before the meeting")
    raw = {
        arranged: counts["ready"],
        gettext("Not arranged before the meeting"): counts["all"] - counts["ready"],
    }
    shown, total = suppress(raw)
    ready = shown[arranged]
    if total == 0:
        summary, value = gettext("No meetings in this period needed access arrangements."), None
    elif total is None or ready is None:
        summary = gettext("Fewer than %(floor)s arrangements, so the numbers are hidden.") % {
            "floor": floor()
        }
        value = None
    else:
        value = round(100 * ready / total)
        summary = gettext(
            "%(ready)s of %(total)s access arrangements (%(value)s%%) were ready before the meeting."
        ) % {"ready": ready, "total": total, "value": value}
    url = reverse("meetings:meeting_list")
    return Figure(
        title=gettext("Access arrangements ready in time"),
        summary=summary,
        value=value,
        unit="%",
        rows=tuple(Row(label=label, value=shown[label], url=url) for label in raw),
        columns=(gettext("Access arrangements"), gettext("Number")),
        url=url,
        url_permission="meetings.view_checklist",
        notes=_notes(shown),
    )
