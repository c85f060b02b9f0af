"""Planned meetings as the involvement budget reads them: who is expected, for how
long, on which day (the budgets app prices them; meetings hold no rates)."""

from django.db.models import Count
from django.db.models.functions import TruncDate

from coproduce.accounts.models import Role

from .models import Invitation

# Places that may still be taken: a "not coming" or a cancelled place costs nothing.
EXPECTED = (Invitation.Reply.NONE, Invitation.Reply.YES, Invitation.Reply.MAYBE)


def expected_between(since, until):
    """Rows of (day, project id, project title, minutes, co-producers expected) for
    meetings starting in [since, until) (aware datetimes): co-producers are paid for their
    time, staff are not. One grouped query, by day, project and length."""
    return (
        Invitation.objects.filter(
            meeting__starts_at__gte=since,
            meeting__starts_at__lt=until,
            reply__in=EXPECTED,
            person__role_assignments__role=Role.COPRODUCER,
        )
        .annotate(day=TruncDate("meeting__starts_at"))
        .order_by()
        .values_list(
            "day", "meeting__project_id", "meeting__project__title", "meeting__duration_minutes"
        )
        .annotate(people=Count("pk"))
    )
