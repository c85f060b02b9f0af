"""Who a member of staff works with: the check behind reading a person's access
passport (docs/decisions/0021-need-to-know-passports.md).

The apps that bring staff and people together own the links, so each registers,
from its registrations.py, a function `people_for(user)` giving the ids of the
people `user` works with through that app (a queryset of one column, used as a
subquery). Nothing here reads another app's tables."""

from django.db.models import Q
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
    # Each link is asked only about these people's own rows, and the answers are put
    # together with UNION. As IN over everyone `user` works with, PostgreSQL first listed
    # every invitation to their meetings (100 to 300 ms at scale 1); as one EXISTS per
    # link, building the query took longer than running it (decision 0016).
    links = [_among(people_for(user), ids) for people_for in _SOURCES.values()]
    return set(links[0].union(*links[1:]))


def _among(people_ids, ids):
    """A source's one-column queryset of ids, narrowed to `ids`."""
    (column,) = people_ids.query.values_select
    return people_ids.filter(**{f"{column}__in": ids}).order_by().values_list(column, flat=True)


def works_with(user, person):
    """Kept until a change is committed, or the day turns (a place on a team ends at
    midnight): the check reads each link through projects, meetings and opportunities."""
    return changes.kept(
        f"works-with:{user.pk}:{person.pk}:{timezone.localdate().isoformat()}",
        lambda: person.pk in worked_with_among(user, [person]),
    )
