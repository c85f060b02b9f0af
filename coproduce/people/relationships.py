"""Who a member of staff works with: the check behind reading a person's access
passport (docs/decisions/0021-need-to-know-passports.md).

The apps that bring staff and people together own the links, so each registers,
from its registrations.py, a function `people_for(user)` giving the ids of the
people `user` works with through that app (a queryset of one column, used as a
subquery). Nothing here reads another app's tables."""

from django.contrib.auth import get_user_model
from django.db.models import Q

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
    if not ids or not user.is_authenticated:
        return set()
    return set(
        get_user_model()
        .objects.filter(pk__in=ids)
        .filter(worked_with(user))
        .values_list("pk", flat=True)
    )


def works_with(user, person):
    return person.pk in worked_with_among(user, [person])
