"""Who a member of staff works with: the check behind reading a person's access
passport (docs/decisions/0021-need-to-know-passports.md).

The apps that bring staff and people together own the links, so each registers,
from its registrations.py, a function `people_for(user)` giving the ids of the
people `user` works with through that app (a queryset of one column, used as a
subquery). Nothing here reads another app's tables."""

from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from coproduce.lib import changes

_SOURCES = {}


def register(name, people_for):
    _SOURCES[name] = people_for


def worked_with(user):
    """A filter on users: the people `user` works with, through any registered link."""
    condition = Q(pk__in=[])
    for people_for in _SOURCES.values():
        condition |= Q(pk__in=people_for(user))
    return condition


def worked_with_among(user, people):
    """The ids, among `people`, of those `user` works with: one query however many."""
    ids = {person.pk for person in people}
    if not ids or not user.is_authenticated or not _SOURCES:
        return set()
    # Each link is asked from these people's own rows (EXISTS). As IN, PostgreSQL first
    # listed everyone `user` works with, every invitation to their meetings included,
    # to check one person: 100 to 300 ms for the person page at scale 1.
    linked = reduce(or_, (Exists(_of_each(people_for(user))) for people_for in _SOURCES.values()))
    return set(get_user_model().objects.filter(linked, pk__in=ids).values_list("pk", flat=True))


def _of_each(people_ids):
    """A source's one-column queryset of ids, narrowed to the person of the outer row."""
    (column,) = people_ids.query.values_select
    return people_ids.filter(**{column: OuterRef("pk")})


def works_with(user, person):
    """Kept until a change is committed, or the day turns (a place on a team ends at
    midnight): the check reads each link through projects, meetings and opportunities,
    and building it took about 7 of the person page's 28 ms (decision 0016)."""
    return changes.kept(
        f"works-with:{user.pk}:{person.pk}:{timezone.localdate().isoformat()}",
        lambda: person.pk in worked_with_among(user, [person]),
    )
