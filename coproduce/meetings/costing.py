"""Planned meetings as the involvement budget reads them: who is expected, for how
long, on which day (the budgets app prices them; meetings hold no rates)."""

from collections import Counter

from django.db.models import Count
from django.utils import timezone

from coproduce.accounts.models import Role

from .models import Invitation

# Places that may still be taken: a "not coming" or a cancelled place costs nothing.
EXPECTED = (Invitation.Reply.NONE, Invitation.Reply.YES, Invitation.Reply.MAYBE)


def expected_between(since, until):
    """Rows of (day, project id, project title, minutes, co-producers expected) for
    meetings starting in [since, until) (aware datetimes): co-producers are paid for their
    time, staff are not. One query grouped by meeting; each start is cut to its local day
    here, which on SQLite is three times quicker than asking the database to do it for
    every invitation (decision 0046)."""
    zone = timezone.get_current_timezone()
    by_meeting = (
        Invitation.objects.filter(
            meeting__starts_at__gte=since,
            meeting__starts_at__lt=until,
            reply__in=EXPECTED,
            person__role_assignments__role=Role.COPRODUCER,
        )
        .order_by()
        .values_list(
            "meeting_id",
            "meeting__starts_at",
            "meeting__project_id",
            "meeting__project__title",
            "meeting__duration_minutes",
        )
        .annotate(people=Count("pk"))
    )
    found = Counter()
    for _meeting, starts, project, title, minutes, people in by_meeting:
        found[(timezone.localtime(starts, zone).date(), project, title, minutes)] += people
    return [(*key, people) for key, people in found.items()]
