"""Fair selection: spread chances beyond "the same few people".

For each applicant: how many opportunities they were chosen for in the last 12
months, and when they were last involved (chosen for an opportunity or joined a
project team as a co-producer). Applicants with the fewest recent chances, then
those involved longest ago, come first."""

from datetime import timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone

from coproduce.projects.team import last_joined_as_coproducer

from .models import Application


def chances(person_ids):
    """{person_id: (chosen in last 12 months, last involved date or None)} in two queries."""
    ids = list(person_ids)
    year_ago = timezone.now() - timedelta(days=365)
    result = {pk: [0, None] for pk in ids}
    selected = (
        Application.objects.filter(person_id__in=ids, status=Application.Status.SELECTED)
        .values("person_id")
        .annotate(recent=Count("pk", filter=Q(decided_at__gte=year_ago)), last=Max("decided_at"))
    )
    for row in selected:
        result[row["person_id"]][0] = row["recent"]
        result[row["person_id"]][1] = row["last"].date() if row["last"] else None
    for person_id, joined in last_joined_as_coproducer(ids).items():
        last = result[person_id][1]
        if last is None or joined > last:
            result[person_id][1] = joined
    return {pk: tuple(value) for pk, value in result.items()}


def fairest_first(applications):
    """Sorts applications (with .person) and sets .chosen_recently and .last_involved."""
    table = chances(application.person_id for application in applications)
    for application in applications:
        application.chosen_recently, application.last_involved = table[application.person_id]
    return sorted(
        applications,
        key=lambda a: (
            a.chosen_recently,
            a.last_involved is not None,  # never involved comes first
            a.last_involved or timezone.localdate(),
            a.created_at,
        ),
    )
