"""People's interests as other apps read them: who to tell about an opportunity."""

from .consent import CONTACT, consenting
from .models import ProfileTag


def people_to_tell(interests, role):
    """{person: set of their interests among `interests`} for the active people with
    `role` who chose those interests and whose newest choice is yes to being contacted
    about opportunities. One query."""
    rows = consenting(
        ProfileTag.objects.filter(
            kind="interest",
            value__in=list(interests),
            profile__user__is_active=True,
            profile__user__role_assignments__role=role,
        ),
        CONTACT,
        field="profile__user",
    ).select_related("profile__user")
    people = {}
    for tag in rows:
        people.setdefault(tag.profile.user, set()).add(tag.value)
    return people
