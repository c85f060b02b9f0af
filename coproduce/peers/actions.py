"""Peer support use cases: one transaction each; people are told once it commits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from coproduce.accounts.models import Role
from coproduce.lib.language import in_language_of
from coproduce.notifications.actions import notify

from .models import (
    CheckIn,
    GroupMeeting,
    GroupMember,
    GroupNotice,
    Pairing,
    PeerGroup,
    PeerSupporterOffer,
    PeerSupportRequest,
)

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.meetings.models import Meeting

PAIRED = "peers.paired"
ENDED = "peers.pairing_ended"


# ---- offers and requests ----------------------------------------------------------


@transaction.atomic
def save_offer(
    *,
    person: User,
    can_offer: str,
    ways: Sequence[str],
    use_lived_experience: bool,
    available: bool,
) -> PeerSupporterOffer:
    """Records (or changes) that `person` agrees to be a peer supporter."""
    offer, _ = PeerSupporterOffer.objects.update_or_create(
        person=person,
        defaults={
            "can_offer": can_offer,
            "ways": list(ways),
            "use_lived_experience": use_lived_experience,
            "available": available,
            "updated_at": timezone.now(),
        },
    )
    return offer


@transaction.atomic
def ask_for_support(
    *, person: User, hoping_for: str, ways: Sequence[str], use_lived_experience: bool
) -> PeerSupportRequest:
    """A co-producer asks for a peer supporter. One open request each: asking again
    changes the open one."""
    request = PeerSupportRequest.objects.filter(
        person=person, status=PeerSupportRequest.Status.OPEN
    ).first() or PeerSupportRequest(person=person)
    request.hoping_for = hoping_for
    request.ways = list(ways)
    request.use_lived_experience = use_lived_experience
    request.save()
    return request


@transaction.atomic
def withdraw_request(*, request: PeerSupportRequest, by: User) -> None:
    if request.person_id != by.pk or request.status != PeerSupportRequest.Status.OPEN:
        raise ValidationError(
            gettext("Only an open request can be withdrawn, by the person who made it.")
        )
    request.status = PeerSupportRequest.Status.WITHDRAWN
    request.save(update_fields=["status"])


# ---- pairings ---------------------------------------------------------------------


@transaction.atomic
def pair(*, request: PeerSupportRequest, supporter: User, by: User) -> Pairing:
    """The lead pairs the person who asked with a peer supporter who offered. Both are
    told."""
    request = PeerSupportRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != PeerSupportRequest.Status.OPEN:
        raise ValidationError(gettext("This request is no longer waiting for a peer supporter."))
    if supporter.pk == request.person_id:
        raise ValidationError(gettext("Someone cannot be their own peer supporter."))
    offered = PeerSupporterOffer.objects.filter(
        person=supporter,
        available=True,
        person__is_active=True,
        person__role_assignments__role=Role.COPRODUCER,
    ).exists()
    if not offered:
        raise ValidationError(gettext("Choose someone who has offered to be a peer supporter."))
    pairing = Pairing.objects.create(
        request=request, person=request.person, supporter=supporter, paired_by=by
    )
    request.status = PeerSupportRequest.Status.PAIRED
    request.save(update_fields=["status"])
    path = pairing.get_absolute_url()
    with in_language_of(request.person):
        notify(
            request.person,
            PAIRED,
            subject=gettext("You have a peer supporter"),
            body=gettext(
                "%(supporter)s will be your peer supporter. They will get in touch, or you "
                "can see how to reach each other on the pairing page."
            )
            % {"supporter": supporter},
            url=path,
            key=f"peers.paired:{pairing.pk}:{request.person_id}",
        )
    with in_language_of(supporter):
        notify(
            supporter,
            PAIRED,
            subject=gettext("You are someone's peer supporter"),
            body=gettext(
                "Thank you for offering peer support. You are paired with %(person)s. "
                "The pairing page says what they hope for."
            )
            % {"person": request.person},
            url=path,
            key=f"peers.paired:{pairing.pk}:{supporter.pk}",
        )
    return pairing


@transaction.atomic
def record_check_in(
    *, pairing: Pairing, held_on: date, how_it_went: str, note: str, by: User
) -> CheckIn:
    if not pairing.active:
        raise ValidationError(gettext("This pairing has ended."))
    return CheckIn.objects.create(
        pairing=pairing, held_on=held_on, how_it_went=how_it_went, note=note, recorded_by=by
    )


@transaction.atomic
def end_pairing(*, pairing: Pairing, by: User, closing_note: str) -> Pairing:
    """Either person, or the lead, ends the pairing with a short closing note. The
    others are thanked and told; no reason is asked for."""
    pairing = Pairing.objects.select_for_update().get(pk=pairing.pk)
    if not pairing.active:
        raise ValidationError(gettext("This pairing has already ended."))
    pairing.ended_at = timezone.now()
    pairing.ended_by = by
    pairing.closing_note = closing_note
    pairing.save(update_fields=["ended_at", "ended_by", "closing_note"])
    for person in (pairing.person, pairing.supporter):
        if person.pk == by.pk:
            continue
        with in_language_of(person):
            notify(
                person,
                ENDED,
                subject=gettext("Your peer support pairing has come to an end"),
                body=gettext(
                    "Thank you for the time you spent together. Pairings come to an end for "
                    "all sorts of reasons, and that is fine. You can ask for, or offer, peer "
                    "support again at any time."
                ),
                url=pairing.get_absolute_url(),
                key=f"peers.ended:{pairing.pk}:{person.pk}",
            )
    return pairing


# ---- peer groups ------------------------------------------------------------------


@transaction.atomic
def start_group(*, name: str, purpose: str, by: User) -> PeerGroup:
    """A co-producer starts a group and is its first member."""
    group = PeerGroup.objects.create(name=name, purpose=purpose, created_by=by)
    GroupMember.objects.create(group=group, person=by)
    return group


@transaction.atomic
def add_member(*, group: PeerGroup, person: User, by: User) -> GroupMember:
    """A member adds a co-producer, or invites a member of staff as a guest."""
    if not group.members.filter(person=by, is_staff_guest=False).exists():
        raise ValidationError(gettext("Only the group's co-producer members can add people."))
    if group.members.filter(person=person).exists():
        raise ValidationError(gettext("%(person)s is already in the group.") % {"person": person})
    is_coproducer = person.has_role(Role.COPRODUCER)
    return GroupMember.objects.create(
        group=group,
        person=person,
        is_staff_guest=not is_coproducer,
        invited_by=None if is_coproducer else by,
    )


@transaction.atomic
def leave_group(*, member: GroupMember) -> None:
    member.delete()


@transaction.atomic
def post_notice(*, group: PeerGroup, author: User, title: str, body: str) -> GroupNotice:
    if not group.members.filter(person=author).exists():
        raise ValidationError(gettext("Only members can post notices."))
    return GroupNotice.objects.create(group=group, author=author, title=title, body=body)


@transaction.atomic
def link_meeting(*, group: PeerGroup, meeting: Meeting, by: User) -> GroupMeeting:
    """A co-producer member makes a meeting they are invited to one of the group's."""
    if not group.members.filter(person=by, is_staff_guest=False).exists():
        raise ValidationError(gettext("Only the group's co-producer members can add meetings."))
    if not meeting.invitations.filter(person=by).exists():
        raise ValidationError(gettext("Choose a meeting you are invited to."))
    link, _ = GroupMeeting.objects.get_or_create(group=group, meeting=meeting)
    return link
