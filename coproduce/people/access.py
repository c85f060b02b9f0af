"""The one way other apps read a person's access needs.

    arrangements_for(person, viewer, reason) -> Arrangements

Organisers get the arrangements to make, never more than the person chose to
share, and nothing at all once they have withdrawn consent. Every read by
someone other than the person is written to the privacy read log."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from coproduce.privacy.log import record_read, record_reads
from coproduce.privacy.models import ReadLog

from . import consent
from .models import AccessPassport, Requirement, Sharing


@dataclass
class Arrangements:
    person: object
    shared: bool  # False: the person has not agreed to share, so ask them
    items: list = field(default_factory=list)  # plain-English arrangements to make
    dietary: str = ""
    other: str = ""
    own_words: str = ""  # only when shared in full, or for the person themself
    sharing: str = Sharing.NONE

    @property
    def has_any(self):
        return bool(self.items or self.dietary or self.other or self.own_words)


def _build(person, passport, consented, viewer_is_person):
    if passport is None:
        return Arrangements(person=person, shared=consented or viewer_is_person)
    sharing = passport.sharing if consented else Sharing.NONE
    if not viewer_is_person and sharing == Sharing.NONE:
        return Arrangements(person=person, shared=False)
    codes = {row.code for row in passport.requirements.all()}
    return Arrangements(
        person=person,
        shared=True,
        items=[label for code, label in Requirement.choices if code in codes],
        dietary=passport.dietary,
        other=passport.other_arrangements,
        own_words=passport.own_words if viewer_is_person or sharing == Sharing.FULL else "",
        sharing=sharing,
    )


def _what(arrangements):
    return (
        ReadLog.What.ACCESS_PASSPORT if arrangements.own_words else ReadLog.What.ACCESS_ARRANGEMENTS
    )


def arrangements_for(person, viewer, reason):
    """What `viewer` may know about `person`'s access needs, logged."""
    if not viewer.has_perm("people.view_access_passport", person):
        raise PermissionDenied
    passport = AccessPassport.objects.filter(user=person).prefetch_related("requirements").first()
    viewer_is_person = viewer.pk == person.pk
    result = _build(
        person, passport, consent.has_consent(person, consent.SHARE_ACCESS), viewer_is_person
    )
    if result.shared and not viewer_is_person:
        record_read(viewer=viewer, subject=person, what=_what(result), reason=reason)
    return result


def arrangements_for_many(people, viewer, reason):
    """The same for a list of people (a meeting's attendees), in a fixed number of queries."""
    people = list(people)
    allowed = [
        person for person in people if viewer.has_perm("people.view_access_passport", person)
    ]
    if len(allowed) != len(people):
        raise PermissionDenied
    passports = {
        passport.user_id: passport
        for passport in AccessPassport.objects.filter(user__in=people).prefetch_related(
            "requirements"
        )
    }
    agreed = set(
        consent.consenting(
            get_user_model().objects.filter(pk__in=[p.pk for p in people]), consent.SHARE_ACCESS
        ).values_list("pk", flat=True)
    )
    results = [_build(p, passports.get(p.pk), p.pk in agreed, p.pk == viewer.pk) for p in people]
    by_what = {}
    for result in results:
        if result.shared and result.person.pk != viewer.pk:
            by_what.setdefault(_what(result), []).append(result.person)
    for what, subjects in by_what.items():
        record_reads(viewer=viewer, subjects=subjects, what=what, reason=reason)
    return results


def who_can_see(passport_sharing, consented):
    """Plain-English list of who can see a passport, for the person."""
    lines = ["You, whenever you are signed in."]
    if consented and passport_sharing != Sharing.NONE:
        detail = (
            "everything here"
            if passport_sharing == Sharing.FULL
            else "the arrangements to make, not your own words"
        )
        lines.append(
            "The co-production lead and staff members who organise meetings and projects: "
            f"{detail}."
        )
    else:
        lines.append("Nobody else. Staff will ask you what you need each time.")
    lines.append("Administrators, finance staff and board members cannot see it.")
    lines.append("Every time someone else looks, we record it and show you.")
    return lines
