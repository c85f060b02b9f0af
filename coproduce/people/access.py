"""The one way other apps read a person's access needs.

    arrangements_for(person, viewer, reason) -> Arrangements
    arrangements_for_many(people, viewer, reason) -> [Arrangements]
    may_read_all(viewer, people) -> bool

Only people who may read the passport get anything (`people.view_access_passport`:
the person, and staff who work with them or recorded a reason; see rules.py).
They get the arrangements to make, never more than the person chose to share,
and nothing at all once the person has withdrawn consent. Every read by someone
other than the person is written to the privacy read log, with the reason the
reader recorded when they gave one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Q
from django.utils.translation import gettext

from coproduce.privacy.log import record_read, record_reads
from coproduce.privacy.models import ReadLog

from . import consent
from .models import AccessPassport, PassportReason, Requirement, Sharing
from .rules import readable_passports

if TYPE_CHECKING:
    from datetime import datetime

    from django.db.models import QuerySet

    from coproduce.accounts.models import User


@dataclass
class Arrangements:
    person: User
    shared: bool  # False: the person has not agreed to share, so ask them
    items: list[str] = field(default_factory=list)  # plain-English arrangements to make
    codes: list[str] = field(default_factory=list)  # the same, as Requirement codes
    dietary: str = ""
    other: str = ""
    own_words: str = ""  # only when shared in full, or for the person themself
    sharing: str = Sharing.NONE

    @property
    def has_any(self) -> bool:
        return bool(self.items or self.dietary or self.other or self.own_words)


def _build(
    person: User, passport: AccessPassport | None, consented: bool, viewer_is_person: bool
) -> Arrangements:
    if passport is None:
        return Arrangements(person=person, shared=consented or viewer_is_person)
    sharing = passport.sharing if consented else Sharing.NONE
    if not viewer_is_person and sharing == Sharing.NONE:
        return Arrangements(person=person, shared=False)
    codes = {row.code for row in passport.requirements.all()}
    return Arrangements(
        person=person,
        shared=True,
        items=[str(label) for code, label in Requirement.choices if code in codes],
        codes=[code for code in Requirement.values if code in codes],
        dietary=passport.dietary,
        other=passport.other_arrangements,
        own_words=passport.own_words if viewer_is_person or sharing == Sharing.FULL else "",
        sharing=sharing,
    )


def _what(arrangements: Arrangements) -> str:
    return (
        ReadLog.What.ACCESS_PASSPORT if arrangements.own_words else ReadLog.What.ACCESS_ARRANGEMENTS
    )


def recorded_reasons(viewer: User, people: Iterable[User]) -> dict[int, str]:
    """{person id: the reason `viewer` recorded today to read their passport}."""
    return dict(
        PassportReason.objects.current()
        .filter(viewer=viewer, person__in=[person.pk for person in people])
        .order_by("recorded_at")
        .values_list("person_id", "reason")
    )


def _logged_reason(reason: str, recorded: str | None) -> str:
    # The recorded reason first, so it is never the part cut off to fit the log.
    return f"Reason recorded: {recorded}. {reason}" if recorded else reason


def may_read_all(viewer: User, people: Iterable[User]) -> bool:
    """True when `viewer` may read every one of these passports: one query, however many."""
    people = list(people)
    return len(readable_passports(viewer, people)) == len({person.pk for person in people})


def arrangements_for(person: User, viewer: User, reason: str) -> Arrangements:
    """What `viewer` may know about `person`'s access needs, logged."""
    if not viewer.has_perm("people.view_access_passport", person):
        raise PermissionDenied
    passport = AccessPassport.objects.filter(user=person).prefetch_related("requirements").first()
    viewer_is_person = viewer.pk == person.pk
    result = _build(
        person, passport, consent.has_consent(person, consent.SHARE_ACCESS), viewer_is_person
    )
    if result.shared and not viewer_is_person:
        recorded = recorded_reasons(viewer, [person]).get(person.pk)
        record_read(
            viewer=viewer,
            subject=person,
            what=_what(result),
            reason=_logged_reason(reason, recorded),
        )
    return result


def arrangements_for_many(people: Iterable[User], viewer: User, reason: str) -> list[Arrangements]:
    """The same for a list of people (a meeting's attendees), in a fixed number of queries."""
    people = list(people)
    if not may_read_all(viewer, people):
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
    recorded = recorded_reasons(viewer, people)
    grouped: dict[tuple[str, str], list[User]] = {}
    for result in results:
        if result.shared and result.person.pk != viewer.pk:
            logged = _logged_reason(reason, recorded.get(result.person.pk))
            grouped.setdefault((_what(result), logged), []).append(result.person)
    for (what, logged), subjects in grouped.items():
        record_reads(viewer=viewer, subjects=subjects, what=what, reason=logged)
    return results


def who_can_see(passport_sharing: str, consented: bool) -> list[str]:
    """Plain-English list of who can see a passport, for the person."""
    lines = [gettext("You, whenever you are signed in.")]
    if consented and passport_sharing != Sharing.NONE:
        detail = (
            gettext("everything here")
            if passport_sharing == Sharing.FULL
            else gettext("the arrangements to make, not your own words")
        )
        lines.append(
            gettext(
                "Staff members and the co-production lead who work with you: on a project team "
                "they run, at a meeting they organise, or for an opportunity you applied for. "
                "They see %(detail)s."
            )
            % {"detail": detail}
        )
        lines.append(
            gettext(
                "A staff member helping you, for example by phone, who records why: "
                "until the end of that day, and you see their reason."
            )
        )
    else:
        lines.append(gettext("Nobody else. Staff will ask you what you need each time."))
    lines.append(gettext("Administrators, finance staff and board members cannot see it."))
    lines.append(gettext("Every time someone else looks, we record it and show you."))
    return lines


def passports_changed_since(people: QuerySet[Any], when: datetime) -> bool:
    """True when any of `people` (a queryset of ids) changed their access passport, or
    their choice about sharing it, after `when`. Reads no access needs."""
    changed: bool = AccessPassport.objects.filter(
        user__in=people, updated_at__gt=when
    ).exists() or consent.changed_since(people, consent.SHARE_ACCESS, when)
    return changed


def passports_changed_after(people: QuerySet[Any], when: Any) -> Q:
    """The same question as a database expression, so a page can ask it inside the query
    that fetches its own object (`when` may be an OuterRef) instead of in two more."""
    passports = AccessPassport.objects.filter(user__in=people, updated_at__gt=when)
    choices = consent.changes_after(people, consent.SHARE_ACCESS, when)
    return Exists(passports) | Exists(choices)
